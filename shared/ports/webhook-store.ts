import type { Webhook, WebhookAttempt, WebhookStatus } from '../domain/webhook.ts';
import type { Page } from './page.ts';

/** A webhook with its signing secret, sealed (see shared/security/secret-box.ts). */
export interface StoredWebhook extends Webhook {
  sealedSecret: string;
}

/** The desk's webhooks, as admins keep them, and the record of their calls. */
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

  /** The webhook's latest calls, newest first. */
  attempts(webhookId: string, options: { limit: number; cursor?: string }): Promise<Page<WebhookAttempt>>;
}
