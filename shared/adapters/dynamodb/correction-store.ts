/**
 * Corrections in the single table, one read at a time: one item each, every version inside it
 * (see publications.ts for how they are written, correction-lists.ts for how they are listed).
 */
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Correction } from '../../domain/correction.ts';
import type { CorrectionStore } from '../../ports/correction-store.ts';
import * as keys from './item-keys.ts';
import { withoutStorage } from './keys.ts';

export class DynamoCorrectionStore implements CorrectionStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(id: string): Promise<Correction | undefined> {
    const result = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.correction(id), ConsistentRead: true }),
    );
    return result.Item ? withoutStorage<Correction>(result.Item) : undefined;
  }
}
