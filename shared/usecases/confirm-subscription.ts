/**
 * confirmEmail: the link in the confirmation email was opened. The request it confirms takes effect
 * and the consent is recorded; opening it again changes nothing and answers the same.
 */
import { NotFound } from '../domain/errors.ts';
import { checkSecret, confirmed } from '../domain/subscription.ts';
import type { PageSubscription } from '../pages/subscription-pages.ts';
import type { Clock } from '../ports/clock.ts';
import type { SubscriptionStore } from '../ports/subscription-store.ts';
import type { TopicStore } from '../ports/topic-store.ts';
import { settled } from './subscription-writes.ts';
import { pageSubscription } from './topic-labels.ts';

export interface ConfirmDeps {
  subscriptions: SubscriptionStore;
  topics: TopicStore;
  clock: Clock;
}

export interface Confirmation {
  alreadyConfirmed: boolean;
  page: PageSubscription;
}

/** Unknown id, wrong token and expired token answer alike, so none can be probed. */
export async function confirmEmail(deps: ConfirmDeps, id: string, token: string): Promise<Confirmation> {
  return settled(async () => {
    const s = await deps.subscriptions.get(id);
    const check = s?.channel === 'email' ? checkSecret(s, token, deps.clock.now()) : 'none';
    if (s && check === 'used')
      return { alreadyConfirmed: true, page: await pageSubscription(deps.topics, s) };
    if (!s || check !== 'right') throw new NotFound('No such subscription, or the link is wrong or expired.');
    const next = confirmed(s, deps.clock.now());
    await deps.subscriptions.save(s, next);
    return { alreadyConfirmed: false, page: await pageSubscription(deps.topics, next) };
  });
}
