/** URL claims (one item per normalized page URL): which case that page's reports go to. */
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { UrlClaim, UrlClaims } from '../../ports/url-claims.ts';
import * as keys from './item-keys.ts';

export class DynamoUrlClaims implements UrlClaims {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async find(urlKey: string): Promise<UrlClaim | undefined> {
    const result = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.urlClaim(urlKey), ConsistentRead: true }),
    );
    return result.Item ? { urlKey, caseId: String(result.Item.caseId) } : undefined;
  }

  async move(urlKey: string, from: string, to: string): Promise<void> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.urlClaim(urlKey),
          UpdateExpression: 'SET caseId = :to',
          ConditionExpression: 'caseId = :from',
          ExpressionAttributeValues: { ':from': from, ':to': to },
        }),
      );
    } catch (error) {
      // The claim moved on already (a newer case took it): nothing to do.
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  }
}
