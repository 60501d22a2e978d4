/** The editors' alert topic; the `kind` attribute tells an alert from the digest. */
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { EditorAlerts } from '../../ports/editor-alerts.ts';

export class SnsEditorAlerts implements EditorAlerts {
  constructor(
    private readonly sns: SNSClient,
    private readonly topicArn: string,
  ) {}

  async publish(message: { kind: 'alert' | 'digest'; subject: string; text: string }): Promise<void> {
    await this.sns.send(
      new PublishCommand({
        TopicArn: this.topicArn,
        // SNS subjects: under 100 characters, one line.
        Subject: message.subject.replace(/\s+/g, ' ').slice(0, 99),
        Message: message.text,
        MessageAttributes: { kind: { DataType: 'String', StringValue: message.kind } },
      }),
    );
  }
}
