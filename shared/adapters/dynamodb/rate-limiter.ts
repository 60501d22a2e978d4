/** Fixed-window counters: one conditional ADD per use, expiring with their window. */
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RateLimiter } from '../../ports/rate-limiter.ts';
import * as keys from './item-keys.ts';

export class DynamoRateLimiter implements RateLimiter {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly nowMs: () => number = Date.now,
  ) {}

  async take(
    key: string,
    limit: number,
    windowSeconds: number,
  ): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
    const now = Math.floor(this.nowMs() / 1000);
    const window = Math.floor(now / windowSeconds);
    const windowEnds = (window + 1) * windowSeconds;
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.rateWindow(key, window),
          UpdateExpression: 'ADD uses :one SET entity = :entity, expiresAt = :expiresAt',
          ConditionExpression: 'attribute_not_exists(uses) OR uses < :limit',
          ExpressionAttributeValues: {
            ':one': 1,
            ':limit': limit,
            ':entity': 'rate-window',
            ':expiresAt': windowEnds + 60,
          },
        }),
      );
      return { allowed: true, retryAfterSeconds: 0 };
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      return { allowed: false, retryAfterSeconds: Math.max(1, windowEnds - now) };
    }
  }
}
