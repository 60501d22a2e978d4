/** Public email through SES v2: UTF-8 text and HTML, our own headers, the configuration set for events. */
import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Email, EmailSender } from '../../ports/messaging.ts';

export class SesEmailSender implements EmailSender {
  constructor(
    private readonly ses: SESv2Client,
    private readonly from: string,
    private readonly configurationSet?: string,
  ) {}

  async send(email: Email): Promise<string> {
    const result = await this.ses.send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: [email.to] },
        Content: {
          Simple: {
            Subject: { Data: email.subject, Charset: 'UTF-8' },
            Body: {
              Text: { Data: email.text, Charset: 'UTF-8' },
              Html: { Data: email.html, Charset: 'UTF-8' },
            },
            ...(email.headers
              ? { Headers: Object.entries(email.headers).map(([Name, Value]) => ({ Name, Value })) }
              : {}),
          },
        },
        EmailTags: [{ Name: 'kind', Value: email.kind }],
        ...(this.configurationSet ? { ConfigurationSetName: this.configurationSet } : {}),
      }),
    );
    if (!result.MessageId) throw new Error('SES accepted the email without a message id');
    return result.MessageId;
  }
}
