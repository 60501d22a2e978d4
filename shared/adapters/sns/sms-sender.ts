/** SMS through SNS Publish to a phone number, as transactional messages (they are time-sensitive). */
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { Sms, SmsSender } from '../../ports/messaging.ts';

export class SnsSmsSender implements SmsSender {
  constructor(private readonly sns: SNSClient) {}

  async send(sms: Sms): Promise<string> {
    const result = await this.sns.send(
      new PublishCommand({
        PhoneNumber: sms.to,
        Message: sms.body,
        MessageAttributes: {
          'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
        },
      }),
    );
    if (!result.MessageId) throw new Error('SNS accepted the SMS without a message id');
    return result.MessageId;
  }
}
