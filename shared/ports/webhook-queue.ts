/** One call of one event to one webhook, as a message on the webhook queue (the same on every retry). */
export interface WebhookCallJob {
  kind: 'webhook.call';
  webhookId: string;
  eventId: string;
  correctionId: string;
  version: number;
  /** When the event was first queued for this webhook: retries go on until the window after it. */
  queuedAt: string;
}

export interface WebhookQueue {
  enqueue(jobs: WebhookCallJob[]): Promise<void>;
  /** The message comes back after `seconds` (at most 12 h) instead of its queue's visibility timeout. */
  retryLater(receiptHandle: string, seconds: number): Promise<void>;
}
