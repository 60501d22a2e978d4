/** The email sender's composition root: sending an email and recording its Delivery (no SMS). */
import { compose, documents, ses, sqs } from '../../shared/runtime/deployed.ts';
import * as build from '../../shared/runtime/parts.ts';

export const services = compose({ documents, ses, sqs }, (c) => ({
  ...build.senderParts(c),
  ...build.emailChannel(c),
}));
