/**
 * Keeping the audience counters (see audience-counters.ts): a change is applied in one transaction
 * with a marker keyed by the change's id (the stream record's), so a replayed record adds nothing.
 * Markers expire after the stream's 24 hours of retention, with a day to spare.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AudienceChanges, AudienceDelta } from '../../ports/audience-counters.ts';
import type { Clock } from '../../ports/clock.ts';
import { audienceKey } from './audience-counters.ts';
import type { Key } from './keys.ts';
import { ConditionsFailed, type TransactItem, transact } from './transact.ts';

const markerDays = 2;

const counterName = (d: AudienceDelta): string =>
  [
    ...(d.digest ? ['digest'] : []),
    ...(d.alsoFollowing ? ['also', d.alsoFollowing] : []),
    d.channel,
    ...(d.language ? [d.language] : []),
  ].join('#');

export class DynamoAudienceChanges implements AudienceChanges {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async apply(changeId: string, deltas: ReadonlyArray<AudienceDelta>): Promise<boolean> {
    // Net each counter: a change that moves nobody (a re-save, an inactive follow) writes nothing.
    const byScope = new Map<string, { key: Key; counters: Map<string, number> }>();
    for (const d of deltas) {
      const key = audienceKey(d.scope);
      const entry = byScope.get(key.pk) ?? { key, counters: new Map<string, number>() };
      entry.counters.set(counterName(d), (entry.counters.get(counterName(d)) ?? 0) + d.delta);
      byScope.set(key.pk, entry);
    }
    const updates: TransactItem[] = [];
    for (const { key, counters } of byScope.values()) {
      const moved = [...counters].filter(([, n]) => n !== 0);
      if (moved.length === 0) continue;
      updates.push({
        Update: {
          TableName: this.tableName,
          Key: key,
          UpdateExpression: `SET entity = :entity ADD ${moved.map((_, i) => `#c${i} :c${i}`).join(', ')}`,
          ExpressionAttributeNames: Object.fromEntries(moved.map(([name], i) => [`#c${i}`, name])),
          ExpressionAttributeValues: {
            ':entity': 'audience',
            ...Object.fromEntries(moved.map(([, n], i) => [`:c${i}`, n])),
          },
        },
      });
    }
    if (updates.length === 0) return false;
    const expiresAt = Math.floor(Date.parse(this.clock.now()) / 1000) + markerDays * 24 * 60 * 60;
    try {
      await transact(this.doc, [
        {
          Put: {
            TableName: this.tableName,
            Item: { pk: `AUDIENCE-CHANGE#${changeId}`, sk: 'CHANGE', entity: 'audience-change', expiresAt },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...updates,
      ]);
      return true;
    } catch (error) {
      if (error instanceof ConditionsFailed && error.failedAt(0)) return false;
      throw error;
    }
  }
}
