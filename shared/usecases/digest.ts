/**
 * The editors' daily digest: open cases by status, the overdue ones, and what was opened and
 * published in the last 24 hours. The schedule sends it; GET /admin/digest shows the same.
 */
import { type Case, type CaseStatus, openStatuses } from '../domain/case.ts';
import type { LogHead } from '../domain/public-log.ts';
import type { CaseQueue } from '../ports/case-queue.ts';
import type { Clock } from '../ports/clock.ts';
import type { CorrectionLists } from '../ports/correction-store.ts';
import type { PublicLog } from '../ports/public-log.ts';
import { digestEmail, type EditorMessageSettings } from '../presentation/editor-messages.ts';

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
  caseQueue: CaseQueue;
  correctionLists: CorrectionLists;
  log: PublicLog;
  clock: Clock;
}): Promise<Digest> {
  const now = deps.clock.now();
  const since = new Date(Date.parse(now) - 24 * 60 * 60 * 1000).toISOString();
  const [counts, overdue, newSince, publishedSince, logHead] = await Promise.all([
    Promise.all(
      inFlight.map(async (status) => [status, await deps.caseQueue.countInStatus(status)] as const),
    ),
    Promise.all(openStatuses.map((status) => deps.caseQueue.overdue(status, now, overdueShown))),
    deps.caseQueue.countOpenedSince(since, now),
    deps.correctionLists.countUpdatedSince(since),
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

/** The digest as the editors' email (via the alerts topic): their language, the desk's time zone. */
export const digestMessage = (digest: Digest, settings: EditorMessageSettings) =>
  digestEmail(digest, inFlight, settings);
