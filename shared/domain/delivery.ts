/**
 * A Delivery: one message to one person, keyed so that it can be sent at most once however often the
 * pipeline retries. Correction messages and publication replies share a key per (correction,
 * version, person): whoever the person is to the desk, they get one message per version.
 */
import type { Channel } from './subscription.ts';

/** What the planner asks the sender to do; the sender looks the person up again at send time. */
export type DeliveryJob =
  | { kind: 'correction'; correctionId: string; version: number; subscriptionId: string }
  | {
      kind: 'reply';
      caseId: string;
      submissionId: string;
      outcome: 'published' | 'closed';
      correctionId?: string;
      version?: number;
    };

export type DeliveryStatus = 'sending' | 'sent' | 'failed' | 'parked';

export interface Delivery {
  key: string;
  kind: 'correction' | 'reply';
  channel: Channel;
  recipientHash: string;
  topic: string;
  correctionId?: string;
  version?: number;
  caseId?: string;
  status: DeliveryStatus;
  attempts: number;
  firstAttemptAt: string;
  lastAttemptAt: string;
  /** A claimed attempt that has not finished by then is presumed dead and may be retried. */
  leaseUntil?: string;
  sentAt?: string;
  messageId?: string;
  lastError?: string;
}

export function deliveryKey(job: DeliveryJob, recipientHash: string): string {
  if (job.kind === 'reply' && job.outcome === 'closed') return `closed#${job.caseId}#${recipientHash}`;
  return `${job.correctionId}#${job.version}#${recipientHash}`;
}
