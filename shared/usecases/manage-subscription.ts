/**
 * Managing a subscription from the link in its messages: the page (a GET) shows what it receives and
 * changes nothing; its form changes topics, pages followed, frequency and language at once. The link's
 * token is derived from the link secret, like the unsubscribe link's, so only its holder may do this.
 */
import { NotFound } from '../domain/errors.ts';
import { changed, type Interests, type Subscription } from '../domain/subscription.ts';
import type { Clock } from '../ports/clock.ts';
import type { SubscriptionStore } from '../ports/subscription-store.ts';
import type { Signer } from '../security/tokens.ts';
import { manageTokenMatches } from './links.ts';
import { settled } from './subscription-writes.ts';

export interface ManageDeps {
  subscriptions: SubscriptionStore;
  signer: Signer;
  clock: Clock;
}

/** The subscription the token was made for; unknown id and wrong token answer alike. */
export async function managedSubscription(
  deps: ManageDeps,
  id: string,
  token: string,
): Promise<Subscription> {
  const s = await deps.subscriptions.get(id);
  if (!s || !manageTokenMatches(deps.signer, id, token))
    throw new NotFound('No such subscription, or the token does not match.');
  return s;
}

/**
 * The new interests, in force from now. Only an active subscription changes: a pending one is changed
 * by confirming a new request, an unsubscribed one by subscribing again. Answers the subscription as
 * it stands afterwards.
 */
export async function changeInterests(
  deps: ManageDeps,
  id: string,
  token: string,
  interests: Interests,
): Promise<Subscription> {
  return settled(async () => {
    const s = await managedSubscription(deps, id, token);
    if (s.status !== 'active') return s;
    const next = changed(s, interests, deps.clock.now());
    await deps.subscriptions.save(s, next);
    return next;
  });
}
