/**
 * A Webhook: one of the body's other channels (a CMS, a messaging-platform bridge) that receives every
 * correction.published event as a signed POST. Deliveries are one per (event, webhook), retried with
 * backoff; a webhook that fails 10 events in a row is disabled until an admin turns it on again.
 */
import { createHmac } from 'node:crypto';
import { type Correction, publicView } from './correction.ts';

export const webhookEventTypes = ['correction.published'] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];
export type WebhookStatus = 'active' | 'disabled';

/** A desk has few other channels; a bound keeps every fan-out one small, fixed-size step. */
export const maxWebhooks = 50;
/** Consecutive failed events (each retried for the whole window) after which a webhook is disabled. */
export const disableAfterFailedEvents = 10;
/** A 2xx within this time is success; anything slower is a failed attempt. */
export const callTimeoutMs = 10_000;

export interface Webhook {
  id: string;
  url: string;
  description?: string;
  events: WebhookEventType[];
  status: WebhookStatus;
  createdAt: string;
  updatedAt: string;
  consecutiveFailures: number;
  disabledAt?: string;
}

/** What the contract shows of a webhook: never its secret (that is shown once, at creation). */
export function webhookView(w: Webhook) {
  return {
    id: w.id,
    url: w.url,
    ...(w.description ? { description: w.description } : {}),
    events: w.events,
    status: w.status,
    createdAt: w.createdAt,
    consecutiveFailures: w.consecutiveFailures,
    ...(w.disabledAt ? { disabledAt: w.disabledAt } : {}),
  };
}
export type WebhookView = ReturnType<typeof webhookView>;

/** One call made to a webhook, as the attempts list shows it. */
export interface WebhookAttempt {
  eventId: string;
  at: string;
  /** 1 for the first call of this event to this webhook. */
  attempt: number;
  /** The receiver's HTTP status, when it answered. */
  statusCode?: number;
  /** Why the call failed without an HTTP status (timeout, refused address, connection error). */
  error?: string;
  ms: number;
  ok: boolean;
}

/** The id of the event for one published version: the same on every retry and for every webhook. */
export const webhookEventId = (correctionId: string, version: number): string =>
  `evt_${correctionId}_${version}`;

/**
 * The correction as it stood when `version` was published: later amendments are not part of this
 * event, so a retry a day later carries exactly the body of the first attempt.
 */
export function correctionAsOf(correction: Correction, version: number) {
  const view = publicView(correction);
  const versions = view.versions.filter((v) => v.version <= version);
  const current = versions[versions.length - 1];
  if (!current) throw new Error(`Correction ${correction.id} has no version ${version}`);
  return {
    ...view,
    version: current.version,
    type: current.type,
    headline: current.headline,
    body: current.body,
    updatedAt: current.publishedAt,
    versions,
  };
}

/** The POST body: {id, type, createdAt, data: Correction}, as the contract specifies. */
export function webhookEventBody(correction: Correction, version: number): string {
  const data = correctionAsOf(correction, version);
  return JSON.stringify({
    id: webhookEventId(correction.id, version),
    type: 'correction.published',
    createdAt: data.updatedAt,
    data,
  });
}

/** Desk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>. */
export function webhookSignature(secret: string, unixSeconds: number, rawBody: string): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${rawBody}`, 'utf8').digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

export interface RetrySchedule {
  /** The delay after the first failed call; it doubles with each further failure. */
  baseSeconds: number;
  /** No single wait is longer (SQS makes a message wait at most 12 h). */
  maxDelaySeconds: number;
  /** An event is retried until at least this long after its first call, then counted as failed. */
  windowSeconds: number;
}

/**
 * The wait before the next call after `attempt` failed calls: exponential, capped, with "equal jitter"
 * (half fixed, half random) so retries of many events spread out yet always make progress.
 */
export function retryDelaySeconds(attempt: number, schedule: RetrySchedule, random = Math.random): number {
  const ceiling = Math.min(schedule.maxDelaySeconds, schedule.baseSeconds * 2 ** Math.max(0, attempt - 1));
  return Math.max(1, Math.ceil(ceiling / 2 + (random() * ceiling) / 2));
}
