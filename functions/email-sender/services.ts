/** The email sender's composition root: sending an email and recording its Delivery (no SMS). */
import { compose, documents, ses, sqs } from '../../shared/runtime/deployed.ts';
import * as build from '../../shared/runtime/parts.ts';

export const services = compose({ documents, ses, sqs }, (c) => ({
  clock: c.clock,
  config: c.config,
  suppressions: build.suppressionStore(c),
  subscriptions: build.subscriptionStore(c),
  intake: build.intakeStore(c),
  corrections: build.correctionStore(c),
  deliveries: build.deliveryStore(c),
  pacer: build.sendPacer(c),
  queues: build.deliveryQueues(c),
  email: build.emailSender(c),
  links: build.links(c),
  // A confirmation: its topic names, and its link token made again.
  topics: build.topicStore(c),
  signer: c.signer,
}));
