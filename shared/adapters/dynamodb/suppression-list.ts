/** The suppression list for admins: newest first on gsi1 (see suppression-store.ts), a page at a time. */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Suppression } from '../../domain/suppression.ts';
import type { Page } from '../../ports/page.ts';
import type { SuppressionList } from '../../ports/suppression-store.ts';
import { withoutStorage } from './keys.ts';
import { type Cursors, mergedPage, wholeItems } from './paging.ts';
import { listPartition } from './suppression-store.ts';

export class DynamoSuppressionList implements SuppressionList {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly cursors: Cursors,
  ) {}

  async list(options: { limit: number; cursor?: string }): Promise<Page<Suppression>> {
    const page = await mergedPage(
      this.doc,
      this.tableName,
      [{ index: 'gsi1', pkName: 'gsi1pk', pkValue: listPartition, skName: 'gsi1sk', ascending: false }],
      {
        limit: options.limit,
        ...(options.cursor ? { cursor: options.cursor } : {}),
        query: 'suppressions',
        cursors: this.cursors,
      },
    );
    const items = await wholeItems(this.doc, this.tableName, page.items);
    return {
      items: items.map((item) => withoutStorage<Suppression>(item)),
      nextCursor: page.nextCursor,
    };
  }
}
