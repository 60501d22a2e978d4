/**
 * Writing imported rows: each row decided against what is stored, new subscriptions written in
 * batches (BatchWriteItem), each change to an existing one a conditional write (as the subscribe
 * form's), a bounded number at a time, and confirmations queued for the sender, which paces them
 * like every message. The import request writes a short file with it; a long file's job writes a
 * chunk per continuation step. Apart from reading the file, so the job's runner never loads it.
 */
import type { DeliveryJob } from '../domain/delivery.ts';
import { recipientHash } from '../domain/recipient.ts';
import { type ImportDecision, importDecision } from '../domain/subscriber-import.ts';
import type { Subscription } from '../domain/subscription.ts';
import type { ImportRow } from '../http/import-rows.ts';
import type { Clock } from '../ports/clock.ts';
import type { DeliveryQueues } from '../ports/delivery-queues.ts';
import type { ImportJobStore, ImportOutcome } from '../ports/import-jobs.ts';
import {
  SubscriptionChanged,
  type SubscriptionImports,
  type SubscriptionStore,
} from '../ports/subscription-store.ts';
import { derivedId, type Signer } from '../security/tokens.ts';
import type { ContinuationKind } from './continuation.ts';
import { confirmationSecret } from './queued-confirmation.ts';

/** What writing rows needs (the request for a short file, the job's steps for a long one). */
export interface ImportWriteDeps {
  subscriptions: SubscriptionStore;
  subscriptionImports: SubscriptionImports;
  queues: Pick<DeliveryQueues, 'send'>;
  signer: Signer;
  clock: Clock;
}

/** Rows a job's step writes: about a thousand items, well inside the runner's time limit. */
export const chunkSize = 250;
/** Conditional writes in flight at once: quick for many rows, gentle on the table's capacity. */
const concurrency = 32;

async function inParallel<T>(items: ReadonlyArray<T>, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

export const emptyOutcome = (): ImportOutcome => ({
  created: 0,
  updated: 0,
  unchanged: 0,
  confirmationsSent: 0,
  rejected: [],
});

/**
 * Decides every row against what is stored and, unless `dryRun`, writes the changes. Answers what it
 * did (or would do) and the rows that change something. New subscriptions get `newId(addressHash)`.
 */
export async function importRows(
  deps: ImportWriteDeps,
  rows: ReadonlyArray<ImportRow>,
  options: {
    dryRun: boolean;
    newId: (addressHash: string) => string;
    /** The addresses' subscriptions as just read, if they were. */
    existing?: Map<string, Subscription>;
  },
): Promise<{ outcome: ImportOutcome; changing: ImportRow[] }> {
  const now = deps.clock.now();
  const hashed = rows.map((row) => ({ row, hash: recipientHash(row) }));
  const existing =
    options.existing ?? (await deps.subscriptionImports.findByAddressHashes(hashed.map(({ hash }) => hash)));
  const outcome = emptyOutcome();
  const changing: ImportRow[] = [];
  const confirmations: DeliveryJob[] = [];
  const decide = (row: ImportRow, hash: string, current: Subscription | undefined): ImportDecision =>
    importDecision(current, { ...row, addressHash: hash }, now, options.newId(hash), (id, requestedAt) =>
      confirmationSecret(deps.signer, row.channel, id, requestedAt),
    );

  const tally = (row: ImportRow, decision: ImportDecision) => {
    if (decision.kind === 'refused') outcome.rejected.push({ line: row.line, errors: [decision.reason] });
    else if (decision.kind === 'unchanged') outcome.unchanged++;
    else {
      outcome[decision.kind === 'create' ? 'created' : 'updated']++;
      if (decision.confirm) {
        outcome.confirmationsSent++;
        const requestedAt = decision.next.confirmation?.requestedAt ?? now;
        confirmations.push({
          kind: 'confirmation',
          channel: decision.next.channel,
          subscriptionId: decision.next.id,
          requestedAt,
        });
      }
    }
  };

  const fresh: Subscription[] = [];
  const changes: Array<{ row: ImportRow; hash: string; current: Subscription }> = [];
  for (const { row, hash } of hashed) {
    const current = existing.get(hash);
    const decision = decide(row, hash, current);
    if (decision.kind === 'create' || decision.kind === 'update') changing.push(row);
    if (options.dryRun || decision.kind === 'refused' || decision.kind === 'unchanged') tally(row, decision);
    else if (!current) {
      // New addresses in batched writes; the rest are conditional writes, as the subscribe form's.
      fresh.push(decision.next);
      tally(row, decision);
    } else changes.push({ row, hash, current });
  }
  if (options.dryRun) return { outcome, changing };
  if (fresh.length) await deps.subscriptionImports.createMany(fresh);
  await inParallel(changes, async ({ row, hash, current: read }) => {
    let current: Subscription | undefined = read;
    for (let round = 1; ; round++) {
      const decision = decide(row, hash, current);
      if (decision.kind === 'refused' || decision.kind === 'unchanged') {
        tally(row, decision);
        return;
      }
      try {
        if (current) await deps.subscriptions.save(current, decision.next);
        else await deps.subscriptions.create(decision.next);
        tally(row, decision);
        return;
      } catch (error) {
        // Someone subscribed or confirmed meanwhile: read the address again and decide again.
        if (!(error instanceof SubscriptionChanged) || round >= 5) throw error;
        current = await deps.subscriptions.findByAddress(row.channel, row.address);
      }
    }
  });
  for (let i = 0; i < confirmations.length; i += 500) await deps.queues.send(confirmations.slice(i, i + 500));
  return { outcome, changing };
}

/**
 * The job's step: writes chunk `cursor` (the first when absent) and counts what it did once. New
 * subscriptions get ids derived from the job and the address, so a step run again after a crash
 * rewrites the same items rather than making a second subscription.
 */
export const writeImportChunk: ContinuationKind<ImportWriteDeps & { importJobs: ImportJobStore }> = async (
  deps,
  { target: jobId, cursor },
) => {
  const index = cursor === undefined ? 0 : Number(cursor);
  const job = await deps.importJobs.get(jobId);
  if (!job || !Number.isInteger(index) || index >= job.chunks) return { handled: 0 };
  const rows = (await deps.importJobs.chunk(jobId, index)) ?? [];
  const { outcome } = rows.length
    ? await importRows(deps, rows, { dryRun: false, newId: (hash) => derivedId(`${jobId}\n${hash}`, 16) })
    : { outcome: emptyOutcome() };
  const last = index === job.chunks - 1;
  await deps.importJobs.recordChunk(jobId, index, outcome, deps.clock.now(), last);
  return { ...(last ? {} : { next: String(index + 1) }), handled: rows.length };
};
