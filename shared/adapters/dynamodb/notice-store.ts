/**
 * The notices of each page in the single table: one item per correction in its page's partition,
 * put by the transaction that publishes each version (so it always holds the latest one, and never a
 * version that was not published). Reading a page's notices is one Query of a bounded page, however
 * many corrections the table or the page holds.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Correction } from '../../domain/correction.ts';
import { type Notice, noticeOf, noticeTarget } from '../../domain/notice.ts';
import type { FiledNotice, NoticeStore } from '../../ports/notice-store.ts';
import * as keys from './item-keys.ts';
import type { TransactItem } from './transact.ts';

/** The notice item of a published version, for its publishing transaction; none without a page. */
export function noticePut(tableName: string, correction: Correction): TransactItem[] {
  const target = noticeTarget(correction);
  if (!target) return [];
  return [
    {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.notice(target, correction.publishedAt, correction.id),
          entity: 'notice',
          ...noticeOf(correction),
        },
      },
    },
  ];
}

const noticeFields = ['id', 'type', 'headline', 'version', 'publishedAt', 'updatedAt', 'language'] as const;

export class DynamoNoticeStore implements NoticeStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async forPage(target: string, limit: number): Promise<Notice[]> {
    const { pk } = keys.notice(target, '', 'id');
    const result = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': keys.noticePrefix },
        ExpressionAttributeNames: Object.fromEntries(noticeFields.map((field) => [`#${field}`, field])),
        ProjectionExpression: noticeFields.map((field) => `#${field}`).join(', '),
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (result.Items ?? []) as Notice[];
  }

  async file(correction: Correction): Promise<FiledNotice> {
    const [item] = noticePut(this.tableName, correction);
    if (!item?.Put) return 'no-page';
    try {
      await this.doc.send(
        new PutCommand({
          ...item.Put,
          // Never over a version the publisher filed meanwhile.
          ConditionExpression: 'attribute_not_exists(pk) OR #version < :version',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':version': correction.version },
        }),
      );
      return 'filed';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'current';
      throw error;
    }
  }
}
