/**
 * The admins' subscriber imports' composition root: subscriptions and their address claims, the
 * import's job, the confirmations it queues for the senders and a long import's continuation.
 */
import { compose, documents, sqs } from '../../shared/runtime/deployed.ts';
import * as build from '../../shared/runtime/parts.ts';

export const services = compose({ documents, sqs }, (c) => ({
  ...build.policies(c),
  subscriptions: build.subscriptionStore(c),
  subscriptionImports: build.subscriptionImports(c),
  importJobs: build.importJobStore(c),
  suppressions: build.suppressionStore(c),
  topics: build.topicStore(c),
  queues: build.deliveryQueues(c),
  continuationQueue: build.continuationQueue(c),
}));
