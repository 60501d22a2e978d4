/**
 * How cases come to exist and grow without an editor touching them: opened from a report, by staff
 * or as an amendment; joined by more reports; merged from a duplicate; escalated by report count.
 * Only openings count as editorial versions; joins, merges and escalations leave `version` alone so
 * the public never breaks an editor's If-Match.
 */
import type { Case, CaseSource, Draft, Language, Severity } from './case.ts';
import { isOpen, systemActor } from './case.ts';
import type { Correction } from './correction.ts';
import { InvalidInput } from './errors.ts';
import type { Decision } from './lifecycle.ts';
import { dueAt, type SeverityPolicy, severityForReports } from './severity.ts';

export interface CaseOpening {
  id: string;
  topic: string;
  text: string;
  url?: string;
  evidence?: string[];
  language: Language;
  source: Exclude<CaseSource, 'amendment'>;
  severity: Severity;
}

export function openCase(opening: CaseOpening, actor: string, now: string, policy: SeverityPolicy): Decision {
  const next: Case = {
    ...opening,
    status: 'received',
    reportCount: 1,
    dueAt: dueAt(opening.severity, now, policy),
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  return {
    next,
    entry: {
      at: now,
      actor,
      action: 'open',
      to: 'received',
      note: `source: ${opening.source}`,
      details: { source: opening.source },
    },
  };
}

/** A case in drafting whose draft starts as the correction's current wording. */
export function openAmendment(
  id: string,
  correction: Correction,
  note: string,
  severity: Severity,
  actor: string,
  now: string,
  policy: SeverityPolicy,
): Decision {
  const current = correction.versions[correction.versions.length - 1];
  const draft: Draft = {
    type: correction.type,
    headline: current?.headline ?? correction.headline,
    body: current?.body ?? correction.body,
    ...(current?.smsText ? { smsText: current.smsText } : {}),
    ...(correction.affectedUrl ? { affectedUrl: correction.affectedUrl } : {}),
    author: actor,
    at: now,
  };
  const next: Case = {
    id,
    status: 'drafting',
    topic: correction.topic,
    severity,
    source: 'amendment',
    text: note,
    ...(correction.affectedUrl ? { url: correction.affectedUrl } : {}),
    language: correction.language,
    reportCount: 1,
    dueAt: dueAt(severity, now, policy),
    createdAt: now,
    updatedAt: now,
    version: 1,
    amends: correction.id,
    amendmentNote: note,
    draft,
    // The prefilled wording is the published one, approved before: whoever edits or submits it counts.
    draftAuthors: [],
  };
  return { next, entry: { at: now, actor, action: 'amend', to: 'drafting', note } };
}

/** The case with its severity raised to what its report count calls for, or nothing if no change. */
export function escalate(c: Case, now: string, policy: SeverityPolicy): Decision | undefined {
  if (!isOpen(c.status)) return undefined;
  const severity = severityForReports(c.severity, c.reportCount, policy);
  if (severity === c.severity) return undefined;
  return {
    next: { ...c, severity, dueAt: dueAt(severity, now, policy), updatedAt: now },
    entry: {
      at: now,
      actor: systemActor,
      action: 'escalate',
      note: `${c.reportCount} reports: severity ${c.severity} → ${severity}`,
      details: { reportCount: c.reportCount, severity: { from: c.severity, to: severity } },
    },
  };
}

/**
 * The open case that absorbs a duplicate: its reports add up (escalation follows separately, from
 * the stored count, since public reports may be joining at the same moment).
 */
export function absorbDuplicate(target: Case, duplicate: Case, actor: string, now: string): Decision {
  if (!isOpen(target.status)) {
    throw new InvalidInput([
      { path: 'duplicateOf', message: `must be an open case; ${target.id} is ${target.status}` },
    ]);
  }
  return {
    next: { ...target, reportCount: target.reportCount + duplicate.reportCount, updatedAt: now },
    entry: {
      at: now,
      actor,
      action: 'merge',
      note: `${duplicate.id} merged in: ${duplicate.reportCount} report(s)`,
      details: { mergedCase: duplicate.id, reportCount: duplicate.reportCount },
    },
  };
}
