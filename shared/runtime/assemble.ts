/** The desk's adapters and policies, assembled from clients and config (by functions and tests alike). */
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CachedTopicStore } from '../adapters/cached-topic-store.ts';
import { DynamoAudienceCounters } from '../adapters/dynamodb/audience-counters.ts';
import { DynamoCaseStore } from '../adapters/dynamodb/case-store.ts';
import { DynamoCorrectionStore } from '../adapters/dynamodb/correction-store.ts';
import { DynamoDeliveryStore } from '../adapters/dynamodb/delivery-store.ts';
import { DynamoIdempotencyStore } from '../adapters/dynamodb/idempotency-store.ts';
import { DynamoIntakeStore } from '../adapters/dynamodb/intake-store.ts';
import { Cursors } from '../adapters/dynamodb/paging.ts';
import { DynamoPublicLog } from '../adapters/dynamodb/public-log.ts';
import { DynamoRateLimiter } from '../adapters/dynamodb/rate-limiter.ts';
import { DynamoSendPacer } from '../adapters/dynamodb/send-pacer.ts';
import { DynamoStatsStore } from '../adapters/dynamodb/stats-store.ts';
import { DynamoSubscriptionStore } from '../adapters/dynamodb/subscription-store.ts';
import { DynamoTopicStore } from '../adapters/dynamodb/topic-store.ts';
import { DynamoWebhookStore } from '../adapters/dynamodb/webhook-store.ts';
import { HttpWebhookCaller } from '../adapters/http/webhook-caller.ts';
import { SnsCorrectionEvents } from '../adapters/sns/correction-events.ts';
import { SnsEditorAlerts } from '../adapters/sns/editor-alerts.ts';
import { SqsDeliveryQueues } from '../adapters/sqs/delivery-queues.ts';
import { SqsWebhookQueue } from '../adapters/sqs/webhook-queue.ts';
import { callTimeoutMs } from '../domain/webhook.ts';
import { type Clock, systemClock } from '../ports/clock.ts';
import { SecretBox } from '../security/secret-box.ts';
import { Signer } from '../security/tokens.ts';
import { links } from '../usecases/links.ts';
import type { Config } from './config.ts';
import { emailSender, smsSender } from './senders.ts';

export function assemble(
  parts: {
    documents: DynamoDBDocumentClient;
    sns: SNSClient;
    sqs: SQSClient;
    ses: () => SESv2Client;
    config: Config;
    secret: string;
    /** What webhook secrets are sealed under (deployed, a secret of its own); locally the link secret. */
    webhookKeyMaterial?: () => Promise<string>;
  },
  clock: Clock = systemClock,
) {
  const { documents, sns, config } = parts;
  const signer = new Signer(parts.secret);
  const cursors = new Cursors(signer);
  const table = config.tableName;
  return {
    config,
    clock,
    signer,
    policy: config.severityPolicy,
    defaultTopic: config.defaultTopic,
    cases: new DynamoCaseStore(documents, table, cursors),
    intake: new DynamoIntakeStore(documents, table, cursors),
    subscriptions: new DynamoSubscriptionStore(documents, table, cursors, clock),
    audience: new DynamoAudienceCounters(documents, table, clock),
    topics: new CachedTopicStore(new DynamoTopicStore(documents, table), 30_000),
    idempotency: new DynamoIdempotencyStore(documents, table),
    corrections: new DynamoCorrectionStore(documents, table, cursors),
    log: new DynamoPublicLog(documents, table),
    stats: new DynamoStatsStore(documents, table),
    rateLimiter: new DynamoRateLimiter(documents, table),
    events: new SnsCorrectionEvents(sns, config.correctionEventsTopicArn),
    alerts: new SnsEditorAlerts(sns, config.editorAlertsTopicArn),
    deliveries: new DynamoDeliveryStore(documents, table),
    pacer: new DynamoSendPacer(documents, table, {
      email: config.emailSendsPerSecond,
      sms: config.smsSendsPerSecond,
    }),
    queues: new SqsDeliveryQueues(parts.sqs, config.deliverySendQueueUrl, config.deliveryPlanQueueUrl),
    links: links(config.publicBaseUrl, signer),
    consoleUrl: `${config.publicBaseUrl}/console`,
    email: emailSender(config, parts.ses),
    sms: smsSender(config, sns),
    webhooks: new DynamoWebhookStore(documents, table, cursors),
    webhookQueue: new SqsWebhookQueue(parts.sqs, config.webhookCallsQueueUrl),
    webhookCaller: new HttpWebhookCaller(
      { allowLocalReceivers: config.webhookLocalReceivers },
      callTimeoutMs,
    ),
    secretBox: new SecretBox(parts.webhookKeyMaterial ?? (async () => parts.secret)),
    retrySchedule: {
      baseSeconds: config.webhookRetryBaseSeconds,
      maxDelaySeconds: config.webhookRetryMaxDelaySeconds,
      windowSeconds: config.webhookRetryWindowSeconds,
    },
  };
}

export type Services = ReturnType<typeof assemble>;
