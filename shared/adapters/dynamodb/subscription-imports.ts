/** Subscriptions imported in bulk: many addresses read at once, many new subscriptions written at once. */
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Subscription } from '../../domain/subscription.ts';
import type { Clock } from '../../ports/clock.ts';
import type { SubscriptionImports } from '../../ports/subscription-store.ts';
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

type Item = Record<string, unknown>;

export class DynamoSubscriptionImports implements SubscriptionImports {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  private nowSeconds(): number {
    return epochSeconds(this.clock.now());
  }

  async findByAddressHashes(addressHashes: ReadonlyArray<string>): Promise<Map<string, Subscription>> {
    const claims = await readMany(
      this.doc,
      this.tableName,
      addressHashes.map((hash) => keys.subscriberAddress(hash)),
      this.nowSeconds(),
    );
    const subscriptions = await readMany(
      this.doc,
      this.tableName,
      claims.map((claim) => keys.subscription(String(claim.subscriptionId))),
      this.nowSeconds(),
    );
    const found = new Map<string, Subscription>();
    for (const item of subscriptions) {
      const subscription = withoutStorage<Subscription>(item);
      found.set(subscription.addressHash, subscription);
    }
    return found;
  }

  async createMany(subscriptions: ReadonlyArray<Subscription>): Promise<void> {
    const items = subscriptions.flatMap((s) => [
      claimItem(s),
      subscriptionItem(s),
      ...targets(s).map((target) => followPut(this.tableName, s, target).Put?.Item as Item),
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
}
