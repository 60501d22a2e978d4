/**
 * Subscriptions in the single table. Per subscription: the subscription item and one follow item per
 * topic and per followed page in its partition, and an address claim (SUBSCRIBER#<address hash>) that makes it the only
 * subscription of its address. All three are written in one transaction, conditioned on the
 * subscription's version, so concurrent requests cannot interleave and the follows always mirror the
 * subscription. Follow items carry a copy of the subscription (without its confirmation secrets) and
 * the gsi4 keys only while it is active and immediate: a topic's (or page's) followers are one Query,
 * with no second read. An active daily or weekly subscription is indexed by its frequency instead,
 * for the digests.
 * Erasure is DynamoDB TTL (`expiresAt`); TTL deletes late, so an item past it is read as gone.
 */
import {
  BatchGetCommand,
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { recipientHash } from '../../domain/recipient.ts';
import {
  type Channel,
  type Frequency,
  followsOf,
  frequencyOf,
  type Subscription,
} from '../../domain/subscription.ts';
import { pageTarget } from '../../domain/url.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Page } from '../../ports/page.ts';
import { SubscriptionChanged, type SubscriptionStore } from '../../ports/subscription-store.ts';
import { digestIndexKeys, followerIndexKeys, keys, withoutStorage } from './keys.ts';
import { type Cursors, mergedPage } from './paging.ts';
import { ConditionsFailed, type TransactItem, transact } from './transact.ts';

type Item = Record<string, unknown>;

const epochSeconds = (at: string): number => Math.floor(Date.parse(at) / 1000);

const expiry = (s: Subscription): Item => (s.eraseAt ? { expiresAt: epochSeconds(s.eraseAt) } : {});

/** Everything a subscription follows, as follow-item targets: its topics, then its pages. */
const targets = (s: Subscription): string[] => [
  ...s.topics,
  ...new Set(followsOf(s).map((url) => pageTarget(url))),
];

export class DynamoSubscriptionStore implements SubscriptionStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly cursors: Cursors,
    private readonly clock: Clock,
  ) {}

  async get(id: string): Promise<Subscription | undefined> {
    const item = await this.read(keys.subscription(id));
    return item ? withoutStorage<Subscription>(item) : undefined;
  }

  async getMany(ids: ReadonlyArray<string>): Promise<Map<string, Subscription>> {
    const items = await this.readMany([...new Set(ids)].map((id) => keys.subscription(id)));
    return new Map(
      items.map((item) => {
        const subscription = withoutStorage<Subscription>(item);
        return [subscription.id, subscription];
      }),
    );
  }

  async findByAddress(channel: Channel, address: string): Promise<Subscription | undefined> {
    const claim = await this.read(keys.subscriberAddress(recipientHash({ channel, address })));
    return claim ? this.get(String(claim.subscriptionId)) : undefined;
  }

  async findByAddressHashes(addressHashes: ReadonlyArray<string>): Promise<Map<string, Subscription>> {
    const claims = await this.readMany(addressHashes.map((hash) => keys.subscriberAddress(hash)));
    const subscriptions = await this.readMany(
      claims.map((claim) => keys.subscription(String(claim.subscriptionId))),
    );
    const found = new Map<string, Subscription>();
    for (const item of subscriptions) {
      const subscription = withoutStorage<Subscription>(item);
      found.set(subscription.addressHash, subscription);
    }
    return found;
  }

  async followers(target: string, options: { limit: number; cursor?: string }): Promise<Page<Subscription>> {
    return this.indexPage(followerIndexKeys(target, '').gsi4pk ?? '', ['followers', target], options);
  }

  async digestSubscribers(
    frequency: Exclude<Frequency, 'immediate'>,
    options: { limit: number; cursor?: string },
  ): Promise<Page<Subscription>> {
    return this.indexPage(digestIndexKeys(frequency, '').gsi4pk ?? '', ['digests', frequency], options);
  }

  private async indexPage(
    partition: string,
    query: string[],
    options: { limit: number; cursor?: string },
  ): Promise<Page<Subscription>> {
    const page = await mergedPage(
      this.doc,
      this.tableName,
      [{ index: 'gsi4', pkName: 'gsi4pk', pkValue: partition, skName: 'gsi4sk', ascending: true }],
      {
        limit: options.limit,
        ...(options.cursor ? { cursor: options.cursor } : {}),
        query: JSON.stringify(query),
        cursors: this.cursors,
      },
    );
    return {
      items: page.items.map((item) => withoutStorage<Subscription>(item)),
      nextCursor: page.nextCursor,
    };
  }

  async activeFollowersAmong(
    addressHashes: string[],
    reach: { topics: string[]; page?: string },
  ): Promise<Array<Pick<Subscription, 'channel' | 'language'>>> {
    const claims = await this.batchGet(
      [...new Set(addressHashes)].map(keys.subscriberAddress),
      'subscriptionId, expiresAt',
    );
    const ids = [...new Set(claims.map((claim) => String(claim.subscriptionId)))];
    const found = await this.batchGet(
      ids.map(keys.subscription),
      'channel, #language, #status, topics, follows, frequency, expiresAt',
      { '#language': 'language', '#status': 'status' },
    );
    const reached = (s: Item): boolean =>
      (s.topics as string[]).some((topic) => reach.topics.includes(topic)) ||
      (reach.page !== undefined && followsOf(s).some((url) => pageTarget(url) === reach.page));
    return found
      .filter((s) => s.status === 'active' && frequencyOf(s) === 'immediate' && reached(s))
      .map((s) => ({ channel: s.channel as Channel, language: s.language as Subscription['language'] }));
  }

  /**
   * Items by key, 100 to a BatchGet and the BatchGets side by side, unprocessed keys asked for again;
   * items past their erasure left out.
   */
  private async batchGet(
    wanted: Array<{ pk: string; sk: string }>,
    projection: string,
    names?: Record<string, string>,
  ): Promise<Item[]> {
    const chunks: Item[][] = [];
    for (let i = 0; i < wanted.length; i += 100) chunks.push(wanted.slice(i, i + 100));
    const found = await Promise.all(chunks.map((chunk) => this.batchGetChunk(chunk, projection, names)));
    const now = this.nowSeconds();
    return found.flat().filter((item) => !(typeof item.expiresAt === 'number' && item.expiresAt <= now));
  }

  private async batchGetChunk(wanted: Item[], projection: string, names?: Record<string, string>) {
    const items: Item[] = [];
    let requested: Item[] = wanted;
    while (requested.length > 0) {
      const result = await this.doc.send(
        new BatchGetCommand({
          RequestItems: {
            [this.tableName]: {
              Keys: requested,
              ProjectionExpression: projection,
              ...(names ? { ExpressionAttributeNames: names } : {}),
            },
          },
        }),
      );
      items.push(...(result.Responses?.[this.tableName] ?? []));
      requested = (result.UnprocessedKeys?.[this.tableName]?.Keys as Item[] | undefined) ?? [];
    }
    return items;
  }

  async create(subscription: Subscription): Promise<void> {
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.tableName,
          Item: this.claimItem(subscription),
          // A claim past its erasure is gone, though TTL may not have removed it yet.
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
          ExpressionAttributeValues: { ':now': this.nowSeconds() },
        },
      },
      {
        Put: {
          TableName: this.tableName,
          Item: this.subscriptionItem(subscription),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      ...targets(subscription).map((target) => this.followPut(subscription, target)),
    ];
    await this.write(items);
  }

  async createMany(subscriptions: ReadonlyArray<Subscription>): Promise<void> {
    const items = subscriptions.flatMap((s) => [
      this.claimItem(s),
      this.subscriptionItem(s),
      ...targets(s).map((target) => this.followPut(s, target).Put?.Item as Item),
    ]);
    const chunks: Item[][] = [];
    for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
    let next = 0;
    const worker = async () => {
      while (next < chunks.length) {
        let pending = (chunks[next++] as Item[]).map((Item) => ({ PutRequest: { Item } }));
        for (let round = 0; pending.length > 0; round++) {
          if (round > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** round)));
          const result = await this.doc.send(
            new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } }),
          );
          pending = (result.UnprocessedItems?.[this.tableName] ?? []) as typeof pending;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(16, chunks.length) }, worker));
  }

  async save(before: Subscription, after: Subscription): Promise<void> {
    const kept = targets(after);
    const dropped = targets(before).filter((target) => !kept.includes(target));
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.tableName,
          Item: this.subscriptionItem(after),
          // Wrong codes are counted without a new version (like a case's reports): check both.
          ConditionExpression: before.confirmation
            ? '#version = :version AND confirmation.failedAttempts = :failed'
            : '#version = :version AND attribute_not_exists(confirmation)',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: {
            ':version': before.version,
            ...(before.confirmation ? { ':failed': before.confirmation.failedAttempts } : {}),
          },
        },
      },
      {
        Put: {
          TableName: this.tableName,
          Item: this.claimItem(after),
          ConditionExpression: 'subscriptionId = :id',
          ExpressionAttributeValues: { ':id': after.id },
        },
      },
      ...kept.map((target) => this.followPut(after, target)),
      ...dropped.map(
        (target): TransactItem => ({
          Delete: { TableName: this.tableName, Key: keys.follow(after.id, target) },
        }),
      ),
    ];
    await this.write(items);
  }

  async countWrongCode(id: string, salt: string, limit: number): Promise<number | undefined> {
    try {
      const result = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.subscription(id),
          UpdateExpression: 'SET confirmation.failedAttempts = confirmation.failedAttempts + :one',
          ConditionExpression: 'confirmation.salt = :salt AND confirmation.failedAttempts < :limit',
          ExpressionAttributeValues: { ':one': 1, ':salt': salt, ':limit': limit },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number((result.Attributes?.confirmation as { failedAttempts?: number })?.failedAttempts);
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return undefined;
      throw error;
    }
  }

  async eraseByAddressHash(addressHash: string): Promise<boolean> {
    for (;;) {
      // Read as stored, expired or not: an erasure takes what TTL has not removed yet too.
      const claim = await this.doc.send(
        new GetCommand({
          TableName: this.tableName,
          Key: keys.subscriberAddress(addressHash),
          ConsistentRead: true,
        }),
      );
      if (!claim.Item) return false;
      const id = String(claim.Item.subscriptionId);
      const found = await this.doc.send(
        new GetCommand({ TableName: this.tableName, Key: keys.subscription(id), ConsistentRead: true }),
      );
      const subscription = found.Item ? withoutStorage<Subscription>(found.Item) : undefined;
      try {
        await transact(this.doc, [
          {
            Delete: {
              TableName: this.tableName,
              Key: keys.subscriberAddress(addressHash),
              ConditionExpression: 'subscriptionId = :id',
              ExpressionAttributeValues: { ':id': id },
            },
          },
          ...(subscription
            ? [
                {
                  Delete: {
                    TableName: this.tableName,
                    Key: keys.subscription(id),
                    ConditionExpression: '#version = :version',
                    ExpressionAttributeNames: { '#version': 'version' },
                    ExpressionAttributeValues: { ':version': subscription.version },
                  },
                },
                // Deleting an active follow takes it out of its audience count (the stream sees it go).
                ...targets(subscription).map(
                  (target): TransactItem => ({
                    Delete: { TableName: this.tableName, Key: keys.follow(id, target) },
                  }),
                ),
              ]
            : []),
        ]);
        return true;
      } catch (error) {
        // Changed while we read it: read it again and erase what is there now.
        if (!(error instanceof ConditionsFailed)) throw error;
      }
    }
  }

  private nowSeconds(): number {
    return epochSeconds(this.clock.now());
  }

  /** The item, unless TTL should have erased it already. */
  private async read(key: { pk: string; sk: string }): Promise<Item | undefined> {
    const result = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    const item = result.Item;
    if (!item || (typeof item.expiresAt === 'number' && item.expiresAt <= this.nowSeconds()))
      return undefined;
    return item;
  }

  /** BatchGetItem, 100 keys a call, a few calls at a time, unprocessed keys asked again; live items only. */
  private async readMany(wanted: ReadonlyArray<{ pk: string; sk: string }>): Promise<Item[]> {
    const chunks: Array<Array<{ pk: string; sk: string }>> = [];
    for (let i = 0; i < wanted.length; i += 100) chunks.push(wanted.slice(i, i + 100));
    const found: Item[] = [];
    const readChunk = async (chunk: Array<Record<string, unknown>>): Promise<void> => {
      let pending: Array<Record<string, unknown>> = chunk;
      for (let round = 0; pending.length > 0; round++) {
        if (round > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** round)));
        const result = await this.doc.send(
          new BatchGetCommand({
            RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: true } },
          }),
        );
        found.push(...(result.Responses?.[this.tableName] ?? []));
        pending = result.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
      }
    };
    for (let i = 0; i < chunks.length; i += 8) await Promise.all(chunks.slice(i, i + 8).map(readChunk));
    const now = this.nowSeconds();
    return found.filter((item) => !(typeof item.expiresAt === 'number' && item.expiresAt <= now));
  }

  private async write(items: TransactItem[]): Promise<void> {
    try {
      await transact(this.doc, items);
    } catch (error) {
      if (error instanceof ConditionsFailed) throw new SubscriptionChanged();
      throw error;
    }
  }

  private subscriptionItem(s: Subscription): Item {
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

  private claimItem(s: Subscription): Item {
    return {
      ...keys.subscriberAddress(s.addressHash),
      entity: 'subscriber-address',
      subscriptionId: s.id,
      ...expiry(s),
    };
  }

  private followPut(s: Subscription, target: string): TransactItem {
    const { confirmation: _secrets, ...copy } = s;
    const reached = s.status === 'active' && frequencyOf(s) === 'immediate';
    return {
      Put: {
        TableName: this.tableName,
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
}
