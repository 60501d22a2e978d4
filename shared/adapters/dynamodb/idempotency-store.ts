import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { IdempotencyRecord, IdempotencyStore } from '../../ports/idempotency-store.ts';
import * as keys from './item-keys.ts';

export class DynamoIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(scope: string, key: string): Promise<IdempotencyRecord | undefined> {
    const result = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.idempotency(scope, key), ConsistentRead: true }),
    );
    if (!result.Item) return undefined;
    // Expired records may linger until DynamoDB's TTL sweep: treat them as gone.
    if (typeof result.Item.expiresAt === 'number' && result.Item.expiresAt * 1000 < Date.now())
      return undefined;
    return {
      requestHash: String(result.Item.requestHash),
      response: result.Item.response as Record<string, unknown>,
    };
  }
}
