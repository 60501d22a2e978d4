/** The SMS sender's composition root: sending an SMS and recording its Delivery (no email). */
import { composeReading, documents, sns, sqs } from '../../shared/runtime/deployed.ts';
import * as build from '../../shared/runtime/parts.ts';
import { smsSettings } from '../../shared/runtime/senders.ts';

export const services = composeReading(
  { ...build.senderSettings, ...smsSettings },
  { documents, sns, sqs },
  (c) => ({
    ...build.senderParts(c),
    ...build.smsChannel(c),
  }),
);
