/** Every adapter and policy of the desk, from given clients: for tests, the bench and local tools. */
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type Clock, systemClock } from '../ports/clock.ts';
import { emailWording } from '../usecases/email-wording.ts';
import { smsOptedOut } from '../usecases/sms-opt-out.ts';
import { smsWording } from '../usecases/sms-wording.ts';
import type { Config } from './config.ts';
import { keyed } from './keys.ts';
import * as build from './parts.ts';

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
  const { documents, sns, sqs, config } = parts;
  const { dataKey, ...signers } = keyed(parts.secret);
  return everything({
    config,
    clock,
    ...signers,
    documents: () => documents,
    sns: () => sns,
    sqs: () => sqs,
    ses: parts.ses,
    webhookKey: parts.webhookKeyMaterial ?? (async () => dataKey),
  });
}

/** Every part, built from one context. */
export function everything(c: build.Context) {
  return {
    ...build.policies(c),
    cases: build.caseStore(c),
    caseDecisions: build.caseDecisions(c),
    escalations: build.caseEscalations(c),
    caseQueue: build.caseQueue(c),
    intake: build.intakeStore(c),
    claims: build.urlClaims(c),
    submissions: build.submissionStore(c),
    caseSubmissions: build.caseSubmissions(c),
    submissionUpkeep: build.submissionUpkeep(c),
    reporters: build.reporters(c),
    subscriptions: build.subscriptionStore(c),
    subscriptionImports: build.subscriptionImports(c),
    subscriptionErasure: build.subscriptionErasure(c),
    followers: build.followers(c),
    audience: build.audienceCounters(c),
    audienceChanges: build.audienceChanges(c),
    suppressions: build.suppressionStore(c),
    suppressionList: build.suppressionList(c),
    personalData: build.personalData(c),
    optOutPlace: build.optOutPlace(c),
    optOuts: build.optOutList(c),
    topics: build.topicStore(c),
    idempotency: build.idempotencyStore(c),
    corrections: build.correctionStore(c),
    correctionLists: build.correctionLists(c),
    publications: build.publications(c),
    log: build.publicLog(c),
    stats: build.statsStore(c),
    notices: build.noticeStore(c),
    rateLimiter: build.rateLimiter(c),
    events: build.correctionEvents(c),
    alerts: build.editorAlerts(c),
    announcements: build.announcementStore(c),
    publishedVersions: build.publishedVersions(c),
    reannouncements: build.reannouncements(c),
    plans: build.planStore(c),
    continuations: build.continuationStore(c),
    continuationQueue: build.continuationQueue(c),
    importJobs: build.importJobStore(c),
    deliveries: build.deliveryStore(c),
    deliveryProgress: build.deliveryProgress(c),
    pacer: build.sendPacer(c),
    sendRates: build.sendRates(c),
    queues: build.deliveryQueues(c),
    links: build.links(c),
    consoleUrl: build.consoleUrl(c),
    email: build.emailSender(c),
    sms: build.smsSender(c),
    wordings: { email: emailWording, sms: smsWording },
    optedOut: smsOptedOut,
    webhooks: build.webhookStore(c),
    webhookCalls: build.webhookCalls(c),
    webhookQueue: build.webhookQueue(c),
    webhookCaller: build.webhookCaller(c),
    secretBox: build.secretBox(c),
    retrySchedule: build.retrySchedule(c),
  };
}

export type Services = ReturnType<typeof assemble>;
