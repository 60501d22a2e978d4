/** The sender's composition root: what sending a message and recording its Delivery needs. */
import { compose, documents, ses, sns, sqs } from '../../shared/runtime/deployed.ts';
import * as build from '../../shared/runtime/parts.ts';

export const services = compose({ documents, ses, sns, sqs }, (c) => ({
  clock: c.clock,
  config: c.config,
  suppressions: build.suppressionStore(c),
  subscriptions: build.subscriptionStore(c),
  intake: build.intakeStore(c),
  cases: build.caseStore(c),
  corrections: build.correctionStore(c),
  deliveries: build.deliveryStore(c),
  pacer: build.sendPacer(c),
  queues: build.deliveryQueues(c),
  email: build.emailSender(c),
  sms: build.smsSender(c),
  links: build.links(c),
  // An imported subscriber's confirmation: its topic names, and its link token made again.
  topics: build.topicStore(c),
  signer: c.signer,
}));
