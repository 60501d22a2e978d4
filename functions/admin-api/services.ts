/** The editors' function's composition root: the queue, cases, approvals, amendments, the digest. */
import { compose, documents, sns, sqs, webhookKey } from '../../shared/runtime/deployed.ts';
import * as build from '../../shared/runtime/parts.ts';

export const services = compose({ documents, sns, sqs, webhookKey }, (c) => ({
  ...build.policies(c),
  cases: build.caseStore(c),
  intake: build.intakeStore(c),
  subscriptions: build.subscriptionStore(c),
  importJobs: build.importJobStore(c),
  audience: build.audienceCounters(c),
  suppressions: build.suppressionStore(c),
  personalData: build.personalData(c),
  topics: build.topicStore(c),
  idempotency: build.idempotencyStore(c),
  corrections: build.correctionStore(c),
  log: build.publicLog(c),
  announcements: build.announcementStore(c),
  deliveries: build.deliveryStore(c),
  alerts: build.editorAlerts(c),
  queues: build.deliveryQueues(c),
  continuationQueue: build.continuationQueue(c),
  links: build.links(c),
  consoleUrl: build.consoleUrl(c),
  webhooks: build.webhookStore(c),
  webhookCaller: build.webhookCaller(c),
  secretBox: build.secretBox(c),
}));
