/**
 * A Delivery: one message to one person, keyed so that it can be sent at most once however often the
 * pipeline retries. Correction messages and publication replies share a key per (correction,
 * version, person): whoever the person is to the desk, they get one message per version.
 *
 * Its states: claimed (an attempt holds a lease and may call the provider) → accepted (the provider
 * took the message; its id is recorded before anything else can fail) → sent (counted). A real
 * failure makes it failed (retried) and, after `failuresBeforeParking`, parked. A provider throttle
 * changes nothing but the lease: the message comes back later and the attempt does not count.
 */
import type { Channel } from './subscription.ts';

/**
 * What the planner asks the sender to do; the sender looks the person up again at send time.
 * `channel`: the person's channel when the job was made, which picks its send queue (one sender per
 * channel). `revive`: planned by a re-announcement, so a parked delivery gets another chance.
 */
export type DeliveryJob = (
  | { kind: 'correction'; correctionId: string; version: number; subscriptionId: string }
  | {
      kind: 'reply';
      caseId: string;
      submissionId: string;
      /** Published: its first version; amended: a later one (reporters hear of each); closed: no correction. */
      outcome: 'published' | 'amended' | 'closed';
      /** Closed: the case's topic, which the delivery is filed under (a correction names its own). */
      topic?: string;
      correctionId?: string;
      version?: number;
    }
  /**
   * A subscription request's confirmation (an email link or an SMS code), from the subscribe form or
   * an import, sent at the channel's pace like any message. It names the request by its time and
   * carries no secret: the sender derives it again (shared/usecases/queued-confirmation.ts).
   */
  | { kind: 'confirmation'; subscriptionId: string; requestedAt: string }
  /**
   * A daily or weekly subscriber's one message for a period (its periodName), listing the period's
   * corrections that reach them, oldest first.
   */
  | { kind: 'digest'; subscriptionId: string; period: string; correctionIds: string[] }
) & { channel: Channel; revive?: true };

export type ConfirmationJob = Extract<DeliveryJob, { kind: 'confirmation' }>;

export type DeliveryStatus =
  | 'claimed'
  | 'accepted'
  | 'sent'
  /** Throttled: waiting for its next turn, no failure counted. */
  | 'waiting'
  | 'failed'
  | 'parked'
  /** Ended without a message: the address is suppressed, or the person left before their turn. */
  | 'suppressed'
  | 'skipped';

export interface Delivery {
  key: string;
  kind: DeliveryJob['kind'];
  channel: Channel;
  recipientHash: string;
  topic: string;
  correctionId?: string;
  version?: number;
  caseId?: string;
  status: DeliveryStatus;
  /** Every claim, throttled or not. */
  attempts: number;
  /** Claims the provider throttled. */
  throttles?: number;
  /** Real failures only (a throttle is not one): parking counts these. */
  failures: number;
  firstAttemptAt: string;
  lastAttemptAt: string;
  /** A claimed attempt that has not finished by then is presumed dead and may be retried. */
  leaseUntil?: string;
  acceptedAt?: string;
  sentAt?: string;
  messageId?: string;
  /** The provider's error name or code, never its message (which may quote the address). */
  lastError?: string;
}

/** Real failures before a delivery is given up on and parked in the dead-letter queue. */
export const failuresBeforeParking = 5;

export function deliveryKey(job: DeliveryJob, recipientHash: string): string {
  if (job.kind === 'confirmation') return `confirmation#${job.subscriptionId}#${job.requestedAt}`;
  // One digest per person and period, however often the period's job runs.
  if (job.kind === 'digest') return `digest#${job.period}#${recipientHash}`;
  if (job.kind === 'reply' && job.outcome === 'closed') return `closed#${job.caseId}#${recipientHash}`;
  return `${job.correctionId}#${job.version}#${recipientHash}`;
}

/** The (correction, version) whose delivery counters a job moves, if any (closing replies have none). */
export function countedVersion(job: DeliveryJob): { correctionId: string; version: number } | undefined {
  if (job.kind === 'confirmation' || job.kind === 'digest') return undefined;
  if (job.kind === 'reply' && (job.outcome === 'closed' || !job.correctionId || !job.version))
    return undefined;
  return { correctionId: job.correctionId as string, version: job.version as number };
}

/** What the counters of a version count, per channel. */
export const deliveryOutcomes = ['planned', 'sent', 'failed', 'parked', 'suppressed', 'skipped'] as const;
export type DeliveryOutcome = (typeof deliveryOutcomes)[number];

export type DeliveryCounts = Record<Exclude<DeliveryOutcome, 'skipped'> | 'pending', number>;

/**
 * The contract's view of one channel's counters: pending is what was planned and has not ended
 * (sent, parked, suppressed, or skipped because the person left before their turn).
 */
export function countsOf(raw: Partial<Record<DeliveryOutcome, number>>): DeliveryCounts {
  const n = (outcome: DeliveryOutcome) => Math.max(0, raw[outcome] ?? 0);
  const ended = n('sent') + n('parked') + n('suppressed') + n('skipped');
  return {
    planned: n('planned'),
    sent: n('sent'),
    pending: Math.max(0, n('planned') - ended),
    failed: n('failed'),
    parked: n('parked'),
    suppressed: n('suppressed'),
  };
}

/**
 * How long a message waits before it comes back: exponential in the attempt, capped, with full
 * jitter over the upper half so that a throttled crowd does not return in step.
 */
export function backoffSeconds(attempt: number, random: () => number = Math.random): number {
  const capped = Math.min(maxBackoffSeconds, 2 * 2 ** Math.max(0, attempt - 1));
  return Math.max(1, Math.round(capped / 2 + (random() * capped) / 2));
}

/** SES asks to wait up to 10 minutes after a throttle; SQS allows up to 12 hours. */
const maxBackoffSeconds = 600;
