/**
 * The public log in the single table: a head item holding the newest seq and hash, and one item per
 * entry. Appending updates the head on condition that it still holds the seq the entry follows, in
 * the publishing transaction: seq has no gaps and concurrent publications are put in one order.
 */
import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { emptyLog, type LogEntry, type LogHead } from '../../domain/public-log.ts';
import type { PublicLog } from '../../ports/public-log.ts';
import * as keys from './item-keys.ts';
import { withoutStorage } from './keys.ts';
import type { TransactItem } from './transact.ts';

/** The head's update and the entry's put, for the transaction that publishes the entry's version. */
export function logAppendItems(
  tableName: string,
  entry: LogEntry,
): [head: TransactItem, entry: TransactItem] {
  const first = entry.seq === 1;
  return [
    {
      Update: {
        TableName: tableName,
        Key: keys.logHead,
        UpdateExpression: 'SET #entity = :entity, #seq = :seq, #hash = :hash, #at = :at',
        ConditionExpression: first ? 'attribute_not_exists(pk)' : '#seq = :previous',
        ExpressionAttributeNames: { '#entity': 'entity', '#seq': 'seq', '#hash': 'hash', '#at': 'at' },
        ExpressionAttributeValues: {
          ':entity': 'log-head',
          ':seq': entry.seq,
          ':hash': entry.hash,
          ':at': entry.at,
          ...(first ? {} : { ':previous': entry.seq - 1 }),
        },
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: { ...keys.logEntry(entry.seq), entity: 'log-entry', ...entry },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
}

export class DynamoPublicLog implements PublicLog {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async head(): Promise<LogHead> {
    const result = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.logHead, ConsistentRead: true }),
    );
    if (!result.Item) return emptyLog;
    const { seq, hash, at } = result.Item as LogHead;
    return { seq, hash, ...(at ? { at } : {}) };
  }

  async entries(after: number, limit: number): Promise<{ items: LogEntry[]; nextAfter: number | null }> {
    // One more than asked for says whether anything follows this page.
    const result = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :last',
        ExpressionAttributeValues: {
          ':pk': keys.logHead.pk,
          ':from': keys.logEntry(after + 1).sk,
          ':last': keys.logEntry(Number.MAX_SAFE_INTEGER).sk,
        },
        Limit: limit + 1,
      }),
    );
    const items = (result.Items ?? []).map((item) => withoutStorage<LogEntry>(item));
    const page = items.slice(0, limit);
    return { items: page, nextAfter: items.length > limit ? (page.at(-1)?.seq ?? null) : null };
  }
}
