import type { WebhookAttempt } from '../domain/webhook.ts';
import type { StoredWebhook } from './webhook-store.ts';

/** Where one event stands with one webhook. */
export type EventDeliveryState =
  | { state: 'new' }
  | { state: 'pending'; attempts: number }
  | { state: 'delivered' | 'failed' };

/** Calling webhooks with an event: each event's delivery to each webhook, its calls and their outcome. */
export interface WebhookCalls {
  /**
   * Opens the delivery of an event to a webhook if it has none yet, counting it as planned in the
   * version's delivery counters (channel webhooks); says where it stands.
   */
  openDelivery(
    webhookId: string,
    eventId: string,
    now: string,
    counted: CountedVersion,
  ): Promise<EventDeliveryState>;
  /**
   * Claims the next call of a pending delivery for `leaseSeconds` (so two copies of one job never call
   * at once): the attempt number, or undefined when it is finished or another call holds it.
   */
  claimCall(
    webhookId: string,
    eventId: string,
    now: string,
    leaseSeconds: number,
  ): Promise<number | undefined>;
  /**
   * Lets the next call claim it (after a failed call that will be retried); after its first failure,
   * counts it among the version's deliveries being retried.
   */
  releaseCall(webhookId: string, eventId: string, firstFailure?: CountedVersion): Promise<void>;
  /**
   * Marks it delivered or failed, counted as sent or parked (and no longer retried when it was);
   * true only for the call that finished it (so an event counts once).
   */
  finishDelivery(
    webhookId: string,
    eventId: string,
    outcome: 'delivered' | 'failed',
    counted: CountedVersion & { retried: boolean },
  ): Promise<boolean>;
  recordAttempt(webhookId: string, attempt: WebhookAttempt): Promise<void>;
  /** A delivered event: the run of failures is over. */
  resetFailures(webhookId: string): Promise<void>;
  /**
   * Counts a failed event; at `limit` consecutive ones an active webhook is disabled. Returns the
   * webhook when this call disabled it (so exactly one alert is sent).
   */
  countFailedEvent(webhookId: string, limit: number, now: string): Promise<StoredWebhook | undefined>;
}

/** The correction version a webhook delivery is counted under. */
export interface CountedVersion {
  correctionId: string;
  version: number;
}
