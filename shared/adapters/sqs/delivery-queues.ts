/** The delivery pipeline's two queues: one message per send job; plan continuations for big audiences. */
import { SendMessageBatchCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { DeliveryJob } from '../../domain/delivery.ts';
import type { DeliveryQueues, PlanStep } from '../../ports/delivery-queues.ts';

/** SQS takes at most 10 messages per batch call. */
const batchSize = 10;

export class SqsDeliveryQueues implements DeliveryQueues {
  constructor(
    private readonly sqs: SQSClient,
    private readonly sendQueueUrl: string,
    private readonly planQueueUrl: string,
  ) {}

  async send(jobs: DeliveryJob[]): Promise<void> {
    const batches: DeliveryJob[][] = [];
    for (let i = 0; i < jobs.length; i += batchSize) batches.push(jobs.slice(i, i + batchSize));
    await Promise.all(
      batches.map(async (batch) => {
        const result = await this.sqs.send(
          new SendMessageBatchCommand({
            QueueUrl: this.sendQueueUrl,
            Entries: batch.map((job, i) => ({ Id: String(i), MessageBody: JSON.stringify(job) })),
          }),
        );
        // A partly refused batch fails the plan step; the retry re-sends all, and deliveries dedupe.
        if (result.Failed?.length) {
          throw new Error(
            `SQS refused ${result.Failed.length} send job(s): ${result.Failed[0]?.Message ?? ''}`,
          );
        }
      }),
    );
  }

  async planLater(step: PlanStep): Promise<void> {
    await this.sqs.send(
      new SendMessageCommand({ QueueUrl: this.planQueueUrl, MessageBody: JSON.stringify(step) }),
    );
  }
}
