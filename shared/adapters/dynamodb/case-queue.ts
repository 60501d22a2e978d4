/** The editors' queue of cases and the figures over many cases, through the case indexes. */
import { BatchGetCommand, type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type Case, type CaseStatus, openStatuses } from '../../domain/case.ts';
import type { CaseQuery, CaseQueue } from '../../ports/case-queue.ts';
import type { Page } from '../../ports/page.ts';
import { counted, countQuery } from './case-store.ts';
import * as keys from './item-keys.ts';
import { type Cursors, mergedPage, type Partition } from './paging.ts';

/** The queue without a status filter: everything still in flight. */
const inFlight: CaseStatus[] = [...openStatuses, 'approved'];

const partition = (index: string, pkValue: string, ascending: boolean): Partition => ({
  index,
  pkName: `${index}pk`,
  pkValue,
  skName: `${index}sk`,
  ascending,
});

export class DynamoCaseQueue implements CaseQueue {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly cursors: Cursors,
  ) {}

  async countInStatus(status: CaseStatus): Promise<number> {
    return countQuery(this.doc, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `CASES#STATUS#${status}` },
    });
  }

  async overdue(status: CaseStatus, now: string, limit: number): Promise<Case[]> {
    const result = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :now',
        ExpressionAttributeValues: { ':pk': `CASES#STATUS#${status}`, ':now': now },
        Limit: limit,
      }),
    );
    return this.whole(result.Items ?? []);
  }

  async countOpenedSince(since: string, now: string): Promise<number> {
    // Cases are indexed per opening day: ask each day from `since` to `now`.
    const days: string[] = [];
    for (let day = Date.parse(since.slice(0, 10)); day <= Date.parse(now); day += 86_400_000) {
      days.push(new Date(day).toISOString().slice(0, 10));
    }
    const counts = await Promise.all(
      days.map((day) =>
        countQuery(this.doc, {
          TableName: this.tableName,
          IndexName: 'gsi5',
          KeyConditionExpression: 'gsi5pk = :pk AND gsi5sk >= :since',
          ExpressionAttributeValues: { ':pk': `CASES#OPENED#${day}`, ':since': since },
        }),
      ),
    );
    return counts.reduce((sum, count) => sum + count, 0);
  }

  async list(query: CaseQuery): Promise<Page<Case>> {
    const statuses = query.status ? [query.status] : inFlight;
    const partitions: Partition[] = statuses.map((status) => {
      const ascending = status !== 'published' && status !== 'closed';
      if (query.topic && query.assignee) {
        return partition(
          'gsi4',
          `CASES#TOPIC#${query.topic}#ASSIGNEE#${query.assignee}#STATUS#${status}`,
          ascending,
        );
      }
      if (query.assignee)
        return partition('gsi3', `CASES#ASSIGNEE#${query.assignee}#STATUS#${status}`, ascending);
      if (query.topic) return partition('gsi2', `CASES#TOPIC#${query.topic}#STATUS#${status}`, ascending);
      return partition('gsi1', `CASES#STATUS#${status}`, ascending);
    });
    const fingerprint = JSON.stringify([
      'cases',
      query.status ?? '',
      query.topic ?? '',
      query.assignee ?? '',
    ]);
    const page = await mergedPage(this.doc, this.tableName, partitions, {
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
      query: fingerprint,
      cursors: this.cursors,
    });
    return { items: await this.whole(page.items), nextCursor: page.nextCursor };
  }

  /**
   * The cases an index found, read whole from the table with their report counts in one BatchGet
   * per 20 cases: the case indexes project keys only, and the counts live beside the cases.
   */
  private async whole(found: ReadonlyArray<Record<string, unknown>>): Promise<Case[]> {
    const ids = found.map((item) => String(item.pk).slice('CASE#'.length));
    const wanted = ids.flatMap((id) => [
      keys.case(id),
      ...Array.from({ length: keys.reportShards }, (_, shard) => keys.reportShard(id, shard)),
    ]);
    const perRequest = 100;
    const items: Record<string, unknown>[] = [];
    await Promise.all(
      Array.from({ length: Math.ceil(wanted.length / perRequest) }, async (_, i) => {
        let requested: Record<string, unknown>[] = wanted.slice(i * perRequest, (i + 1) * perRequest);
        while (requested.length > 0) {
          const result = await this.doc.send(
            new BatchGetCommand({
              RequestItems: { [this.tableName]: { Keys: requested, ConsistentRead: true } },
            }),
          );
          items.push(...(result.Responses?.[this.tableName] ?? []));
          requested =
            (result.UnprocessedKeys?.[this.tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
        }
      }),
    );
    const byCase = new Map<string, Record<string, unknown>[]>();
    for (const item of items) byCase.set(String(item.pk), [...(byCase.get(String(item.pk)) ?? []), item]);
    return ids.flatMap((id) => {
      const beside = byCase.get(keys.case(id).pk) ?? [];
      const item = beside.find((candidate) => candidate.sk === keys.case(id).sk);
      return item ? [counted(item, beside)] : [];
    });
  }
}
