import { recipientHash } from '../domain/recipient.ts';
import { type Actor, requireCapability } from '../domain/roles.ts';
import { allTopics } from '../domain/topic.ts';
import { type ImportRow, type RejectedRow, readImport } from '../http/import-rows.ts';
import type { ContinuationQueue } from '../ports/continuations.ts';
import type { ImportJob, ImportJobStore, ImportOutcome } from '../ports/import-jobs.ts';
import type { TopicStore } from '../ports/topic-store.ts';
import { randomId } from '../security/tokens.ts';
import { startContinuation } from './continuation.ts';
import { chunkSize, type ImportWriteDeps, importRows } from './import-writes.ts';

export interface ImportDeps extends ImportWriteDeps {
  topics: TopicStore;
  importJobs: ImportJobStore;
  continuationQueue: ContinuationQueue;
}

/** How far a long import's writing is: `done` once every row is written. */
export interface ImportJobView {
  id: string;
  status: 'writing' | 'done';
  rows: number;
  rowsWritten: number;
  createdAt: string;
  finishedAt?: string;
  /** What writing did so far (it decides again, so it can differ from the request's counts). */
  written: ImportOutcome;
}

export interface ImportReport extends ImportOutcome {
  skipped: number;
  /** Present when the rows are written by a job after the answer: poll it for its progress. */
  job?: ImportJobView;
}

/** Rows to write that the request writes itself: well inside the admin function's time limit. */
export const writtenInRequest = 1_000;
const byLine = (rejected: RejectedRow[]): RejectedRow[] => [...rejected].sort((a, b) => a.line - b.line);

export async function importSubscribers(
  deps: ImportDeps,
  actor: Actor,
  csv: string,
  options: { dryRun: boolean; suppressedAmong?: (addressHashes: string[]) => Promise<Set<string>> },
): Promise<ImportReport> {
  requireCapability(actor, 'import-subscribers');
  const now = deps.clock.now();
  const known = new Set([...(await deps.topics.list()).map((topic) => topic.key), allTopics]);
  const { rows, rejected } = readImport(csv, known, now);
  const hashes = rows.map((row) => recipientHash(row));
  // Both reads at once: which addresses are suppressed, and what every address has now.
  const [suppressed, existing] = await Promise.all([
    options.suppressedAmong ? options.suppressedAmong(hashes) : new Set<string>(),
    deps.subscriptionImports.findByAddressHashes(hashes),
  ]);
  const wanted = rows.filter((_, i) => !suppressed.has(hashes[i] as string));
  const skipped = rows.length - wanted.length;
  const newId = () => randomId(16);

  const decided = await importRows(deps, wanted, { dryRun: true, newId, existing });
  const report = (outcome: ImportOutcome, job?: ImportJobView): ImportReport => ({
    ...outcome,
    skipped,
    rejected: byLine([...rejected, ...outcome.rejected]),
    ...(job ? { job } : {}),
  });
  if (options.dryRun || decided.changing.length === 0) return report(decided.outcome);
  if (decided.changing.length <= writtenInRequest) {
    const { outcome } = await importRows(deps, decided.changing, { dryRun: false, newId, existing });
    return report({
      ...outcome,
      unchanged: outcome.unchanged + decided.outcome.unchanged,
      rejected: [...decided.outcome.rejected, ...outcome.rejected],
    });
  }

  const id = randomId(16);
  const chunks: ImportRow[][] = [];
  for (let i = 0; i < decided.changing.length; i += chunkSize)
    chunks.push(decided.changing.slice(i, i + chunkSize));
  await deps.importJobs.create({ id, createdAt: now }, chunks);
  await startContinuation(deps, 'subscriber-import', id);
  const job = await deps.importJobs.get(id);
  return report(decided.outcome, job && jobView(job));
}

export function jobView(job: ImportJob): ImportJobView {
  const done = job.chunksDone >= job.chunks;
  return {
    id: job.id,
    status: done ? 'done' : 'writing',
    rows: job.rows,
    rowsWritten: Math.min(job.rows, job.chunksDone * chunkSize),
    createdAt: job.createdAt,
    ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
    written: { ...job.written, rejected: byLine(job.written.rejected) },
  };
}

/** GET /admin/subscribers/imports/{id}: how far a long import's writing is. */
export async function importJob(
  deps: { importJobs: ImportJobStore },
  actor: Actor,
  id: string,
): Promise<ImportJobView | undefined> {
  requireCapability(actor, 'import-subscribers');
  const job = await deps.importJobs.get(id);
  return job && jobView(job);
}
