/**
 * An SMS refused because the number opted out of the account's SMS (it replied STOP): SNS answers a
 * Publish to it with OptedOutException. The number is suppressed and its subscription ends. Only the
 * SMS sender has this (no email provider answers so), so the email sender bundles none of it.
 */
import { errorName } from '../ports/messaging.ts';
import type { OptedOut } from './send-delivery.ts';
import { suppressAddress } from './suppress-address.ts';

export const smsOptedOut: OptedOut = async (deps, recipient, refusal) => {
  if (errorName(refusal) !== 'OptedOutException') return false;
  await suppressAddress(deps, recipient, 'opt_out');
  return true;
};
