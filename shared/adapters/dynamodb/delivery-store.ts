/**
 * Delivery records. Every move that ends or fails a delivery commits with its counter (see
 * delivery-counters.ts) in one transaction, conditional on the state the attempt saw, so the counters
 * stay exact however often a job is retried.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { type Delivery, failuresBeforeParking } from '../../domain/delivery.ts';
import type { Clock } from '../../ports/clock.ts';
import type { ClaimOutcome, Counted, DeliveryStore, NewDelivery } from '../../ports/delivery-store.ts';
import { type CounterChanges, countersUpdate, counterUpdate } from './delivery-counters.ts';
import * as keys from './item-keys.ts';
import { expiresAfterDays, recipientIndexKeys, withoutStorage } from './keys.ts';
import { ConditionsFailed, type TransactItem, transact } from './transact.ts';

/**
 * A delivery record lives `recordDays` from its first write (TTL), and is indexed under its person's
 * recipient hash (gsi2) so that an erasure finds it; its counters stay.
 */
export class DynamoDeliveryStore implements DeliveryStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly retention: { recordDays: number; clock: Clock },
  ) {}

  private expiresAt(now: string = this.retention.clock.now()): number {
    return expiresAfterDays(now, this.retention.recordDays);
  }

  async claim(
    delivery: NewDelivery,
    now: string,
    leaseSeconds: number,
    revive?: Counted,
  ): Promise<ClaimOutcome> {
    const { key, ...fields } = delivery;
    const names: Record<string, string> = { '#status': 'status', '#key': 'key' };
    const values: Record<string, unknown> = {
      ':claimed': 'claimed',
      ':failed': 'failed',
      ':waiting': 'waiting',
      ':now': now,
      ':lease': new Date(Date.parse(now) + leaseSeconds * 1000).toISOString(),
      ':one': 1,
      ':zero': 0,
      ':entity': 'delivery',
      ':key': key,
      ':expires': this.expiresAt(now),
    };
    const indexed = recipientIndexKeys(delivery.recipientHash, `DELIVERY#${key}`);
    const assignments = Object.entries({ ...fields, ...indexed })
      .filter(([, value]) => value !== undefined)
      .map(([name, value], i) => {
        names[`#f${i}`] = name;
        values[`:f${i}`] = value;
        return `#f${i} = :f${i}`;
      });
    try {
      const result = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.delivery(key),
          UpdateExpression: [
            'SET #status = :claimed, leaseUntil = :lease, lastAttemptAt = :now',
            'firstAttemptAt = if_not_exists(firstAttemptAt, :now), failures = if_not_exists(failures, :zero)',
            'entity = :entity, #key = :key, expiresAt = if_not_exists(expiresAt, :expires)',
            ...assignments,
          ]
            .join(', ')
            .concat(' ADD attempts :one'),
          // Never once accepted: an accepted message is finished, not sent again.
          ConditionExpression:
            'attribute_not_exists(pk) OR #status IN (:failed, :waiting) OR (#status = :claimed AND leaseUntil < :now)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { outcome: 'claimed', failures: Number(result.Attributes?.failures ?? 0) };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const stored = error.Item ? unmarshall(error.Item) : {};
      if (stored.status === 'accepted')
        return { outcome: 'accepted', failures: Number(stored.failures ?? 0) };
      if (stored.status === 'claimed') return { outcome: 'in-flight', leaseUntil: String(stored.leaseUntil) };
      if (stored.status === 'parked' && revive) return this.revive(key, now, leaseSeconds, revive, stored);
      return { outcome: 'done' };
    }
  }

  /** A parked delivery claimed again (a re-announcement): it leaves the parked count for the failed one. */
  private async revive(
    key: string,
    now: string,
    leaseSeconds: number,
    counted: Counted,
    stored: Record<string, unknown>,
  ): Promise<ClaimOutcome> {
    const failures = Number(stored.failures ?? 0);
    try {
      await transact(this.doc, [
        {
          Update: {
            TableName: this.tableName,
            Key: keys.delivery(key),
            UpdateExpression:
              'SET #status = :claimed, leaseUntil = :lease, lastAttemptAt = :now ADD attempts :one',
            ConditionExpression: '#status = :parked AND failures = :failures',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':claimed': 'claimed',
              ':parked': 'parked',
              ':failures': failures,
              ':lease': new Date(Date.parse(now) + leaseSeconds * 1000).toISOString(),
              ':now': now,
              ':one': 1,
            },
          },
        },
        counterUpdate(this.tableName, counted, { parked: -1, failed: 1 }, key),
      ]);
      return { outcome: 'claimed', failures };
    } catch (error) {
      if (!(error instanceof ConditionsFailed)) throw error;
      return { outcome: 'in-flight', leaseUntil: now };
    }
  }

  async accept(key: string, messageId: string, now: string): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.delivery(key),
        // The expiry again, in case an erasure removed the record while the message was on its way.
        UpdateExpression:
          'SET #status = :accepted, acceptedAt = :now, messageId = :id, expiresAt = if_not_exists(expiresAt, :expires) REMOVE leaseUntil',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':accepted': 'accepted',
          ':now': now,
          ':id': messageId,
          ':expires': this.expiresAt(now),
        },
      }),
    );
  }

  private sentUpdate(key: string, now: string): TransactItem {
    return {
      Update: {
        TableName: this.tableName,
        Key: keys.delivery(key),
        UpdateExpression: 'SET #status = :sent, sentAt = :now REMOVE lastError',
        ConditionExpression: '#status = :accepted',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sent': 'sent', ':accepted': 'accepted', ':now': now },
      },
    };
  }

  async markSent(key: string, now: string, counted: Counted | undefined, failures: number): Promise<void> {
    const counter = counted
      ? [counterUpdate(this.tableName, counted, { sent: 1, failed: failures > 0 ? -1 : 0 }, key)]
      : [];
    try {
      await transact(this.doc, [this.sentUpdate(key, now), ...counter]);
    } catch (error) {
      // Another attempt finished it first: sent once, counted once.
      if (!(error instanceof ConditionsFailed)) throw error;
    }
  }

  async markSentMany(
    sent: ReadonlyArray<{ key: string; counted: Counted | undefined; failures: number }>,
    now: string,
  ): Promise<void> {
    // A transaction touches an item once: each version's changes, both channels, in one update.
    const byVersion = new Map<
      string,
      { version: Omit<Counted, 'channel'>; changes: CounterChanges; spreadBy?: string }
    >();
    for (const { key, counted, failures } of sent) {
      if (!counted) continue;
      const { channel, ...version } = counted;
      const id = `${version.correctionId}#${version.version}`;
      const entry = byVersion.get(id) ?? { version, changes: {} };
      const changes = entry.changes[channel] ?? {};
      changes.sent = (changes.sent ?? 0) + 1;
      if (failures > 0) changes.failed = (changes.failed ?? 0) - 1;
      entry.changes[channel] = changes;
      byVersion.set(id, entry);
      entry.spreadBy ??= key;
    }
    const counters = [...byVersion.values()].map(({ version, changes, spreadBy }) =>
      countersUpdate(this.tableName, version, changes, spreadBy),
    );
    try {
      await transact(this.doc, [...sent.map(({ key }) => this.sentUpdate(key, now)), ...counters]);
    } catch (error) {
      if (!(error instanceof ConditionsFailed)) throw error;
      // Nothing of it was written: each on its own, where one finished elsewhere is simply left.
      for (const { key, counted, failures } of sent) await this.markSent(key, now, counted, failures);
    }
  }

  async release(key: string): Promise<void> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.delivery(key),
          // Waiting for its next turn; `failures` is left as it was.
          UpdateExpression: 'SET #status = :waiting ADD throttles :one REMOVE leaseUntil',
          ConditionExpression: '#status = :claimed',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':waiting': 'waiting', ':claimed': 'claimed', ':one': 1 },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async markFailed(
    key: string,
    error: string,
    now: string,
    counted: Counted | undefined,
    failures: number,
  ): Promise<{ parked: boolean }> {
    const parked = failures + 1 >= failuresBeforeParking;
    const update: TransactItem = {
      Update: {
        TableName: this.tableName,
        Key: keys.delivery(key),
        UpdateExpression:
          'SET #status = :status, lastError = :error, lastAttemptAt = :now, failures = :failures REMOVE leaseUntil',
        ConditionExpression: '#status = :claimed AND failures = :before',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': parked ? 'parked' : 'failed',
          ':error': error.slice(0, 200),
          ':now': now,
          ':failures': failures + 1,
          ':before': failures,
          ':claimed': 'claimed',
        },
      },
    };
    // `failed` counts deliveries failing right now: in on the first failure, out when parked.
    const changes = parked
      ? { parked: 1, failed: failures > 0 ? -1 : 0 }
      : { failed: failures === 0 ? 1 : 0 };
    const counter =
      counted && Object.values(changes).some(Boolean)
        ? [counterUpdate(this.tableName, counted, changes, key)]
        : [];
    try {
      await transact(this.doc, [update, ...counter]);
    } catch (caught) {
      if (!(caught instanceof ConditionsFailed)) throw caught;
      // Another attempt moved it on (its lease had run out): that attempt's outcome stands.
      return { parked: false };
    }
    return { parked };
  }

  async settle(
    key: string,
    outcome: 'suppressed' | 'skipped',
    counted: Counted | undefined,
    recipientHash?: string,
  ): Promise<boolean> {
    const indexed = recipientHash ? recipientIndexKeys(recipientHash, `DELIVERY#${key}`) : {};
    const put: TransactItem = {
      Update: {
        TableName: this.tableName,
        Key: keys.delivery(key),
        UpdateExpression: [
          'SET #status = :outcome, entity = :entity, #key = :key, expiresAt = :expires',
          ...Object.keys(indexed).map((name) => `${name} = :${name}`),
        ].join(', '),
        ConditionExpression: 'attribute_not_exists(pk)',
        ExpressionAttributeNames: { '#status': 'status', '#key': 'key' },
        ExpressionAttributeValues: {
          ':outcome': outcome,
          ':entity': 'delivery',
          ':key': key,
          ':expires': this.expiresAt(),
          ...Object.fromEntries(Object.entries(indexed).map(([name, value]) => [`:${name}`, value])),
        },
      },
    };
    try {
      await transact(this.doc, [
        put,
        ...(counted ? [counterUpdate(this.tableName, counted, { [outcome]: 1 }, key)] : []),
      ]);
      return true;
    } catch (error) {
      if (!(error instanceof ConditionsFailed)) throw error;
      return false;
    }
  }

  async get(key: string): Promise<Delivery | undefined> {
    const result = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.delivery(key), ConsistentRead: true }),
    );
    return result.Item ? withoutStorage<Delivery>(result.Item) : undefined;
  }
}
