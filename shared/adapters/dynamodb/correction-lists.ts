/** The corrections as lists show them, through their indexes (see publications.ts for the keys). */
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Correction } from '../../domain/correction.ts';
import type { CorrectionLists } from '../../ports/correction-store.ts';
import type { Page } from '../../ports/page.ts';
import { countQuery } from './case-store.ts';
import { withoutStorage } from './keys.ts';
import { type Cursors, mergedPage, type Partition, wholeItems } from './paging.ts';

const newestFirst = (index: string, pkValue: string): Partition => ({
  index,
  pkName: `${index}pk`,
  pkValue,
  skName: `${index}sk`,
  ascending: false,
});

export class DynamoCorrectionLists implements CorrectionLists {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly cursors: Cursors,
  ) {}

  async list(query: { topic?: string; limit: number; cursor?: string }): Promise<Page<Correction>> {
    const partition = query.topic
      ? newestFirst('gsi2', `CORRECTIONS#TOPIC#${query.topic}`)
      : newestFirst('gsi1', 'CORRECTIONS');
    const page = await mergedPage(this.doc, this.tableName, [partition], {
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
      query: JSON.stringify(['corrections', query.topic ?? '']),
      cursors: this.cursors,
    });
    const items = await wholeItems(this.doc, this.tableName, page.items);
    return { items: items.map((item) => withoutStorage<Correction>(item)), nextCursor: page.nextCursor };
  }

  async latest(limit: number): Promise<Correction[]> {
    const result = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi3',
        KeyConditionExpression: 'gsi3pk = :pk',
        ExpressionAttributeValues: { ':pk': 'CORRECTIONS#UPDATED' },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    const items = await wholeItems(this.doc, this.tableName, result.Items ?? []);
    return items.map((item) => withoutStorage<Correction>(item));
  }

  async countUpdatedSince(since: string): Promise<number> {
    return countQuery(this.doc, {
      TableName: this.tableName,
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk >= :since',
      ExpressionAttributeValues: { ':pk': 'CORRECTIONS#UPDATED', ':since': since },
    });
  }
}
