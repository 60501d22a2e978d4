/**
 * confirmEmail: the button on the page the confirmation email's link opens was pressed (or an API
 * client posted the token). The request it confirms takes effect and the consent is recorded;
 * confirming again changes nothing and answers the same. Opening the link only shows the page
 * (confirmationPage): mail scanners that follow links confirm nobody.
 */
import { NotFound } from '../domain/errors.ts';
import {
  checkSecret,
  confirmed,
  type Subscription,
  type SubscriptionView,
  subscriptionView,
} from '../domain/subscription.ts';
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
  subscription: SubscriptionView;
  page: PageSubscription;
}

const deadLink = () => new NotFound('No such subscription, or the link is wrong or expired.');

/** The subscription and how its link's token fares; unknown id, wrong and expired token answer alike. */
async function withToken(deps: ConfirmDeps, id: string, token: string) {
  const s = await deps.subscriptions.get(id);
  const check = s?.channel === 'email' ? checkSecret(s, token, deps.clock.now()) : 'none';
  if (!s || (check !== 'right' && check !== 'used')) throw deadLink();
  return { s, used: check === 'used' };
}

const answer = async (
  deps: ConfirmDeps,
  s: Subscription,
  alreadyConfirmed: boolean,
): Promise<Confirmation> => ({
  alreadyConfirmed,
  subscription: subscriptionView(s),
  page: await pageSubscription(deps.topics, s),
});

export async function confirmEmail(deps: ConfirmDeps, id: string, token: string): Promise<Confirmation> {
  return settled(async () => {
    const { s, used } = await withToken(deps, id, token);
    if (used) return answer(deps, s, true);
    const next = confirmed(s, deps.clock.now());
    await deps.subscriptions.save(s, next);
    return answer(deps, next, false);
  });
}

/** What the confirmation page shows: the request the button would confirm, or that it was confirmed. Reads only. */
export async function confirmationPage(
  deps: ConfirmDeps,
  id: string,
  token: string,
): Promise<{ alreadyConfirmed: boolean; page: PageSubscription }> {
  const { s, used } = await withToken(deps, id, token);
  const pending = s.confirmation;
  // The page describes the request awaiting confirmation, not what is active until then.
  const shown: Subscription =
    !used && pending
      ? {
          ...s,
          topics: pending.topics,
          ...(pending.follows ? { follows: pending.follows } : {}),
          language: pending.language,
        }
      : s;
  return { alreadyConfirmed: used, page: await pageSubscription(deps.topics, shown) };
}
