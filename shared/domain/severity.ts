/** How urgent a case is, and the review deadline that follows from it. */
import type { Severity } from './case.ts';

export interface SeverityPolicy {
  /** Time to review, in minutes, from the moment the severity was set. */
  dueMinutes: Record<Severity, number>;
  /** Report counts at which a case is escalated automatically. */
  escalateAt: { high: number; critical: number };
}

export const defaultSeverityPolicy: SeverityPolicy = {
  dueMinutes: { critical: 2 * 60, high: 24 * 60, normal: 72 * 60, low: 7 * 24 * 60 },
  escalateAt: { high: 5, critical: 20 },
};

const rank: Record<Severity, number> = { low: 0, normal: 1, high: 2, critical: 3 };

export const isUrgent = (severity: Severity): boolean => rank[severity] >= rank.high;

export const isMoreSevere = (a: Severity, b: Severity): boolean => rank[a] > rank[b];

/** The deadline for a case whose severity was set at `from`. */
export function dueAt(severity: Severity, from: string, policy: SeverityPolicy): string {
  return new Date(Date.parse(from) + policy.dueMinutes[severity] * 60_000).toISOString();
}

/** The severity a report count calls for, never lower than the current one. */
export function severityForReports(current: Severity, reportCount: number, policy: SeverityPolicy): Severity {
  const called: Severity =
    reportCount >= policy.escalateAt.critical
      ? 'critical'
      : reportCount >= policy.escalateAt.high
        ? 'high'
        : current;
  return isMoreSevere(called, current) ? called : current;
}
