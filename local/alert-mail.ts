/**
 * The local stand-in for the staff's email subscriptions to the editors' alerts topic. Deployed, SNS
 * emails each subscribed address; locally a queue subscribed to the topic (not raw, so the SNS envelope
 * with its Subject and MessageAttributes arrives) is read like any other, and each notification becomes
 * one outbox email per address.
 */
import { type SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import type { Outbox, OutboxMessage } from '../shared/adapters/outbox/outbox.ts';
import type { Log } from './log.ts';
import type { Loop } from './loop.ts';
import { startQueuePoller } from './queue-poller.ts';

export const defaultAlertEmails = ['editors@example.org'];
const queueName = 'editor-alerts-mail';

export interface AlertMailOptions {
  sns: SNSClient;
  sqs: SQSClient;
  topicArn: string;
  outbox: Outbox;
  addresses: string[];
  log: Log;
}

export async function startAlertMail(options: AlertMailOptions): Promise<Loop> {
  const queue = await provisionQueue(options.sns, options.sqs, options.topicArn);
  return startQueuePoller({
    sqs: options.sqs,
    consumer: {
      name: 'editor alert emails',
      ...queue,
      batchSize: 10,
      handle: alertMailHandler(options.outbox, options.addresses),
    },
    log: options.log,
  });
}

/** Creates the local-only queue and subscribes it to the topic. */
async function provisionQueue(
  sns: SNSClient,
  sqs: SQSClient,
  topicArn: string,
): Promise<{ queueUrl: string; queueArn: string }> {
  const { QueueUrl: queueUrl = '' } = await sqs.send(new CreateQueueCommand({ QueueName: queueName }));
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
  );
  const queueArn = Attributes?.QueueArn ?? '';
  await sns.send(
    new SubscribeCommand({
      TopicArn: topicArn,
      Protocol: 'sqs',
      Endpoint: queueArn,
      Attributes: { RawMessageDelivery: 'false' },
    }),
  );
  return { queueUrl, queueArn };
}

interface SnsNotification {
  Subject?: string | null;
  Message: string;
  MessageAttributes?: Record<string, { Type: string; Value: string }>;
}

/** The queue consumer: each notification, one outbox email per address. */
function alertMailHandler(outbox: Outbox, addresses: string[]): (event: SQSEvent) => Promise<void> {
  return async (event) => {
    for (const record of event.Records) {
      const notification = JSON.parse(record.body) as SnsNotification;
      const kind = notification.MessageAttributes?.kind?.Value === 'digest' ? 'digest' : 'alert';
      const at = new Date().toISOString();
      for (const address of addresses) {
        const message: OutboxMessage = {
          channel: 'email',
          address,
          kind,
          ...(notification.Subject ? { subject: notification.Subject } : {}),
          body: emailBody(notification.Message),
          at,
        };
        await outbox.append(message);
      }
    }
  };
}

/**
 * What SNS emails for a message. With MessageStructure=json the message is an object of per-protocol
 * texts and email subscribers get its `email` text (else `default`); fauxqs does not apply the
 * structure, so this does what SNS would for the email protocol.
 */
function emailBody(message: string): string {
  try {
    const structured = JSON.parse(message) as unknown;
    if (typeof structured === 'object' && structured !== null && 'default' in structured) {
      const { email, default: fallback } = structured as Record<string, unknown>;
      if (typeof email === 'string') return email;
      if (typeof fallback === 'string') return fallback;
    }
  } catch {
    // Not JSON: a plain message, as most are.
  }
  return message;
}
