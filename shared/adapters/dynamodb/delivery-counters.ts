/**
 * A version's delivery counters: every move that ends or fails a delivery adds to them in the same
 * transaction (see delivery-store.ts, plan-store.ts, webhook-store.ts), so they stay exact however
 * often a job is retried. They are spread over a few shard items (one write each per delivery, never
 * a hot item) and read back with one BatchGet: the progress editors follow.
 */
import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  countsOf,
  type DeliveryCounts,
  type DeliveryOutcome,
  deliveryOutcomes,
} from '../../domain/delivery.ts';
import type { DeliveryProgress } from '../../ports/delivery-progress.ts';
import { type Counted, type CountedChannel, countedChannels } from '../../ports/delivery-store.ts';
import { digest } from '../../security/tokens.ts';
import * as keys from './item-keys.ts';
import type { TransactItem } from './transact.ts';

/** Counter shards per version: each takes a share of the writes (a shard item takes ~1,000 a second). */
const counterShards = 8;

/** The counter update of one outcome (or several), for a transaction or on its own. */
export function counterUpdate(
  tableName: string,
  counted: Counted,
  changes: Partial<Record<DeliveryOutcome, number>>,
  spreadBy: string = String(Math.random()),
): TransactItem {
  const { channel, ...version } = counted;
  return countersUpdate(tableName, version, { [channel]: changes }, spreadBy);
}

export type CounterChanges = Partial<Record<CountedChannel, Partial<Record<DeliveryOutcome, number>>>>;

/**
 * One shard's update of several channels' counters at once: a transaction may touch an item only
 * once, so changes of two channels that could land on the same shard go in one update.
 */
export function countersUpdate(
  tableName: string,
  version: Omit<Counted, 'channel'>,
  changes: CounterChanges,
  spreadBy: string = String(Math.random()),
): TransactItem {
  const shard = Number.parseInt(digest(spreadBy).slice(0, 6), 16) % counterShards;
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {
    ':entity': 'delivery-counters',
    ':correctionId': version.correctionId,
    ':version': version.version,
  };
  const adds = Object.entries(changes)
    .flatMap(([channel, outcomes]) =>
      Object.entries(outcomes ?? {}).map(([outcome, amount]) => [`${channel}_${outcome}`, amount] as const),
    )
    .filter(([, amount]) => amount)
    .map(([counter, amount], i) => {
      names[`#c${i}`] = counter;
      values[`:c${i}`] = amount;
      return `#c${i} :c${i}`;
    });
  return {
    Update: {
      TableName: tableName,
      Key: keys.deliveryCounters(version.correctionId, version.version, shard),
      UpdateExpression: `SET entity = :entity, correctionId = :correctionId, version = :version ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

export class DynamoDeliveryProgress implements DeliveryProgress {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async counts(correctionId: string, version: number): Promise<Record<CountedChannel, DeliveryCounts>> {
    const result = await this.doc.send(
      new BatchGetCommand({
        RequestItems: {
          [this.tableName]: {
            Keys: Array.from({ length: counterShards }, (_, shard) =>
              keys.deliveryCounters(correctionId, version, shard),
            ),
            ConsistentRead: true,
          },
        },
      }),
    );
    // Eight small items: a partial answer is retried once by hand rather than read as zeros.
    let items = result.Responses?.[this.tableName] ?? [];
    const unprocessed = result.UnprocessedKeys?.[this.tableName];
    if (unprocessed?.Keys?.length) {
      const again = await this.doc.send(
        new BatchGetCommand({ RequestItems: { [this.tableName]: unprocessed } }),
      );
      items = [...items, ...(again.Responses?.[this.tableName] ?? [])];
    }
    const totals = (channel: CountedChannel) => {
      const raw: Partial<Record<DeliveryOutcome, number>> = {};
      for (const outcome of deliveryOutcomes) {
        raw[outcome] = items.reduce((sum, item) => sum + Number(item[`${channel}_${outcome}`] ?? 0), 0);
      }
      return countsOf(raw);
    };
    return Object.fromEntries(countedChannels.map((channel) => [channel, totals(channel)])) as Record<
      CountedChannel,
      DeliveryCounts
    >;
  }
}
