/** Corrections in the single table: one item each, every version inside it, indexed for lists and feeds. */
import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Correction } from '../../domain/correction.ts';
import type { CorrectionStore, Publication } from '../../ports/correction-store.ts';
import type { Page } from '../../ports/page.ts';
import { LogMovedOn } from '../../ports/public-log.ts';
import { announcementPut } from './announcement-store.ts';
import { caseUpdate, countQuery, historyItem } from './case-store.ts';
import { keys, withoutStorage } from './keys.ts';
import { noticePut } from './notice-store.ts';
import { type Cursors, mergedPage, type Partition, wholeItems } from './paging.ts';
import { logAppendItems } from './public-log.ts';
import { firstPublicationItem } from './stats-store.ts';
import { ConditionsFailed, transact } from './transact.ts';

/** gsi1: all by first publication; gsi2: one topic's by first publication; gsi3: all by last update. */
const correctionIndexKeys = (c: Correction): Record<string, string> => ({
  gsi1pk: 'CORRECTIONS',
  gsi1sk: `${c.publishedAt}#${c.id}`,
  gsi2pk: `CORRECTIONS#TOPIC#${c.topic}`,
  gsi2sk: `${c.publishedAt}#${c.id}`,
  gsi3pk: 'CORRECTIONS#UPDATED',
  gsi3sk: `${c.updatedAt}#${c.id}`,
});

const newestFirst = (index: string, pkValue: string): Partition => ({
  index,
  pkName: `${index}pk`,
  pkValue,
  skName: `${index}sk`,
  ascending: false,
});

export class DynamoCorrectionStore implements CorrectionStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly cursors: Cursors,
  ) {}

  async get(id: string): Promise<Correction | undefined> {
    const result = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.correction(id), ConsistentRead: true }),
    );
    return result.Item ? withoutStorage<Correction>(result.Item) : undefined;
  }

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

  async publish({
    correction,
    decision: publication,
    approved,
    logEntry,
    firstPublication,
    announcement,
  }: Publication): Promise<boolean> {
    const firstVersion = correction.version === 1;
    try {
      await transact(this.doc, [
        {
          Put: {
            TableName: this.tableName,
            Item: {
              ...keys.correction(correction.id),
              entity: 'correction',
              ...correction,
              ...correctionIndexKeys(correction),
            },
            ...(firstVersion
              ? { ConditionExpression: 'attribute_not_exists(pk)' }
              : {
                  ConditionExpression: '#version = :previous',
                  ExpressionAttributeNames: { '#version': 'version' },
                  ExpressionAttributeValues: { ':previous': correction.version - 1 },
                }),
          },
        },
        caseUpdate(this.tableName, approved, publication.next, {
          expression: '#status = :approved AND #version = :caseVersion',
          names: { '#status': 'status', '#version': 'version' },
          values: { ':approved': 'approved', ':caseVersion': approved.version },
        }),
        historyItem(this.tableName, publication.next.id, publication.next.version, publication.entry),
        ...logAppendItems(this.tableName, logEntry),
        ...(firstPublication ? [firstPublicationItem(this.tableName, firstPublication)] : []),
        announcementPut(this.tableName, announcement),
        // Last, so the indexes of the conditions above stay as the catch below reads them.
        ...noticePut(this.tableName, correction),
      ]);
      return true;
    } catch (error) {
      if (!(error instanceof ConditionsFailed)) throw error;
      if (error.failedAt(1)) return false;
      if (error.failedAt(3) || error.failedAt(4)) throw new LogMovedOn();
      // Another amendment of the same correction landed first: fail so the stream retries on top of it.
      throw new Error(`Correction ${correction.id} moved past version ${correction.version - 1}; retry`);
    }
  }
}
