/** correction.published on the correction-events topic; the attribute lets subscriptions filter. */
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { CorrectionEvents, CorrectionPublished } from '../../ports/correction-events.ts';

export class SnsCorrectionEvents implements CorrectionEvents {
  constructor(
    private readonly sns: SNSClient,
    private readonly topicArn: string,
  ) {}

  async published(event: CorrectionPublished): Promise<void> {
    await this.sns.send(
      new PublishCommand({
        TopicArn: this.topicArn,
        Message: JSON.stringify(event),
        MessageAttributes: { eventType: { DataType: 'String', StringValue: event.eventType } },
      }),
    );
  }
}
