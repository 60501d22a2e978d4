/**
 * The webhook queue: call jobs in batches of 10, and backoff by ChangeMessageVisibility, so a retry a
 * day later is the same message (its id, its body, its event id) rather than a copy.
 */
import { ChangeMessageVisibilityCommand, SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { WebhookCallJob, WebhookQueue } from '../../ports/webhook-queue.ts';

const batchSize = 10;
/** SQS's ceiling for one message's visibility. */
const maxVisibilitySeconds = 12 * 60 * 60;

export class SqsWebhookQueue implements WebhookQueue {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async enqueue(jobs: WebhookCallJob[]): Promise<void> {
    for (let i = 0; i < jobs.length; i += batchSize) {
      const batch = jobs.slice(i, i + batchSize);
      const result = await this.sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: batch.map((job, index) => ({ Id: String(index), MessageBody: JSON.stringify(job) })),
        }),
      );
      // A partly refused batch fails the fan-out; its retry queues the calls not yet made.
      if (result.Failed?.length) {
        throw new Error(
          `SQS refused ${result.Failed.length} webhook call(s): ${result.Failed[0]?.Code ?? ''}`,
        );
      }
    }
  }

  async retryLater(receiptHandle: string, seconds: number): Promise<void> {
    await this.sqs.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: this.queueUrl,
        ReceiptHandle: receiptHandle,
        VisibilityTimeout: Math.min(maxVisibilitySeconds, Math.max(0, Math.round(seconds))),
      }),
    );
  }
}
