/** Delivery records: the conditional claim that makes every message go out at most once per key. */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Delivery } from '../../domain/delivery.ts';
import type { ClaimOutcome, DeliveryStore } from '../../ports/delivery-store.ts';
import { keys, withoutStorage } from './keys.ts';

export class DynamoDeliveryStore implements DeliveryStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async claim(
    delivery: Omit<Delivery, 'status' | 'attempts' | 'lastAttemptAt' | 'firstAttemptAt'>,
    now: string,
    leaseSeconds: number,
  ): Promise<ClaimOutcome> {
    const { key, leaseUntil: _ignored, ...fields } = delivery;
    const names: Record<string, string> = { '#status': 'status' };
    const values: Record<string, unknown> = {
      ':sending': 'sending',
      ':failed': 'failed',
      ':parked': 'parked',
      ':now': now,
      ':lease': new Date(Date.parse(now) + leaseSeconds * 1000).toISOString(),
      ':one': 1,
      ':entity': 'delivery',
      ':key': key,
    };
    const assignments = Object.entries(fields)
      .filter(([, value]) => value !== undefined)
      .map(([name, value], i) => {
        names[`#f${i}`] = name;
        values[`:f${i}`] = value;
        return `#f${i} = :f${i}`;
      });
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.delivery(key),
          UpdateExpression: [
            'SET #status = :sending, leaseUntil = :lease, lastAttemptAt = :now',
            'firstAttemptAt = if_not_exists(firstAttemptAt, :now), entity = :entity, #key = :key',
            ...assignments,
          ]
            .join(', ')
            .concat(' ADD attempts :one'),
          ConditionExpression:
            'attribute_not_exists(pk) OR #status IN (:failed, :parked) OR (#status = :sending AND leaseUntil < :now)',
          ExpressionAttributeNames: { ...names, '#key': 'key' },
          ExpressionAttributeValues: values,
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return 'claimed';
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const stored = error.Item ? unmarshall(error.Item) : undefined;
      return stored?.status === 'sent' ? 'done' : 'in-flight';
    }
  }

  async markSent(key: string, messageId: string, now: string): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.delivery(key),
        UpdateExpression: 'SET #status = :sent, sentAt = :now, messageId = :id REMOVE leaseUntil, lastError',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sent': 'sent', ':now': now, ':id': messageId },
      }),
    );
  }

  async markFailed(key: string, error: string, parked: boolean, now: string): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.delivery(key),
        UpdateExpression: 'SET #status = :status, lastError = :error, lastAttemptAt = :now REMOVE leaseUntil',
        ConditionExpression: '#status <> :sent',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': parked ? 'parked' : 'failed',
          ':error': error.slice(0, 1000),
          ':now': now,
          ':sent': 'sent',
        },
      }),
    );
  }

  async get(key: string): Promise<Delivery | undefined> {
    const result = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.delivery(key), ConsistentRead: true }),
    );
    return result.Item ? withoutStorage<Delivery>(result.Item) : undefined;
  }
}
