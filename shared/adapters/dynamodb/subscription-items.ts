/**
 * How a subscription is kept in the single table. Per subscription: the subscription item and one
 * follow item per topic and per followed page in its partition, and an address claim
 * (SUBSCRIBER#<address hash>) that makes it the only subscription of its address. Follow items carry
 * a copy of the subscription (without its confirmation secrets) and the gsi4 keys only while it is
 * active and immediate: a topic's (or page's) followers are one Query, with no second read. An active
 * daily or weekly subscription is indexed by its frequency instead, for the digests.
 * Erasure is DynamoDB TTL (`expiresAt`); TTL deletes late, so an item past it is read as gone.
 */
import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { followsOf, frequencyOf, type Subscription } from '../../domain/subscription.ts';
import { pageTarget } from '../../domain/url.ts';
import * as keys from './item-keys.ts';
import { digestIndexKeys, followerIndexKeys } from './keys.ts';
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

/** BatchGetItem, 100 keys a call, a few calls at a time, unprocessed keys asked again; live items only. */
export async function readMany(
  doc: DynamoDBDocumentClient,
  tableName: string,
  wanted: ReadonlyArray<{ pk: string; sk: string }>,
  nowSeconds: number,
): Promise<Item[]> {
  const chunks: Array<Array<{ pk: string; sk: string }>> = [];
  for (let i = 0; i < wanted.length; i += 100) chunks.push(wanted.slice(i, i + 100));
  const found: Item[] = [];
  const readChunk = async (chunk: Array<Record<string, unknown>>): Promise<void> => {
    let pending: Array<Record<string, unknown>> = chunk;
    for (let round = 0; pending.length > 0; round++) {
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** round)));
      const result = await doc.send(
        new BatchGetCommand({
          RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } },
        }),
      );
      found.push(...(result.Responses?.[tableName] ?? []));
      pending = result.UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  };
  for (let i = 0; i < chunks.length; i += 8) await Promise.all(chunks.slice(i, i + 8).map(readChunk));
  return unexpired(found, nowSeconds);
}
