/**
 * The editors' daily digest: open cases by status, the overdue ones, and what was opened and
 * published in the last 24 hours. The schedule sends it; GET /admin/digest shows the same.
 */
import { type Case, type CaseStatus, openStatuses } from '../domain/case.ts';
import type { LogHead } from '../domain/public-log.ts';
import type { CaseStore } from '../ports/case-store.ts';
import type { Clock } from '../ports/clock.ts';
import type { CorrectionStore } from '../ports/correction-store.ts';
import type { PublicLog } from '../ports/public-log.ts';

export interface Digest {
  generatedAt: string;
  counts: Partial<Record<CaseStatus, number>>;
  overdue: Case[];
  newSince: number;
  publishedSince: number;
  /** The public log's head today: a copy in every editor's mailbox pins the log against rewriting. */
  logHead: LogHead;
}

const inFlight: CaseStatus[] = [...openStatuses, 'approved'];
/** The digest lists at most this many overdue cases, soonest due first; counts cover the rest. */
const overdueShown = 100;

export async function buildDigest(deps: {
  cases: CaseStore;
  corrections: CorrectionStore;
  log: PublicLog;
  clock: Clock;
}): Promise<Digest> {
  const now = deps.clock.now();
  const since = new Date(Date.parse(now) - 24 * 60 * 60 * 1000).toISOString();
  const [counts, overdue, newSince, publishedSince, logHead] = await Promise.all([
    Promise.all(inFlight.map(async (status) => [status, await deps.cases.countInStatus(status)] as const)),
    Promise.all(openStatuses.map((status) => deps.cases.overdue(status, now, overdueShown))),
    deps.cases.countOpenedSince(since, now),
    deps.corrections.countUpdatedSince(since),
    deps.log.head(),
  ]);
  return {
    generatedAt: now,
    counts: Object.fromEntries(counts),
    overdue: overdue
      .flat()
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
      .slice(0, overdueShown),
    newSince,
    publishedSince,
    logHead,
  };
}

/** The digest as the editors' email (via the alerts topic), times in the desk's time zone. */
export function digestMessage(
  digest: Digest,
  timeZone: string,
  consoleUrl: string,
): { subject: string; text: string } {
  const local = (iso: string) =>
    new Intl.DateTimeFormat('zh-CN', {
      timeZone,
      dateStyle: 'medium',
      timeStyle: 'short',
      hour12: false,
    }).format(new Date(iso));
  const open = Object.values(digest.counts).reduce((sum, count) => sum + (count ?? 0), 0);
  const lines = [
    `每日简报 Daily digest — ${local(digest.generatedAt)} (${timeZone})`,
    '',
    `在办案件 Open cases: ${open}`,
    ...inFlight.map((status) => `  ${status}: ${digest.counts[status] ?? 0}`),
    `过去24小时新开 Opened in the last 24 h: ${digest.newSince}`,
    `过去24小时发布 Published in the last 24 h: ${digest.publishedSince}`,
    `公开日志 Public log head: ${digest.logHead.seq} ${digest.logHead.hash}`,
    '',
    `逾期 Overdue: ${digest.overdue.length}`,
    ...digest.overdue.map(
      (c) =>
        `  [${c.severity}] ${c.id} · ${c.status} · due ${local(c.dueAt)} · ${c.topic} · ${consoleUrl}#/cases/${c.id}`,
    ),
  ];
  return {
    subject: `Daily digest: ${open} open, ${digest.overdue.length} overdue, ${digest.publishedSince} published`,
    text: lines.join('\n'),
  };
}
