/**
 * One batch of send jobs as the sender's queue hands it over: every job is claimed, the batch takes
 * its channels' tokens together (waiting for them, within the invocation's time), and the claimed
 * ones are sent side by side. What cannot go now comes back later through the queue: a throttled or
 * untokened job after a backoff with jitter, a failed one after a longer one. Those are not failures
 * of the message, so the queue's receive count is not what parks it: the delivery's own count of
 * real failures is, and a parked job is moved to the dead-letter queue by the sender itself.
 */
import { backoffSeconds, type DeliveryJob } from '../domain/delivery.ts';
import type { Channel } from '../domain/subscription.ts';
import type { DeliveryQueues } from '../ports/delivery-queues.ts';
import {
  type Claimed,
  claimDelivery,
  completeDelivery,
  leaseSeconds,
  type SendDeps,
  type SendOutcome,
} from './send-delivery.ts';

export interface SendBatchDeps extends SendDeps {
  queues: DeliveryQueues;
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

export async function sendBatch(
  deps: SendBatchDeps,
  jobs: QueuedJob[],
  deadlineMs: number,
): Promise<BatchResult> {
  const claims = await Promise.all(
    jobs.map(async (job) => {
      try {
        return await claimDelivery(deps, JSON.parse(job.body) as DeliveryJob);
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
  const outcomes = await Promise.all(
    claims.map(async (claim): Promise<SendOutcome | { outcome: 'error'; error: unknown }> => {
      if (!('key' in claim)) return claim;
      try {
        if (!claim.acceptedEarlier && !granted.has(claim)) {
          await deps.deliveries.release(claim.key);
          return { outcome: 'retry', reason: 'no-token', topic: claim.topic };
        }
        return await completeDelivery(deps, claim);
      } catch (error) {
        return { outcome: 'error', error };
      }
    }),
  );

  const failed: string[] = [];
  const later: Array<{ receipt: string; seconds: number }> = [];
  const parked: string[] = [];
  outcomes.forEach((outcome, i) => {
    const job = jobs[i] as QueuedJob;
    if (outcome.outcome === 'error') failed.push(job.id);
    // Marked for revival: moved back from the dead-letter queue, it gets another chance.
    else if (outcome.outcome === 'parked')
      parked.push(JSON.stringify({ ...JSON.parse(job.body), revive: true }));
    else if (outcome.outcome === 'retry') {
      failed.push(job.id);
      later.push({ receipt: job.receipt, seconds: delayFor(outcome.reason, job.receives) });
    }
  });
  if (parked.length) await deps.queues.park(parked);
  if (later.length) await deps.queues.retryLater(later);
  return { failed, outcomes };
}

/** No token yet: soon. Throttled: backing off. Failed: backing off too. Held elsewhere: after its lease. */
function delayFor(reason: 'throttled' | 'in-flight' | 'failed' | 'no-token', receives: number): number {
  if (reason === 'no-token') return backoffSeconds(1);
  if (reason === 'in-flight') return leaseSeconds + backoffSeconds(1);
  return backoffSeconds(receives);
}
