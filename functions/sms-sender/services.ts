/** The SMS sender's composition root: sending an SMS and recording its Delivery (no email). */
import { compose, documents, sns, sqs } from '../../shared/runtime/deployed.ts';
import * as build from '../../shared/runtime/parts.ts';

export const services = compose({ documents, sns, sqs }, (c) => ({
  clock: c.clock,
  config: c.config,
  suppressions: build.suppressionStore(c),
  subscriptions: build.subscriptionStore(c),
  intake: build.intakeStore(c),
  corrections: build.correctionStore(c),
  deliveries: build.deliveryStore(c),
  pacer: build.sendPacer(c),
  queues: build.deliveryQueues(c),
  sms: build.smsSender(c),
  links: build.links(c),
  topics: build.topicStore(c),
  // A confirmation's code made again.
  signer: c.signer,
}));
