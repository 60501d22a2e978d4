/** The SMS sender: the SMS send queue's jobs, sent once each by SNS at the SMS rate. */
import { senderHandler } from '../../shared/runtime/sender-handler.ts';
import { services } from './services.ts';

export const handler = senderHandler('sms', services);
