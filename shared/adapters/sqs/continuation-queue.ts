/** Continuation steps go on the plan queue, where the planner runs them beside delivery plans. */
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { ContinuationQueue, ContinuationStep } from '../../ports/continuations.ts';

export class SqsContinuationQueue implements ContinuationQueue {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(step: ContinuationStep): Promise<void> {
    await this.sqs.send(
      new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(step) }),
    );
  }
}
