/**
 * The delivery pipeline's queues: one message per send job, on its channel's send queue; plan
 * continuations for big audiences; send jobs made to come back later (ChangeMessageVisibility) or
 * parked in their send queue's dead-letter queue (found through the queue's own redrive policy, so
 * no second address to configure).
 */
import {
  ChangeMessageVisibilityBatchCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { ConfirmationJob, DeliveryJob } from '../../domain/delivery.ts';
import type { Channel } from '../../domain/subscription.ts';
import type { DeliveryQueues, PlanStep, SendQueues } from '../../ports/delivery-queues.ts';

/** SQS takes at most 10 messages per batch call. */
const batchSize = 10;
/** SQS delays a new message by at most 15 minutes. */
const maxDelaySeconds = 900;
/** SQS lets a message stay invisible for at most 12 hours. */
const maxVisibilitySeconds = 12 * 60 * 60;

const inBatches = <T>(items: ReadonlyArray<T>): T[][] => {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += batchSize) batches.push(items.slice(i, i + batchSize));
  return batches;
};

/** The senders' side: only what a channel's sender does with the send queues. */
export class SqsSendQueues implements SendQueues {
  private readonly deadLetterUrls = new Map<Channel, Promise<string>>();

  constructor(
    protected readonly sqs: SQSClient,
    /** Each channel's send queue. */
    protected readonly sendQueueUrls: Readonly<Record<Channel, string>>,
  ) {}

  async send(jobs: ReadonlyArray<DeliveryJob>): Promise<void> {
    const byChannel = new Map<Channel, string[]>();
    for (const job of jobs)
      byChannel.set(job.channel, [...(byChannel.get(job.channel) ?? []), JSON.stringify(job)]);
    await Promise.all(
      [...byChannel].map(([channel, bodies]) => this.sendBodies(this.sendQueueUrls[channel], bodies)),
    );
  }

  async retryLater(
    channel: Channel,
    receipts: ReadonlyArray<{ receipt: string; seconds: number }>,
  ): Promise<void> {
    await Promise.all(
      inBatches(receipts).map(async (batch) => {
        const result = await this.sqs.send(
          new ChangeMessageVisibilityBatchCommand({
            QueueUrl: this.sendQueueUrls[channel],
            Entries: batch.map(({ receipt, seconds }, i) => ({
              Id: String(i),
              ReceiptHandle: receipt,
              VisibilityTimeout: Math.min(maxVisibilitySeconds, Math.max(0, Math.round(seconds))),
            })),
          }),
        );
        // A receipt that expired meanwhile comes back after the queue's own visibility timeout: harmless.
        if (result.Failed?.some((failure) => failure.SenderFault === false)) {
          throw new Error(`SQS could not delay ${result.Failed.length} send job(s)`);
        }
      }),
    );
  }

  async park(channel: Channel, bodies: ReadonlyArray<string>): Promise<void> {
    let found = this.deadLetterUrls.get(channel);
    if (!found) {
      found = this.findDeadLetterQueue(this.sendQueueUrls[channel]).catch((error) => {
        this.deadLetterUrls.delete(channel);
        throw error;
      });
      this.deadLetterUrls.set(channel, found);
    }
    await this.sendBodies(await found, bodies);
  }

  private async findDeadLetterQueue(sendQueueUrl: string): Promise<string> {
    const { Attributes } = await this.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: sendQueueUrl, AttributeNames: ['RedrivePolicy'] }),
    );
    const arn = JSON.parse(Attributes?.RedrivePolicy ?? '{}').deadLetterTargetArn as string | undefined;
    if (!arn) throw new Error('The send queue has no dead-letter queue');
    const [, , , , account, name] = arn.split(':');
    const { QueueUrl } = await this.sqs.send(
      new GetQueueUrlCommand({ QueueName: name, QueueOwnerAWSAccountId: account }),
    );
    if (!QueueUrl) throw new Error('The send queue’s dead-letter queue has no URL');
    return QueueUrl;
  }

  private async sendBodies(queueUrl: string, bodies: ReadonlyArray<string>): Promise<void> {
    await Promise.all(
      inBatches(bodies).map(async (batch) => {
        const result = await this.sqs.send(
          new SendMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: batch.map((body, i) => ({ Id: String(i), MessageBody: body })),
          }),
        );
        // A partly refused batch fails the step; the retry sends all again, and deliveries dedupe.
        if (result.Failed?.length) {
          throw new Error(`SQS refused ${result.Failed.length} message(s): ${result.Failed[0]?.Code ?? ''}`);
        }
      }),
    );
  }
}

/** The planners' side too: confirmations, plan steps and the queues' backlog. */
export class SqsDeliveryQueues extends SqsSendQueues implements DeliveryQueues {
  constructor(
    sqs: SQSClient,
    sendQueueUrls: Readonly<Record<Channel, string>>,
    private readonly planQueueUrl: string,
  ) {
    super(sqs, sendQueueUrls);
  }

  async sendConfirmation(job: ConfirmationJob): Promise<void> {
    await this.sqs.send(
      new SendMessageCommand({ QueueUrl: this.sendQueueUrls[job.channel], MessageBody: JSON.stringify(job) }),
    );
  }

  async planLater(step: PlanStep, delaySeconds = 0): Promise<void> {
    await this.sqs.send(
      new SendMessageCommand({
        QueueUrl: this.planQueueUrl,
        MessageBody: JSON.stringify(step),
        DelaySeconds: Math.min(maxDelaySeconds, Math.max(0, Math.round(delaySeconds))),
      }),
    );
  }

  async backlog(): Promise<Record<Channel, number>> {
    const waiting = async (channel: Channel) => {
      const { Attributes } = await this.sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: this.sendQueueUrls[channel],
          AttributeNames: ['ApproximateNumberOfMessages'],
        }),
      );
      return Number(Attributes?.ApproximateNumberOfMessages ?? 0);
    };
    const [email, sms] = await Promise.all([waiting('email'), waiting('sms')]);
    return { email, sms };
  }
}
