/**
 * How a subscription is kept in the single table. Per subscription: the subscription item and one
 * follow item per topic and per followed page in its partition, and an address claim
 * (SUBSCRIBER#<address hash>) that makes it the only subscription of its address. Follow items carry
 * a copy of the subscription (without its confirmation secrets) and the gsi4 keys only while it is
 * active and immediate: a topic's (or page's) followers are one Query, with no second read. An active
 * daily or weekly subscription is indexed by its frequency instead, for the digests.
 * Erasure is DynamoDB TTL (`expiresAt`); TTL deletes late, so an item past it is read as gone.
 */
import { followsOf, frequencyOf, type Subscription } from '../../domain/subscription.ts';
import { pageTarget } from '../../domain/url.ts';
import { digestIndexKeys, followerIndexKeys, keys } from './keys.ts';
import type { TransactItem } from './transact.ts';

type Item = Record<string, unknown>;

export const epochSeconds = (at: string): number => Math.floor(Date.parse(at) / 1000);

/** Items that TTL should have erased already are left out. */
export const unexpired = (items: Item[], nowSeconds: number): Item[] =>
  items.filter((item) => !(typeof item.expiresAt === 'number' && item.expiresAt <= nowSeconds));

const expiry = (s: Subscription): Item => (s.eraseAt ? { expiresAt: epochSeconds(s.eraseAt) } : {});

/** Everything a subscription follows, as follow-item targets: its topics, then its pages. */
export const targets = (s: Subscription): string[] => [
  ...s.topics,
  ...new Set(followsOf(s).map((url) => pageTarget(url))),
];

export function subscriptionItem(s: Subscription): Item {
  const frequency = frequencyOf(s);
  const digests = s.status === 'active' && frequency !== 'immediate';
  return {
    ...keys.subscription(s.id),
    entity: 'subscription',
    ...s,
    ...(digests ? digestIndexKeys(frequency, s.id) : {}),
    ...expiry(s),
  };
}

export function claimItem(s: Subscription): Item {
  return {
    ...keys.subscriberAddress(s.addressHash),
    entity: 'subscriber-address',
    subscriptionId: s.id,
    ...expiry(s),
  };
}

export function followPut(tableName: string, s: Subscription, target: string): TransactItem {
  const { confirmation: _secrets, ...copy } = s;
  const reached = s.status === 'active' && frequencyOf(s) === 'immediate';
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.follow(s.id, target),
        entity: 'follow',
        ...copy,
        ...(reached ? followerIndexKeys(target, s.id) : {}),
        ...expiry(s),
      },
    },
  };
}
