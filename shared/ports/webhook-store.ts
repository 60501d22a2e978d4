import type { Webhook, WebhookAttempt, WebhookStatus } from '../domain/webhook.ts';
import type { Page } from './page.ts';

/** A webhook with its signing secret, sealed (see shared/security/secret-box.ts). */
export interface StoredWebhook extends Webhook {
  sealedSecret: string;
}

/** Where one event stands with one webhook. */
export type EventDeliveryState =
  | { state: 'new' }
  | { state: 'pending'; attempts: number }
  | { state: 'delivered' | 'failed' };

export interface WebhookStore {
  /** Adds it unless the desk has `limit` webhooks already (then false). */
  create(webhook: StoredWebhook, limit: number): Promise<boolean>;
  get(id: string): Promise<StoredWebhook | undefined>;
  /** Every webhook (there are at most a few tens), oldest first. */
  list(): Promise<StoredWebhook[]>;
  /** False if there was none. */
  remove(id: string): Promise<boolean>;
  /** Sets status and/or description; turning it active restarts the failure count. */
  update(
    id: string,
    change: { status?: WebhookStatus; description?: string },
    now: string,
  ): Promise<StoredWebhook | undefined>;

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
  attempts(webhookId: string, options: { limit: number; cursor?: string }): Promise<Page<WebhookAttempt>>;

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
