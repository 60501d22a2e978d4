/**
 * A subscription request's confirmation as the sender sends it: the email with the link, or the SMS
 * with the 6-digit code, from the subscribe form or an import alike, at the channel's pace. Its
 * secret is derived from the link secret, the subscription and the request's time, so the queued job
 * carries no secret and the sender makes the same link or code again; a newer request (or a
 * confirmation, or the expiry) makes the job send nothing.
 */
import type { Channel, PendingConfirmation, Subscription } from '../domain/subscription.ts';
import type { Signer } from '../security/tokens.ts';

/** The purposes the secrets are derived under (the link's was named when imports alone used it). */
const purposes = { email: 'imported-confirmation', sms: 'confirmation-code' } as const;

/**
 * The secret a request made at `requestedAt` is confirmed with: a link token by email, six digits by
 * SMS. Whoever stores the request hashes this secret; the sender derives it again to send it.
 */
export function confirmationSecret(
  signer: Signer,
  channel: Channel,
  subscriptionId: string,
  requestedAt: string,
): string {
  const token = signer.derive(purposes[channel], `${subscriptionId}\n${requestedAt}`);
  if (channel === 'email') return token;
  // 48 bits of the MAC, reduced to six digits (the bias is below one in 10^8).
  const mac = Buffer.from(token.slice(token.indexOf('.') + 1), 'base64url');
  return String(mac.readUIntBE(0, 6) % 1_000_000).padStart(6, '0');
}

/** The request still waiting and the secret to send for it, or why there is nothing to send any more. */
export function queuedConfirmation(
  signer: Signer,
  subscription: Subscription | undefined,
  requestedAt: string,
  now: string,
): { request: PendingConfirmation; secret: string } | { reason: string } {
  const pending = subscription?.confirmation;
  if (!subscription) return { reason: 'the subscription is gone' };
  if (!pending || pending.requestedAt !== requestedAt) return { reason: 'a newer request replaced it' };
  if (pending.usedAt) return { reason: 'already confirmed' };
  if (Date.parse(pending.expiresAt) <= Date.parse(now)) return { reason: 'the request expired' };
  return {
    request: pending,
    secret: confirmationSecret(signer, subscription.channel, subscription.id, requestedAt),
  };
}
