/**
 * Suppressions in the single table: SUPPRESSED#<address hash>, listed newest first on gsi1
 * (SUPPRESSIONS, by time). The first suppression of an address is kept: a later bounce of an address
 * that complained changes nothing. An erasure is the exception: it replaces any other reason, so the
 * masked address goes too and only the keyed hash stays.
 */
import { BatchGetCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type Recipient, recipientHash } from '../../domain/recipient.ts';
import type { Suppression } from '../../domain/suppression.ts';
import type { SuppressionStore } from '../../ports/suppression-store.ts';
import * as keys from './item-keys.ts';

export const listPartition = 'SUPPRESSIONS';

export class DynamoSuppressionStore implements SuppressionStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async suppress(suppression: Suppression): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.suppression(suppression.addressHash),
            entity: 'suppression',
            ...suppression,
            gsi1pk: listPartition,
            gsi1sk: `${suppression.at}#${suppression.addressHash}`,
          },
          ...(suppression.reason === 'erased'
            ? {
                ConditionExpression: 'attribute_not_exists(pk) OR #reason <> :erased',
                ExpressionAttributeNames: { '#reason': 'reason' },
                ExpressionAttributeValues: { ':erased': 'erased' },
              }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  async isSuppressed(recipient: Recipient): Promise<boolean> {
    const result = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.suppression(recipientHash(recipient)),
        ProjectionExpression: 'pk',
      }),
    );
    return result.Item !== undefined;
  }

  async suppressedAmong(addressHashes: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    const unique = [...new Set(addressHashes)];
    const readChunk = async (hashes: string[]) => {
      let requested: Record<string, unknown>[] = hashes.map(keys.suppression);
      while (requested.length > 0) {
        const result = await this.doc.send(
          new BatchGetCommand({
            RequestItems: { [this.tableName]: { Keys: requested, ProjectionExpression: 'addressHash' } },
          }),
        );
        for (const item of result.Responses?.[this.tableName] ?? []) found.add(String(item.addressHash));
        requested =
          (result.UnprocessedKeys?.[this.tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
      }
    };
    // 100 keys a call, a few calls at a time (an import asks about 10,000 addresses).
    const chunks: string[][] = [];
    for (let i = 0; i < unique.length; i += 100) chunks.push(unique.slice(i, i + 100));
    for (let i = 0; i < chunks.length; i += 8) await Promise.all(chunks.slice(i, i + 8).map(readChunk));
    return found;
  }
}

/** Where the opted-out list was last left off (the provider's page token), between scheduled runs. */
export class DynamoOptOutPlace {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async read(): Promise<string | undefined> {
    const result = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.optOutPlace, ConsistentRead: true }),
    );
    return typeof result.Item?.token === 'string' ? result.Item.token : undefined;
  }

  async write(token: string | undefined): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.optOutPlace, entity: 'opt-out-place', ...(token ? { token } : {}) },
      }),
    );
  }
}
