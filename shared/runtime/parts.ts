/**
 * One builder per adapter, from a context whose SDK clients are made on first use. A function's own
 * composition root (functions/<name>/services.ts) calls only the builders it needs, so its bundle
 * holds only those adapters and only the SDK clients they call; `assemble` calls them all (tests).
 */
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CachedTopicStore } from '../adapters/cached-topic-store.ts';
import { DynamoAnnouncementStore } from '../adapters/dynamodb/announcement-store.ts';
import { DynamoAudienceChanges } from '../adapters/dynamodb/audience-changes.ts';
import { DynamoAudienceCounters } from '../adapters/dynamodb/audience-counters.ts';
import { DynamoCaseDecisions } from '../adapters/dynamodb/case-decisions.ts';
import { DynamoCaseEscalations } from '../adapters/dynamodb/case-escalations.ts';
import { DynamoCaseQueue } from '../adapters/dynamodb/case-queue.ts';
import { DynamoCaseStore } from '../adapters/dynamodb/case-store.ts';
import { DynamoCaseSubmissions } from '../adapters/dynamodb/case-submissions.ts';
import { DynamoContinuationStore } from '../adapters/dynamodb/continuation-store.ts';
import { DynamoCorrectionLists } from '../adapters/dynamodb/correction-lists.ts';
import { DynamoCorrectionStore } from '../adapters/dynamodb/correction-store.ts';
import { DynamoDeliveryProgress } from '../adapters/dynamodb/delivery-counters.ts';
import { DynamoDeliveryStore } from '../adapters/dynamodb/delivery-store.ts';
import { DynamoFollowers } from '../adapters/dynamodb/followers.ts';
import { DynamoIdempotencyStore } from '../adapters/dynamodb/idempotency-store.ts';
import { DynamoImportJobStore } from '../adapters/dynamodb/import-job-store.ts';
import { DynamoIntakeStore } from '../adapters/dynamodb/intake-store.ts';
import { DynamoNoticeStore } from '../adapters/dynamodb/notice-store.ts';
import { Cursors } from '../adapters/dynamodb/paging.ts';
import { DynamoPersonalData } from '../adapters/dynamodb/personal-data.ts';
import { DynamoPlanStore } from '../adapters/dynamodb/plan-store.ts';
import { DynamoPublicLog } from '../adapters/dynamodb/public-log.ts';
import { DynamoPublications } from '../adapters/dynamodb/publications.ts';
import { DynamoPublishedVersions } from '../adapters/dynamodb/published-versions.ts';
import { DynamoRateLimiter } from '../adapters/dynamodb/rate-limiter.ts';
import { DynamoReannouncements } from '../adapters/dynamodb/reannouncements.ts';
import { DynamoReporters } from '../adapters/dynamodb/reporters.ts';
import { DynamoSendPacer } from '../adapters/dynamodb/send-pacer.ts';
import { DynamoStatsStore } from '../adapters/dynamodb/stats-store.ts';
import { DynamoSubmissionStore } from '../adapters/dynamodb/submission-store.ts';
import { DynamoSubmissionUpkeep } from '../adapters/dynamodb/submission-upkeep.ts';
import { DynamoSubscriptionErasure } from '../adapters/dynamodb/subscription-erasure.ts';
import { DynamoSubscriptionImports } from '../adapters/dynamodb/subscription-imports.ts';
import { DynamoSubscriptionStore } from '../adapters/dynamodb/subscription-store.ts';
import { DynamoSuppressionList } from '../adapters/dynamodb/suppression-list.ts';
import { DynamoOptOutPlace, DynamoSuppressionStore } from '../adapters/dynamodb/suppression-store.ts';
import { DynamoTopicStore } from '../adapters/dynamodb/topic-store.ts';
import { DynamoUrlClaims } from '../adapters/dynamodb/url-claims.ts';
import { DynamoWebhookCalls } from '../adapters/dynamodb/webhook-calls.ts';
import { DynamoWebhookStore } from '../adapters/dynamodb/webhook-store.ts';
import { HttpWebhookCaller } from '../adapters/http/webhook-caller.ts';
import { SnsCorrectionEvents } from '../adapters/sns/correction-events.ts';
import { SnsEditorAlerts } from '../adapters/sns/editor-alerts.ts';
import { SnsOptOutList } from '../adapters/sns/opt-out-list.ts';
import { SqsContinuationQueue } from '../adapters/sqs/continuation-queue.ts';
import { SqsDeliveryQueues, SqsSendQueues } from '../adapters/sqs/delivery-queues.ts';
import { SqsWebhookQueue } from '../adapters/sqs/webhook-queue.ts';
import { callTimeoutMs } from '../domain/webhook.ts';
import type { Clock } from '../ports/clock.ts';
import type { DeliveryQueues } from '../ports/delivery-queues.ts';
import { SecretBox } from '../security/secret-box.ts';
import type { Signer } from '../security/tokens.ts';
import { emailWording } from '../usecases/email-wording.ts';
import { links as publicLinks } from '../usecases/links.ts';
import { smsOptedOut } from '../usecases/sms-opt-out.ts';
import { smsWording } from '../usecases/sms-wording.ts';
import {
  type Config,
  deliveryRecordDays,
  emailSendQueueUrl,
  emailSendsPerSecond,
  publicBaseUrl,
  type Readers,
  smsSendQueueUrl,
  smsSendsPerSecond,
  tableName,
  unsubscribedRetentionDays,
} from './config.ts';
import {
  emailSender as chosenEmailSender,
  smsSender as chosenSmsSender,
  type EmailSettings,
  type SmsSettings,
} from './senders.ts';

/** The SDK clients, each made on first use; a function's root passes only those it calls. */
export interface Clients {
  documents(): DynamoDBDocumentClient;
  sns(): SNSClient;
  sqs(): SQSClient;
  ses(): SESv2Client;
  /** What webhook secrets are sealed under (deployed, a secret of its own); read on first use. */
  webhookKey(): Promise<string>;
}

/** `S`: the settings a builder reads (every one by default); a root that reads fewer cannot call it. */
export interface Basics<S extends keyof Config = keyof Config> {
  config: Pick<Config, S>;
  clock: Clock;
  /** Signs links (unsubscribe and tracking tokens, form tokens) with the key ring's link keys. */
  signer: Signer;
  /** Signs paging cursors, with keys of their own (see keyed in ./keys.ts). */
  cursorSigner: Signer;
}

/**
 * What a builder needs: the basics, the clients it calls and the settings it reads (the table's name
 * unless it says more), so a root that lacks one does not compile.
 */
export type With<K extends keyof Clients = never, S extends keyof Config = 'tableName'> = Basics<S> &
  Pick<Clients, K>;
export type Context = With<keyof Clients, keyof Config>;

const cursors = (c: Basics<never>) => new Cursors(c.cursorSigner);

export const policies = (c: Basics) => ({
  config: c.config,
  clock: c.clock,
  signer: c.signer,
  policy: c.config.severityPolicy,
  defaultTopic: c.config.defaultTopic,
});

export const caseStore = (c: With<'documents'>) => new DynamoCaseStore(c.documents(), c.config.tableName);
export const caseDecisions = (c: With<'documents'>) =>
  new DynamoCaseDecisions(c.documents(), c.config.tableName);
export const caseEscalations = (c: With<'documents'>) =>
  new DynamoCaseEscalations(c.documents(), c.config.tableName);
export const caseQueue = (c: With<'documents'>) =>
  new DynamoCaseQueue(c.documents(), c.config.tableName, cursors(c));
export const intakeStore = (c: With<'documents'>) => new DynamoIntakeStore(c.documents(), c.config.tableName);
export const urlClaims = (c: With<'documents'>) => new DynamoUrlClaims(c.documents(), c.config.tableName);
export const submissionStore = (c: With<'documents'>) =>
  new DynamoSubmissionStore(c.documents(), c.config.tableName, c.clock);
export const caseSubmissions = (c: With<'documents'>) =>
  new DynamoCaseSubmissions(c.documents(), c.config.tableName, cursors(c), c.clock);
export const submissionUpkeep = (c: With<'documents'>) =>
  new DynamoSubmissionUpkeep(c.documents(), c.config.tableName, cursors(c), c.clock);
export const reporters = (c: With<'documents'>) => new DynamoReporters(c.documents(), c.config.tableName);
export const subscriptionStore = (c: With<'documents'>) =>
  new DynamoSubscriptionStore(c.documents(), c.config.tableName, c.clock);
export const subscriptionImports = (c: With<'documents'>) =>
  new DynamoSubscriptionImports(c.documents(), c.config.tableName, c.clock);
export const subscriptionErasure = (c: With<'documents'>) =>
  new DynamoSubscriptionErasure(c.documents(), c.config.tableName);
export const followers = (c: With<'documents'>) =>
  new DynamoFollowers(c.documents(), c.config.tableName, cursors(c), c.clock);
export const audienceCounters = (c: With<'documents'>) =>
  new DynamoAudienceCounters(c.documents(), c.config.tableName);
export const audienceChanges = (c: With<'documents'>) =>
  new DynamoAudienceChanges(c.documents(), c.config.tableName, c.clock);
export const suppressionStore = (c: With<'documents'>) =>
  new DynamoSuppressionStore(c.documents(), c.config.tableName);
export const suppressionList = (c: With<'documents'>) =>
  new DynamoSuppressionList(c.documents(), c.config.tableName, cursors(c));
export const personalData = (c: With<'documents'>) =>
  new DynamoPersonalData(c.documents(), c.config.tableName, cursors(c));
export const optOutPlace = (c: With<'documents'>) => new DynamoOptOutPlace(c.documents(), c.config.tableName);
export const optOutList = (c: With<'sns'>) => new SnsOptOutList(c.sns());
export const topicStore = (c: With<'documents'>) =>
  new CachedTopicStore(new DynamoTopicStore(c.documents(), c.config.tableName), 30_000);
export const idempotencyStore = (c: With<'documents'>) =>
  new DynamoIdempotencyStore(c.documents(), c.config.tableName);
export const correctionStore = (c: With<'documents'>) =>
  new DynamoCorrectionStore(c.documents(), c.config.tableName);
export const correctionLists = (c: With<'documents'>) =>
  new DynamoCorrectionLists(c.documents(), c.config.tableName, cursors(c));
export const publications = (c: With<'documents'>) =>
  new DynamoPublications(c.documents(), c.config.tableName);
export const publicLog = (c: With<'documents'>) => new DynamoPublicLog(c.documents(), c.config.tableName);
export const statsStore = (c: With<'documents'>) => new DynamoStatsStore(c.documents(), c.config.tableName);
export const noticeStore = (c: With<'documents'>) => new DynamoNoticeStore(c.documents(), c.config.tableName);
export const rateLimiter = (c: With<'documents'>) => new DynamoRateLimiter(c.documents(), c.config.tableName);
export const announcementStore = (c: With<'documents'>) =>
  new DynamoAnnouncementStore(c.documents(), c.config.tableName);
export const publishedVersions = (c: With<'documents'>) =>
  new DynamoPublishedVersions(c.documents(), c.config.tableName);
export const reannouncements = (c: With<'documents'>) =>
  new DynamoReannouncements(c.documents(), c.config.tableName);
export const planStore = (c: With<'documents'>) => new DynamoPlanStore(c.documents(), c.config.tableName);
export const continuationStore = (c: With<'documents'>) =>
  new DynamoContinuationStore(c.documents(), c.config.tableName);
export const importJobStore = (c: With<'documents'>) =>
  new DynamoImportJobStore(c.documents(), c.config.tableName);
export const deliveryProgress = (c: With<'documents'>) =>
  new DynamoDeliveryProgress(c.documents(), c.config.tableName);
export const deliveryStore = (c: With<'documents', 'tableName' | 'deliveryRecordDays'>) =>
  new DynamoDeliveryStore(c.documents(), c.config.tableName, {
    recordDays: c.config.deliveryRecordDays,
    clock: c.clock,
  });
type SendRates = 'emailSendsPerSecond' | 'smsSendsPerSecond';
type SendQueueUrls = 'emailSendQueueUrl' | 'smsSendQueueUrl';
/** The channels' configured send rates, messages a second. */
export const sendRates = (c: With<never, SendRates>) => ({
  email: c.config.emailSendsPerSecond,
  sms: c.config.smsSendsPerSecond,
});
export const sendPacer = (c: With<'documents', 'tableName' | SendRates>) =>
  new DynamoSendPacer(c.documents(), c.config.tableName, sendRates(c));
export const correctionEvents = (c: With<'sns', 'correctionEventsTopicArn'>) =>
  new SnsCorrectionEvents(c.sns(), c.config.correctionEventsTopicArn);
export const editorAlerts = (c: With<'sns', 'editorAlertsTopicArn'>) =>
  new SnsEditorAlerts(c.sns(), c.config.editorAlertsTopicArn);
const sendQueueUrls = (c: With<never, SendQueueUrls>) => ({
  email: c.config.emailSendQueueUrl,
  sms: c.config.smsSendQueueUrl,
});
/** The send queues as a channel's sender uses them (no plan queue). */
export const sendQueues = (c: With<'sqs', SendQueueUrls>) => new SqsSendQueues(c.sqs(), sendQueueUrls(c));
export const deliveryQueues = (c: With<'sqs', SendQueueUrls | 'deliveryPlanQueueUrl'>): DeliveryQueues =>
  new SqsDeliveryQueues(c.sqs(), sendQueueUrls(c), c.config.deliveryPlanQueueUrl);
/** Continuation steps share the plan queue: the planner runs both. */
export const continuationQueue = (c: With<'sqs', 'deliveryPlanQueueUrl'>) =>
  new SqsContinuationQueue(c.sqs(), c.config.deliveryPlanQueueUrl);
export const links = (c: Basics<'publicBaseUrl'>) => publicLinks(c.config.publicBaseUrl, c.signer);
export const consoleUrl = (c: Basics<'publicBaseUrl'>) => `${c.config.publicBaseUrl}/console`;

export const emailSender = (c: With<'ses', EmailSettings>) => chosenEmailSender(c.config, c.ses);
export const smsSender = (c: With<'sns', SmsSettings>) => chosenSmsSender(c.config, c.sns());
/**
 * A channel's sender: its provider, its wording and (SMS) what its provider's opt-out answer means,
 * and nothing of the other channel's.
 */
export const emailChannel = (c: With<'ses', EmailSettings>) => ({
  email: emailSender(c),
  wordings: { email: emailWording },
});
export const smsChannel = (c: With<'sns', SmsSettings>) => ({
  sms: smsSender(c),
  wordings: { sms: smsWording },
  optedOut: smsOptedOut,
});

export const webhookStore = (c: With<'documents'>) =>
  new DynamoWebhookStore(c.documents(), c.config.tableName, cursors(c));
export const webhookCalls = (c: With<'documents'>) =>
  new DynamoWebhookCalls(c.documents(), c.config.tableName);
export const webhookQueue = (c: With<'sqs', 'webhookCallsQueueUrl'>) =>
  new SqsWebhookQueue(c.sqs(), c.config.webhookCallsQueueUrl);
export const webhookCaller = (c: Basics<'webhookLocalReceivers'>) =>
  new HttpWebhookCaller({ allowLocalReceivers: c.config.webhookLocalReceivers }, callTimeoutMs);
export const secretBox = (c: With<'webhookKey'>) => new SecretBox(c.webhookKey);
export const retrySchedule = (
  c: Basics<'webhookRetryBaseSeconds' | 'webhookRetryMaxDelaySeconds' | 'webhookRetryWindowSeconds'>,
) => ({
  baseSeconds: c.config.webhookRetryBaseSeconds,
  maxDelaySeconds: c.config.webhookRetryMaxDelaySeconds,
  windowSeconds: c.config.webhookRetryWindowSeconds,
});

type SenderSettings =
  | 'tableName'
  | 'deliveryRecordDays'
  | 'unsubscribedRetentionDays'
  | 'publicBaseUrl'
  | SendRates
  | SendQueueUrls;

/** What both channels' senders read: their composition roots read these settings and no other. */
export const senderSettings: Readers<SenderSettings> = {
  tableName,
  deliveryRecordDays,
  unsubscribedRetentionDays,
  publicBaseUrl,
  emailSendsPerSecond,
  smsSendsPerSecond,
  emailSendQueueUrl,
  smsSendQueueUrl,
};

/**
 * What both channels' senders build besides their provider: the stores a send reads and records,
 * the pacer, the queues, links, and (for a confirmation) topic names and the signer.
 */
export const senderParts = (c: With<'documents' | 'sqs', SenderSettings>) => ({
  clock: c.clock,
  config: c.config,
  suppressions: suppressionStore(c),
  subscriptions: subscriptionStore(c),
  submissions: submissionStore(c),
  corrections: correctionStore(c),
  deliveries: deliveryStore(c),
  pacer: sendPacer(c),
  queues: sendQueues(c),
  links: links(c),
  topics: topicStore(c),
  signer: c.signer,
});
