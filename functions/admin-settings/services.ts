/**
 * The admins' settings function's composition root: topics, webhooks (sealed secrets), the suppression
 * list, and erasures (the rest of a long one goes on as a continuation).
 */
import { compose, documents, sqs, webhookKey } from '../../shared/runtime/deployed.ts';
import * as build from '../../shared/runtime/parts.ts';

export const services = compose({ documents, sqs, webhookKey }, (c) => ({
  ...build.policies(c),
  subscriptionErasure: build.subscriptionErasure(c),
  suppressions: build.suppressionStore(c),
  suppressionList: build.suppressionList(c),
  personalData: build.personalData(c),
  topics: build.topicStore(c),
  continuationQueue: build.continuationQueue(c),
  webhooks: build.webhookStore(c),
  webhookCaller: build.webhookCaller(c),
  secretBox: build.secretBox(c),
}));
