/** The email sender's composition root: sending an email and recording its Delivery (no SMS). */
import { composeReading, documents, ses, sqs } from '../../shared/runtime/deployed.ts';
import * as build from '../../shared/runtime/parts.ts';
import { emailSettings } from '../../shared/runtime/senders.ts';

export const services = composeReading(
  { ...build.senderSettings, ...emailSettings },
  { documents, ses, sqs },
  (c) => ({
    ...build.senderParts(c),
    ...build.emailChannel(c),
  }),
);
