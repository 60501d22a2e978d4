/** One person as the delivery pipeline knows them: a channel and an address, and their hash. */
import { digest } from '../security/tokens.ts';
import type { Contact } from './submission.ts';
import { type Channel, canonicalAddress } from './subscription.ts';

export interface Recipient {
  channel: Channel;
  address: string;
}

/** The same person reached the same way always hashes the same (delivery keys, reporter marks). */
export const recipientHash = (recipient: Recipient): string =>
  digest(`${recipient.channel}:${canonicalAddress(recipient.channel, recipient.address)}`);

/** A reporter is reached once: by email when they gave one, else by SMS. */
export function reporterRecipient(contact: Contact | undefined): Recipient | undefined {
  if (contact?.email) return { channel: 'email', address: contact.email };
  if (contact?.phone) return { channel: 'sms', address: contact.phone };
  return undefined;
}

/** Every way a reporter could also be a subscriber, so a subscriber who reported is told once. */
export function contactRecipients(contact: Contact | undefined): Recipient[] {
  return [
    ...(contact?.email ? [{ channel: 'email' as const, address: contact.email }] : []),
    ...(contact?.phone ? [{ channel: 'sms' as const, address: contact.phone }] : []),
  ];
}
