/**
 * Webhooks in the single table. The webhooks themselves share one small partition (WEBHOOKS, at
 * most `maxWebhooks` items plus a count kept in the same transaction as each create and remove, which
 * is how the limit holds under concurrent creates). Each webhook's partition holds its deliveries (one
 * item per event) and its attempts (newest first by sort key); both expire after 30 days.
 */
import { type DynamoDBDocumentClient, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { WebhookAttempt, WebhookStatus } from '../../domain/webhook.ts';
import type { Page } from '../../ports/page.ts';
import type { StoredWebhook, WebhookStore } from '../../ports/webhook-store.ts';
import { randomId } from '../../security/tokens.ts';
import { type Key, named, withoutStorage } from './keys.ts';
import type { Cursors } from './paging.ts';
import { ConditionsFailed, transact } from './transact.ts';

type Item = Record<string, unknown>;

const partition = 'WEBHOOKS';
export const webhookKeys = {
  webhook: (id: string): Key => ({ pk: partition, sk: `WEBHOOK#${named(id)}` }),
  count: { pk: partition, sk: 'COUNT' } as Key,
  delivery: (webhookId: string, eventId: string): Key => ({
    pk: `WEBHOOK#${named(webhookId)}`,
    sk: `EVENT#${eventId}`,
  }),
  attempt: (webhookId: string, at: string): Key => ({
    pk: `WEBHOOK#${named(webhookId)}`,
    sk: `ATTEMPT#${at}#${randomId(6)}`,
  }),
};

const retentionSeconds = 30 * 24 * 60 * 60;
export const expiresAt = (now: string): number => Math.floor(Date.parse(now) / 1000) + retentionSeconds;

export const conditionFailed = (error: unknown): boolean =>
  (error as Error).name === 'ConditionalCheckFailedException';

export class DynamoWebhookStore implements WebhookStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly cursors: Cursors,
  ) {}

  async create(webhook: StoredWebhook, limit: number): Promise<boolean> {
    try {
      await transact(this.doc, [
        {
          Update: {
            TableName: this.tableName,
            Key: webhookKeys.count,
            UpdateExpression: 'ADD webhooks :one',
            ConditionExpression: 'attribute_not_exists(webhooks) OR webhooks < :limit',
            ExpressionAttributeValues: { ':one': 1, ':limit': limit },
          },
        },
        {
          Put: {
            TableName: this.tableName,
            Item: { ...webhookKeys.webhook(webhook.id), entity: 'webhook', ...webhook },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ]);
      return true;
    } catch (error) {
      if (error instanceof ConditionsFailed && error.failedAt(0)) return false;
      throw error;
    }
  }

  async get(id: string): Promise<StoredWebhook | undefined> {
    const result = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: webhookKeys.webhook(id), ConsistentRead: true }),
    );
    return result.Item ? withoutStorage<StoredWebhook>(result.Item) : undefined;
  }

  async list(): Promise<StoredWebhook[]> {
    const found: StoredWebhook[] = [];
    let start: Item | undefined;
    do {
      const result = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': partition, ':prefix': 'WEBHOOK#' },
          ConsistentRead: true,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      found.push(...(result.Items ?? []).map((item) => withoutStorage<StoredWebhook>(item)));
      start = result.LastEvaluatedKey;
    } while (start);
    return found.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async remove(id: string): Promise<boolean> {
    try {
      await transact(this.doc, [
        {
          Delete: {
            TableName: this.tableName,
            Key: webhookKeys.webhook(id),
            ConditionExpression: 'attribute_exists(pk)',
          },
        },
        {
          Update: {
            TableName: this.tableName,
            Key: webhookKeys.count,
            UpdateExpression: 'ADD webhooks :minusOne',
            ExpressionAttributeValues: { ':minusOne': -1 },
          },
        },
      ]);
      return true;
    } catch (error) {
      if (error instanceof ConditionsFailed && error.failedAt(0)) return false;
      throw error;
    }
  }

  async update(
    id: string,
    change: { status?: WebhookStatus; description?: string },
    now: string,
  ): Promise<StoredWebhook | undefined> {
    const sets = ['updatedAt = :now'];
    const removes: string[] = [];
    const values: Item = { ':now': now };
    const names: Record<string, string> = {};
    if (change.description !== undefined) {
      if (change.description === '') removes.push('description');
      else {
        sets.push('description = :description');
        values[':description'] = change.description;
      }
    }
    if (change.status !== undefined) {
      names['#status'] = 'status';
      sets.push('#status = :status');
      values[':status'] = change.status;
      if (change.status === 'active') {
        sets.push('consecutiveFailures = :zero');
        values[':zero'] = 0;
        removes.push('disabledAt');
      } else {
        sets.push('disabledAt = if_not_exists(disabledAt, :now)');
      }
    }
    try {
      const result = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: webhookKeys.webhook(id),
          UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
          ConditionExpression: 'attribute_exists(pk)',
          ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return result.Attributes ? withoutStorage<StoredWebhook>(result.Attributes) : undefined;
    } catch (error) {
      if (conditionFailed(error)) return undefined;
      throw error;
    }
  }

  async attempts(
    webhookId: string,
    options: { limit: number; cursor?: string },
  ): Promise<Page<WebhookAttempt>> {
    const query = JSON.stringify(['webhook-attempts', webhookId]);
    const start = options.cursor ? (this.cursors.decode(query, options.cursor) as Item) : undefined;
    const result = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `WEBHOOK#${named(webhookId)}`, ':prefix': 'ATTEMPT#' },
        ScanIndexForward: false,
        Limit: options.limit,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    return {
      items: (result.Items ?? []).map((item) => withoutStorage<WebhookAttempt>(item)),
      nextCursor: result.LastEvaluatedKey ? this.cursors.encode(query, result.LastEvaluatedKey) : null,
    };
  }
}
