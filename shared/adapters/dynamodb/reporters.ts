/** The reporter marks of a case (REPORTER#<recipient hash> in its partition, written with each report). */
import { BatchGetCommand, type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Reporters } from '../../ports/reporters.ts';
import * as keys from './item-keys.ts';

const prefix = 'REPORTER#';

export class DynamoReporters implements Reporters {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async hashes(caseId: string, limit: number): Promise<{ hashes: string[]; more: boolean }> {
    // Keys only (about 150 bytes an item): a thousand fit far inside one Query's megabyte.
    const result = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.case(caseId).pk, ':prefix': prefix },
        ProjectionExpression: 'sk',
        Limit: limit,
      }),
    );
    const hashes = (result.Items ?? []).map((item) => String(item.sk).slice(prefix.length));
    return { hashes, more: result.LastEvaluatedKey !== undefined };
  }

  async among(caseId: string, recipientHashes: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    const unique = [...new Set(recipientHashes)];
    // BatchGetItem takes 100 keys at a time; unprocessed keys are asked for again.
    for (let i = 0; i < unique.length; i += 100) {
      let requested: Record<string, unknown>[] = unique
        .slice(i, i + 100)
        .map((hash) => keys.reporter(caseId, hash));
      while (requested.length > 0) {
        const result = await this.doc.send(
          new BatchGetCommand({
            RequestItems: { [this.tableName]: { Keys: requested, ProjectionExpression: 'sk' } },
          }),
        );
        for (const item of result.Responses?.[this.tableName] ?? [])
          found.add(String(item.sk).slice(prefix.length));
        requested =
          (result.UnprocessedKeys?.[this.tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
      }
    }
    return found;
  }
}
