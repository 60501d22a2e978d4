/** One person as the delivery pipeline knows them: a channel and an address, and their hash. */
import { createHmac } from 'node:crypto';
import type { Contact } from './submission.ts';
import { type Channel, canonicalAddress } from './subscription.ts';

export interface Recipient {
  channel: Channel;
  address: string;
}

/**
 * The key of recipient hashes: the key ring's `data` key, set once per process when the desk is
 * assembled (runtime/assemble.ts). Pure code that runs without a desk (unit tests) gets a fixed key.
 */
let recipientKey = 'recipient-hashes-without-a-desk';
export function keyRecipientHashes(key: string): void {
  recipientKey = key;
}

/**
 * The same person reached the same way always hashes the same (address claims, delivery keys,
 * reporter marks, erasure lookups). Keyed (HMAC-SHA-256), so the hashes in the table cannot be
 * reversed by trying every phone number without the key.
 */
export const recipientHash = (recipient: Recipient): string =>
  createHmac('sha256', recipientKey)
    .update(`${recipient.channel}:${canonicalAddress(recipient.channel, recipient.address)}`, 'utf8')
    .digest('hex');

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
