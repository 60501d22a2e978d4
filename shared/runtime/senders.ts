/**
 * Which adapter sends email and SMS, chosen by configuration (EMAIL_TRANSPORT, SMS_TRANSPORT): the
 * use cases see only the EmailSender and SmsSender ports, so a provider can be replaced here alone.
 *
 * Email: `ses` (SES v2, deployed), `smtp` (any SMTP relay at SMTP_URL), `outbox` (the local stack).
 * SMS: `sns` (SNS Publish to a phone, deployed), `outbox` (the local stack). A provider that sends
 * only registered templates (the norm for +86 numbers, docs/regions.md) is added as one more case
 * here: an SmsSender that maps the Sms's `kind` to its template id and passes the message's variable
 * parts (the code, the headline, the link) as template parameters.
 */
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { SNSClient } from '@aws-sdk/client-sns';
import { Outbox } from '../adapters/outbox/outbox.ts';
import { OutboxEmailSender, OutboxSmsSender } from '../adapters/outbox/senders.ts';
import { SesEmailSender } from '../adapters/ses/email-sender.ts';
import { SmtpEmailSender } from '../adapters/smtp/email-sender.ts';
import { SnsSmsSender } from '../adapters/sns/sms-sender.ts';
import type { EmailSender, SmsSender } from '../ports/messaging.ts';
import {
  type Config,
  emailTransport,
  outboxFile,
  type Readers,
  sesConfigurationSet,
  sesFromAddress,
  smsSenderId,
  smsTransport,
  smtpUrl,
} from './config.ts';

/** What choosing and making each channel's sender reads. */
export type EmailSettings =
  | 'emailTransport'
  | 'outboxFile'
  | 'smtpUrl'
  | 'sesFromAddress'
  | 'sesConfigurationSet';
export type SmsSettings = 'smsTransport' | 'outboxFile' | 'smsSenderId';
export const emailSettings: Readers<EmailSettings> = {
  emailTransport,
  outboxFile,
  smtpUrl,
  sesFromAddress,
  sesConfigurationSet,
};
export const smsSettings: Readers<SmsSettings> = { smsTransport, outboxFile, smsSenderId };

function outbox(config: Pick<Config, 'outboxFile'>): Outbox {
  if (!config.outboxFile) throw new Error('The outbox transport needs OUTBOX_FILE');
  return new Outbox(config.outboxFile);
}

export function emailSender(config: Pick<Config, EmailSettings>, ses: () => SESv2Client): EmailSender {
  switch (config.emailTransport) {
    case 'outbox':
      return new OutboxEmailSender(outbox(config));
    case 'smtp':
      if (!config.smtpUrl) throw new Error('The smtp transport needs SMTP_URL');
      return new SmtpEmailSender(config.smtpUrl, config.sesFromAddress);
    case 'ses':
      return new SesEmailSender(ses(), config.sesFromAddress, config.sesConfigurationSet);
  }
}

export function smsSender(config: Pick<Config, SmsSettings>, sns: SNSClient): SmsSender {
  switch (config.smsTransport) {
    case 'outbox':
      return new OutboxSmsSender(outbox(config));
    case 'sns':
      return new SnsSmsSender(sns, config.smsSenderId);
  }
}
