/** The email sender: the email send queue's jobs, sent once each by SES at the email rate. */
import { senderHandler } from '../../shared/runtime/sender-handler.ts';
import { services } from './services.ts';

export const handler = senderHandler('email', services);
