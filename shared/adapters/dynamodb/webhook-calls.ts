/**
 * Calling webhooks (see webhook-store.ts for the partitions): one delivery item per event and
 * webhook, its calls claimed under a lease, its outcome counted in the version's delivery counters,
 * every attempt recorded, and the webhook's run of failures kept on it.
 */
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DeliveryOutcome } from '../../domain/delivery.ts';
import type { WebhookAttempt } from '../../domain/webhook.ts';
import type { CountedVersion, EventDeliveryState, WebhookCalls } from '../../ports/webhook-calls.ts';
import type { StoredWebhook } from '../../ports/webhook-store.ts';
import { counterUpdate } from './delivery-counters.ts';
import { type Key, withoutStorage } from './keys.ts';
import { ConditionsFailed, transact } from './transact.ts';
import { conditionFailed, expiresAt, webhookKeys } from './webhook-store.ts';

export class DynamoWebhookCalls implements WebhookCalls {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async openDelivery(
    webhookId: string,
    eventId: string,
    now: string,
    counted: CountedVersion,
  ): Promise<EventDeliveryState> {
    const key = webhookKeys.delivery(webhookId, eventId);
    try {
      // Opened and counted as planned in one transaction: a delivery is counted once.
      await transact(this.doc, [
        {
          Put: {
            TableName: this.tableName,
            Item: {
              ...key,
              entity: 'webhook-delivery',
              webhookId,
              eventId,
              status: 'pending',
              attempts: 0,
              createdAt: now,
              expiresAt: expiresAt(now),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        this.counter(counted, { planned: 1 }, key),
      ]);
      return { state: 'new' };
    } catch (error) {
      if (!(error instanceof ConditionsFailed)) throw error;
    }
    const result = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    const status = result.Item?.status;
    if (status === 'delivered' || status === 'failed') return { state: status };
    return { state: 'pending', attempts: Number(result.Item?.attempts ?? 0) };
  }

  async claimCall(
    webhookId: string,
    eventId: string,
    now: string,
    leaseSeconds: number,
  ): Promise<number | undefined> {
    const nowMs = Date.parse(now);
    try {
      const result = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: webhookKeys.delivery(webhookId, eventId),
          UpdateExpression:
            'SET leaseUntil = :lease, attempts = if_not_exists(attempts, :zero) + :one, ' +
            'webhookId = :webhook, eventId = :event, #status = if_not_exists(#status, :pending), ' +
            'expiresAt = if_not_exists(expiresAt, :expires)',
          ConditionExpression:
            '(attribute_not_exists(pk) OR #status = :pending) AND ' +
            '(attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':lease': nowMs + leaseSeconds * 1000,
            ':now': nowMs,
            ':zero': 0,
            ':one': 1,
            ':pending': 'pending',
            ':webhook': webhookId,
            ':event': eventId,
            ':expires': expiresAt(now),
          },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(result.Attributes?.attempts);
    } catch (error) {
      if (conditionFailed(error)) return undefined;
      throw error;
    }
  }

  async releaseCall(webhookId: string, eventId: string, firstFailure?: CountedVersion): Promise<void> {
    const key = webhookKeys.delivery(webhookId, eventId);
    await transact(this.doc, [
      {
        Update: {
          TableName: this.tableName,
          Key: key,
          UpdateExpression: 'REMOVE leaseUntil',
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
      ...(firstFailure ? [this.counter(firstFailure, { failed: 1 }, key)] : []),
    ]);
  }

  async finishDelivery(
    webhookId: string,
    eventId: string,
    outcome: 'delivered' | 'failed',
    counted: CountedVersion & { retried: boolean },
  ): Promise<boolean> {
    const key = webhookKeys.delivery(webhookId, eventId);
    try {
      await transact(this.doc, [
        {
          Update: {
            TableName: this.tableName,
            Key: key,
            UpdateExpression: 'SET #status = :outcome REMOVE leaseUntil',
            ConditionExpression: '#status = :pending',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':outcome': outcome, ':pending': 'pending' },
          },
        },
        // Sent, or given up (parked); no longer among those being retried.
        this.counter(
          counted,
          { [outcome === 'delivered' ? 'sent' : 'parked']: 1, failed: counted.retried ? -1 : 0 },
          key,
        ),
      ]);
      return true;
    } catch (error) {
      if (error instanceof ConditionsFailed) return false;
      throw error;
    }
  }

  async recordAttempt(webhookId: string, attempt: WebhookAttempt): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...webhookKeys.attempt(webhookId, attempt.at),
          entity: 'webhook-attempt',
          ...attempt,
          expiresAt: expiresAt(attempt.at),
        },
      }),
    );
  }

  async resetFailures(webhookId: string): Promise<void> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: webhookKeys.webhook(webhookId),
          UpdateExpression: 'SET consecutiveFailures = :zero',
          ConditionExpression: 'attribute_exists(pk) AND consecutiveFailures > :zero',
          ExpressionAttributeValues: { ':zero': 0 },
        }),
      );
    } catch (error) {
      if (!conditionFailed(error)) throw error;
    }
  }

  async countFailedEvent(webhookId: string, limit: number, now: string): Promise<StoredWebhook | undefined> {
    let failures: number;
    try {
      const result = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: webhookKeys.webhook(webhookId),
          UpdateExpression: 'ADD consecutiveFailures :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      failures = Number(result.Attributes?.consecutiveFailures);
    } catch (error) {
      if (conditionFailed(error)) return undefined;
      throw error;
    }
    if (failures < limit) return undefined;
    try {
      const result = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: webhookKeys.webhook(webhookId),
          UpdateExpression: 'SET #status = :disabled, disabledAt = :now, updatedAt = :now',
          ConditionExpression: '#status = :active AND consecutiveFailures >= :limit',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':disabled': 'disabled',
            ':active': 'active',
            ':now': now,
            ':limit': limit,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return result.Attributes ? withoutStorage<StoredWebhook>(result.Attributes) : undefined;
    } catch (error) {
      if (conditionFailed(error)) return undefined;
      throw error;
    }
  }

  /** The version's webhooks counters (with email's and SMS's), spread by the delivery's key. */
  private counter(counted: CountedVersion, changes: Partial<Record<DeliveryOutcome, number>>, key: Key) {
    return counterUpdate(this.tableName, { ...counted, channel: 'webhooks' }, changes, `${key.pk}#${key.sk}`);
  }
}
