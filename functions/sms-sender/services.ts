/** The SMS sender's composition root: sending an SMS and recording its Delivery (no email). */
import { compose, documents, sns, sqs } from '../../shared/runtime/deployed.ts';
import * as build from '../../shared/runtime/parts.ts';

export const services = compose({ documents, sns, sqs }, (c) => ({
  ...build.senderParts(c),
  ...build.smsChannel(c),
}));
