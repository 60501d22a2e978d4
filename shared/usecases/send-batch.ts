/**
 * One batch of send jobs as the sender's queue hands it over: every job is claimed, the batch takes
 * its channels' tokens together (waiting for them, within the invocation's time), and the claimed
 * ones are sent side by side. What cannot go now comes back later through the queue: a throttled or
 * untokened job after a backoff with jitter, a failed one after a longer one. Those are not failures
 * of the message, so the queue's receive count is not what parks it: the delivery's own count of
 * real failures is, and a parked job is moved to the dead-letter queue by the sender itself.
 */
import { backoffSeconds, type DeliveryJob } from '../domain/delivery.ts';
import { type Recipient, recipientHash } from '../domain/recipient.ts';
import type { Channel } from '../domain/subscription.ts';
import type { SendQueues } from '../ports/delivery-queues.ts';
import {
  type Claimed,
  claimDelivery,
  leaseSeconds,
  type SendDeps,
  type SendOutcome,
  type Transmitted,
  transmitDelivery,
} from './send-delivery.ts';

export interface SendBatchDeps extends SendDeps {
  queues: SendQueues;
}

export interface QueuedJob {
  id: string;
  body: string;
  /** The queue's handle to this receipt of the message (to make it come back later). */
  receipt: string;
  /** How often the queue has handed this message over, this time included. */
  receives: number;
}

export interface BatchResult {
  /** Ids to report as batch item failures: left on the queue, to come back when their delay is over. */
  failed: string[];
  outcomes: Array<SendOutcome | { outcome: 'error'; error: unknown }>;
}

/**
 * The batch's lookups made together, as each job would make them on its own: its subscriptions in
 * one batched read, whether their addresses are suppressed in another, and each correction once.
 * What a job asks that was not read ahead (a reporter's reply) goes to the stores as before.
 */
async function readAhead(deps: SendBatchDeps, jobs: DeliveryJob[]): Promise<SendBatchDeps> {
  const ids = jobs.flatMap((job) => (job.kind === 'reply' ? [] : [job.subscriptionId]));
  if (ids.length === 0) return deps;
  const subscriptions = await deps.subscriptions.getMany(ids);
  const hashes = [...subscriptions.values()].map((s) => s.addressHash);
  const suppressed = await deps.suppressions.suppressedAmong(hashes);
  const checked = new Set(hashes);
  const corrections = new Map<string, ReturnType<SendBatchDeps['corrections']['get']>>();
  return {
    ...deps,
    subscriptions: overriding(deps.subscriptions, {
      get: (id: string) =>
        ids.includes(id) ? Promise.resolve(subscriptions.get(id)) : deps.subscriptions.get(id),
    }),
    suppressions: overriding(deps.suppressions, {
      isSuppressed: (recipient: Recipient) => {
        const hash = recipientHash(recipient);
        return checked.has(hash)
          ? Promise.resolve(suppressed.has(hash))
          : deps.suppressions.isSuppressed(recipient);
      },
    }),
    // A published version never changes: one read per correction serves the whole batch.
    corrections: overriding(deps.corrections, {
      get: (id: string) => {
        const found = corrections.get(id) ?? deps.corrections.get(id);
        corrections.set(id, found);
        return found;
      },
    }),
  };
}

/** `store` with some methods answered otherwise; the rest are its own. */
const overriding = <T extends object>(store: T, methods: Partial<T>): T =>
  Object.assign(Object.create(store) as T, methods);

/** A job's body, or the error that reading it raised (reported for that job alone). */
function parse(job: QueuedJob): { job: DeliveryJob } | { unreadable: unknown } {
  try {
    return { job: JSON.parse(job.body) as DeliveryJob };
  } catch (error) {
    return { unreadable: error };
  }
}

/** `queue`: the channel whose send queue the batch came from (its retries and parking go back there). */
export async function sendBatch(
  given: SendBatchDeps,
  queue: Channel,
  jobs: QueuedJob[],
  deadlineMs: number,
): Promise<BatchResult> {
  const parsed = jobs.map(parse);
  const readable = parsed.flatMap((entry) => ('job' in entry ? [entry.job] : []));
  // Reading ahead only saves calls: if it fails, each job reads for itself.
  const deps = await readAhead(given, readable).catch(() => given);
  const claims = await Promise.all(
    parsed.map(async (entry) => {
      if (!('job' in entry)) return { outcome: 'error' as const, error: entry.unreadable };
      try {
        return await claimDelivery(deps, entry.job);
      } catch (error) {
        return { outcome: 'error' as const, error };
      }
    }),
  );
  // Tokens per channel for the claims that will call a provider; accepted ones only need finishing.
  const wanted = new Map<Channel, Claimed[]>();
  for (const claim of claims) {
    if ('key' in claim && !claim.acceptedEarlier)
      wanted.set(claim.channel, [...(wanted.get(claim.channel) ?? []), claim]);
  }
  const granted = new Set<Claimed>();
  await Promise.all(
    [...wanted].map(async ([channel, claimed]) => {
      const tokens = await deps.pacer.take(channel, claimed.length, deadlineMs);
      for (const claim of claimed.slice(0, tokens)) granted.add(claim);
    }),
  );
  const transmitted = await Promise.all(
    claims.map(async (claim): Promise<SendOutcome | Transmitted | { outcome: 'error'; error: unknown }> => {
      if (!('key' in claim)) return claim;
      try {
        if (!claim.acceptedEarlier && !granted.has(claim)) {
          await deps.deliveries.release(claim.key);
          return { outcome: 'retry', reason: 'no-token', topic: claim.topic };
        }
        return await transmitDelivery(deps, claim);
      } catch (error) {
        return { outcome: 'error', error };
      }
    }),
  );
  const outcomes = await markSent(deps, transmitted);

  const failed: string[] = [];
  const later: Array<{ receipt: string; seconds: number }> = [];
  const parked: string[] = [];
  const elsewhere: DeliveryJob[] = [];
  outcomes.forEach((outcome, i) => {
    const job = jobs[i] as QueuedJob;
    const entry = parsed[i];
    if (outcome.outcome === 'error' || !entry || !('job' in entry)) failed.push(job.id);
    // Marked for revival: moved back from the dead-letter queue, it gets another chance.
    else if (outcome.outcome === 'parked') parked.push(JSON.stringify({ ...entry.job, revive: true }));
    else if (outcome.outcome === 'elsewhere') elsewhere.push({ ...entry.job, channel: outcome.channel });
    else if (outcome.outcome === 'retry') {
      failed.push(job.id);
      later.push({ receipt: job.receipt, seconds: delayFor(outcome.reason, job.receives) });
    }
  });
  if (parked.length) await deps.queues.park(queue, parked);
  if (later.length) await deps.queues.retryLater(queue, later);
  // Handed on before this batch is done with them: if this fails, the batch is received again.
  if (elsewhere.length) await deps.queues.send(elsewhere);
  return { failed, outcomes };
}

/**
 * The accepted ones marked sent together, in one write with their counters. If that write fails, they
 * stay accepted: their jobs come back and are only finished, never sent again.
 */
async function markSent(
  deps: SendBatchDeps,
  transmitted: Array<SendOutcome | Transmitted | { outcome: 'error'; error: unknown }>,
): Promise<BatchResult['outcomes']> {
  const accepted = transmitted.flatMap((t) => (t.outcome === 'accepted' ? [t.claimed] : []));
  let failure: unknown;
  if (accepted.length > 0) {
    await deps.deliveries
      .markSentMany(
        accepted.map(({ key, counted, failures }) => ({ key, counted, failures })),
        deps.clock.now(),
      )
      .catch((error: unknown) => {
        failure = error ?? new Error('Marking the batch sent failed');
      });
  }
  return transmitted.map((t) => {
    if (t.outcome !== 'accepted') return t;
    if (failure !== undefined) return { outcome: 'error', error: failure };
    return { outcome: 'sent', topic: t.claimed.topic, channel: t.claimed.channel };
  });
}

/** No token yet: soon. Throttled: backing off. Failed: backing off too. Held elsewhere: after its lease. */
function delayFor(reason: 'throttled' | 'in-flight' | 'failed' | 'no-token', receives: number): number {
  if (reason === 'no-token') return backoffSeconds(1);
  if (reason === 'in-flight') return leaseSeconds + backoffSeconds(1);
  return backoffSeconds(receives);
}
