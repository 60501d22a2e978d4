/**
 * SMS through SNS Publish to a phone number, as transactional messages (they are time-sensitive),
 * under the desk's sender ID where one is configured (countries that support one show it as the sender).
 */
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { Sms, SmsSender } from '../../ports/messaging.ts';

export class SnsSmsSender implements SmsSender {
  constructor(
    private readonly sns: SNSClient,
    private readonly senderId?: string,
  ) {}

  async send(sms: Sms): Promise<string> {
    const result = await this.sns.send(
      new PublishCommand({
        PhoneNumber: sms.to,
        Message: sms.body,
        MessageAttributes: {
          'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
          ...(this.senderId
            ? { 'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: this.senderId } }
            : {}),
        },
      }),
    );
    if (!result.MessageId) throw new Error('SNS accepted the SMS without a message id');
    return result.MessageId;
  }
}
