/** The public writing function's composition root: reports and subscriptions (no queues, no editor alerts). */
import { compose, documents, ses, sns } from '../../shared/runtime/deployed.ts';
import * as build from '../../shared/runtime/parts.ts';

export const services = compose({ documents, ses, sns }, (c) => ({
  ...build.policies(c),
  cases: build.caseStore(c),
  intake: build.intakeStore(c),
  subscriptions: build.subscriptionStore(c),
  suppressions: build.suppressionStore(c),
  topics: build.topicStore(c),
  idempotency: build.idempotencyStore(c),
  rateLimiter: build.rateLimiter(c),
  links: build.links(c),
  email: build.emailSender(c),
  sms: build.smsSender(c),
}));

export type PublicServices = Awaited<ReturnType<typeof services>>;
