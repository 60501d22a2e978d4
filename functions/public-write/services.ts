/**
 * The public writing function's composition root: reports and subscriptions. Confirmations go on the
 * send queues as jobs (the senders render and send them), so it calls no email or SMS provider.
 */
import { compose, documents, sqs } from '../../shared/runtime/deployed.ts';
import * as build from '../../shared/runtime/parts.ts';

export const services = compose({ documents, sqs }, (c) => ({
  ...build.policies(c),
  cases: build.caseStore(c),
  escalations: build.caseEscalations(c),
  intake: build.intakeStore(c),
  claims: build.urlClaims(c),
  submissions: build.submissionStore(c),
  subscriptions: build.subscriptionStore(c),
  suppressions: build.suppressionStore(c),
  topics: build.topicStore(c),
  idempotency: build.idempotencyStore(c),
  rateLimiter: build.rateLimiter(c),
  links: build.links(c),
  queues: build.deliveryQueues(c),
}));

export type PublicServices = Awaited<ReturnType<typeof services>>;
