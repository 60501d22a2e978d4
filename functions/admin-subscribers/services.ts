/**
 * The admins' subscribers function's composition root: imports (their confirmations and long jobs go
 * by queue), erasures (their rest as continuations), suppressions, topics, webhooks (sealed secrets).
 */
import { compose, documents, sqs, webhookKey } from '../../shared/runtime/deployed.ts';
import * as build from '../../shared/runtime/parts.ts';

export const services = compose({ documents, sqs, webhookKey }, (c) => ({
  ...build.policies(c),
  subscriptions: build.subscriptionStore(c),
  importJobs: build.importJobStore(c),
  suppressions: build.suppressionStore(c),
  personalData: build.personalData(c),
  topics: build.topicStore(c),
  queues: build.deliveryQueues(c),
  continuationQueue: build.continuationQueue(c),
  webhooks: build.webhookStore(c),
  webhookCaller: build.webhookCaller(c),
  secretBox: build.secretBox(c),
}));
