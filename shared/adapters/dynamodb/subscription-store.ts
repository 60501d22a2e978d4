/**
 * Subscriptions read by id and by address (live ones only), made and changed. A subscription, its
 * follows and its address claim are written in one transaction, conditioned on the subscription's
 * version, so concurrent requests cannot interleave and the follows always mirror the subscription
 * (see subscription-items.ts for how they are kept).
 */
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { recipientHash } from '../../domain/recipient.ts';
import type { Channel, Subscription } from '../../domain/subscription.ts';
import type { Clock } from '../../ports/clock.ts';
import { SubscriptionChanged, type SubscriptionStore } from '../../ports/subscription-store.ts';
import * as keys from './item-keys.ts';
import { withoutStorage } from './keys.ts';
import {
  claimItem,
  epochSeconds,
  followPut,
  readMany,
  subscriptionItem,
  targets,
} from './subscription-items.ts';
import { ConditionsFailed, type TransactItem, transact } from './transact.ts';

type Item = Record<string, unknown>;

export class DynamoSubscriptionStore implements SubscriptionStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async get(id: string): Promise<Subscription | undefined> {
    const item = await this.read(keys.subscription(id));
    return item ? withoutStorage<Subscription>(item) : undefined;
  }

  async getMany(ids: ReadonlyArray<string>): Promise<Map<string, Subscription>> {
    const items = await readMany(
      this.doc,
      this.tableName,
      [...new Set(ids)].map((id) => keys.subscription(id)),
      this.nowSeconds(),
    );
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

  async create(subscription: Subscription): Promise<void> {
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.tableName,
          Item: claimItem(subscription),
          // A claim past its erasure is gone, though TTL may not have removed it yet.
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
          ExpressionAttributeValues: { ':now': this.nowSeconds() },
        },
      },
      {
        Put: {
          TableName: this.tableName,
          Item: subscriptionItem(subscription),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      ...targets(subscription).map((target) => followPut(this.tableName, subscription, target)),
    ];
    await this.write(items);
  }

  async save(before: Subscription, after: Subscription): Promise<void> {
    const kept = targets(after);
    const dropped = targets(before).filter((target) => !kept.includes(target));
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.tableName,
          Item: subscriptionItem(after),
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
          Item: claimItem(after),
          ConditionExpression: 'subscriptionId = :id',
          ExpressionAttributeValues: { ':id': after.id },
        },
      },
      ...kept.map((target) => followPut(this.tableName, after, target)),
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

  private async write(items: TransactItem[]): Promise<void> {
    try {
      await transact(this.doc, items);
    } catch (error) {
      if (error instanceof ConditionsFailed) throw new SubscriptionChanged();
      throw error;
    }
  }
}
