/**
 * importSubscribers: an admin brings in an existing list. Every row is checked like a subscription
 * request; the addresses are read in batches (BatchGetItem), each change is one conditional write
 * (as the subscribe form's), run a bounded number at a time, and confirmations are queued for the
 * sender, which paces them like every message. Suppressed addresses are skipped. A dry run answers
 * the same counts and writes nothing.
 */
import type { DeliveryJob } from '../domain/delivery.ts';
import { recipientHash } from '../domain/recipient.ts';
import { type Actor, requireCapability } from '../domain/roles.ts';
import { type ImportDecision, importDecision } from '../domain/subscriber-import.ts';
import type { Subscription } from '../domain/subscription.ts';
import { allTopics } from '../domain/topic.ts';
import { type ImportRow, type RejectedRow, readImport } from '../http/import-rows.ts';
import type { Clock } from '../ports/clock.ts';
import type { DeliveryQueues } from '../ports/delivery-queues.ts';
import { SubscriptionChanged, type SubscriptionStore } from '../ports/subscription-store.ts';
import type { TopicStore } from '../ports/topic-store.ts';
import { randomId, type Signer } from '../security/tokens.ts';
import { importConfirmationSecret } from './imported-confirmation.ts';

export interface ImportDeps {
  subscriptions: SubscriptionStore;
  topics: TopicStore;
  queues: Pick<DeliveryQueues, 'send'>;
  signer: Signer;
  clock: Clock;
}

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  confirmationsSent: number;
  skipped: number;
  rejected: RejectedRow[];
}

/** Conditional writes in flight at once: quick for 10,000 rows, gentle on the table's capacity. */
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
  const hashed = rows.map((row) => ({ row, hash: recipientHash(row) }));
  const suppressed = options.suppressedAmong
    ? await options.suppressedAmong(hashed.map(({ hash }) => hash))
    : new Set<string>();
  const wanted = hashed.filter(({ hash }) => !suppressed.has(hash));
  const existing = await deps.subscriptions.findByAddressHashes(wanted.map(({ hash }) => hash));

  const report: ImportReport = {
    created: 0,
    updated: 0,
    unchanged: 0,
    confirmationsSent: 0,
    skipped: hashed.length - wanted.length,
    rejected: [...rejected],
  };
  const confirmations: DeliveryJob[] = [];
  const secretFor = (id: string, requestedAt: string) =>
    importConfirmationSecret(deps.signer, id, requestedAt);
  const decide = (row: ImportRow, hash: string, current: Subscription | undefined): ImportDecision =>
    importDecision(current, { ...row, addressHash: hash }, now, randomId(16), secretFor);

  const tally = (row: ImportRow, decision: ImportDecision) => {
    if (decision.kind === 'refused') report.rejected.push({ line: row.line, errors: [decision.reason] });
    else if (decision.kind === 'unchanged') report.unchanged++;
    else {
      report[decision.kind === 'create' ? 'created' : 'updated']++;
      if (decision.confirm) {
        report.confirmationsSent++;
        const requestedAt = decision.next.confirmation?.requestedAt ?? now;
        confirmations.push({ kind: 'confirmation', subscriptionId: decision.next.id, requestedAt });
      }
    }
  };

  const fresh: Subscription[] = [];
  const changes: Array<{ row: ImportRow; hash: string; current: Subscription }> = [];
  for (const { row, hash } of wanted) {
    const current = existing.get(hash);
    const decision = decide(row, hash, current);
    if (options.dryRun || decision.kind === 'refused' || decision.kind === 'unchanged') tally(row, decision);
    else if (!current) {
      // New addresses in batched writes; the rest are conditional writes, as the subscribe form's.
      fresh.push(decision.next);
      tally(row, decision);
    } else changes.push({ row, hash, current });
  }
  if (fresh.length) await deps.subscriptions.createMany(fresh);
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
  report.rejected.sort((a, b) => a.line - b.line);
  return report;
}
