/**
 * A Suppression: an address the desk sends nothing more to, after a hard bounce, a complaint, an SMS
 * opt-out (STOP) or an erasure. Kept by the address's hash (recipientHash, the one way addresses are
 * hashed) and a masked form for editors; never the address itself.
 */
import { type Recipient, recipientHash } from './recipient.ts';
import { type Channel, canonicalAddress, maskAddress } from './subscription.ts';

export const suppressionReasons = ['bounce', 'complaint', 'opt_out', 'erased'] as const;
export type SuppressionReason = (typeof suppressionReasons)[number];

export interface Suppression {
  channel: Channel;
  addressHash: string;
  /** Empty for an erased address: it is kept only as its keyed hash. */
  maskedAddress: string;
  reason: SuppressionReason;
  at: string;
}

export function suppressionOf(recipient: Recipient, reason: SuppressionReason, at: string): Suppression {
  return {
    channel: recipient.channel,
    addressHash: recipientHash(recipient),
    maskedAddress:
      reason === 'erased'
        ? ''
        : maskAddress(recipient.channel, canonicalAddress(recipient.channel, recipient.address)),
    reason,
    at,
  };
}
