/**
 * Unsubscribing: what the link in every message leads to. The page (a GET) only shows what the POST
 * would stop, so a mail scanner following links unsubscribes nobody; the POST (JSON, an RFC 8058
 * one-click from a mail client, or the page's form) stops everything and is answered the same when
 * repeated. The address is then kept for the retention window only.
 */
import { NotFound } from '../domain/errors.ts';
import {
  type Subscription,
  type SubscriptionView,
  subscriptionView,
  unsubscribed,
} from '../domain/subscription.ts';
import type { PageSubscription } from '../pages/subscription-pages.ts';
import type { Clock } from '../ports/clock.ts';
import type { SubscriptionStore } from '../ports/subscription-store.ts';
import type { TopicStore } from '../ports/topic-store.ts';
import type { Config } from '../runtime/config.ts';
import type { Signer } from '../security/tokens.ts';
import { unsubscribeTokenMatches } from './links.ts';
import { settled } from './subscription-writes.ts';
import { pageSubscription } from './topic-labels.ts';

export interface UnsubscribeDeps {
  subscriptions: SubscriptionStore;
  topics: TopicStore;
  signer: Signer;
  clock: Clock;
  config: Pick<Config, 'unsubscribedRetentionDays'>;
}

export interface Unsubscribed {
  subscription: SubscriptionView;
  page: PageSubscription;
}

/** The subscription the token was made for; unknown id and wrong token answer alike. */
async function owned(deps: UnsubscribeDeps, id: string, token: string): Promise<Subscription> {
  const s = await deps.subscriptions.get(id);
  if (!s || !unsubscribeTokenMatches(deps.signer, id, token))
    throw new NotFound('No such subscription, or the token does not match.');
  return s;
}

export async function unsubscribe(deps: UnsubscribeDeps, id: string, token: string): Promise<Unsubscribed> {
  const stopped = await settled(async () => {
    const s = await owned(deps, id, token);
    if (s.status === 'unsubscribed') return s;
    const next = unsubscribed(s, deps.clock.now(), deps.config.unsubscribedRetentionDays);
    await deps.subscriptions.save(s, next);
    return next;
  });
  return { subscription: subscriptionView(stopped), page: await pageSubscription(deps.topics, stopped) };
}

/** What the unsubscribe page shows; reads only. */
export async function unsubscribePage(
  deps: UnsubscribeDeps,
  id: string,
  token: string,
): Promise<{ subscribed: boolean; page: PageSubscription }> {
  const s = await owned(deps, id, token);
  return { subscribed: s.status !== 'unsubscribed', page: await pageSubscription(deps.topics, s) };
}
