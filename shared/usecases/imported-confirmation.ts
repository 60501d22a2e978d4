/**
 * The confirmation an imported subscriber without a consent record gets: the same email a new
 * subscriber gets, sent by the sender at the channel's pace. Its link token is derived from the link
 * secret, the subscription and the request's time, so the queued job carries no secret and the sender
 * can make the link again; a newer request (or a confirmation) makes the job send nothing.
 */
import type { Subscription } from '../domain/subscription.ts';
import type { TopicStore } from '../ports/topic-store.ts';
import type { Signer } from '../security/tokens.ts';
import type { Links } from './links.ts';
import { confirmationOf } from './topic-labels.ts';

export const importConfirmationSecret = (
  signer: Signer,
  subscriptionId: string,
  requestedAt: string,
): string => signer.derive('imported-confirmation', `${subscriptionId}\n${requestedAt}`);

/** The email to send, or why there is nothing to send any more. */
export async function importedConfirmationEmail(
  deps: { topics: TopicStore; signer: Signer; links: Links },
  subscription: Subscription | undefined,
  requestedAt: string,
  now: string,
): Promise<{ subject: string; text: string; html: string } | { reason: string }> {
  const pending = subscription?.confirmation;
  if (subscription?.channel !== 'email') return { reason: 'the subscription is gone' };
  if (!pending || pending.requestedAt !== requestedAt) return { reason: 'a newer request replaced it' };
  if (pending.usedAt) return { reason: 'already confirmed' };
  if (Date.parse(pending.expiresAt) <= Date.parse(now)) return { reason: 'the request expired' };
  const link = deps.links.confirm(
    subscription.id,
    importConfirmationSecret(deps.signer, subscription.id, requestedAt),
  );
  return confirmationOf(deps.topics, pending, link);
}
