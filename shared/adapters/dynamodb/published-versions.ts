/** The versions published in a period, through the announcements' gsi2 (see announcement-store.ts). */
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AnnouncementRef } from '../../domain/announcement.ts';
import type { PublishedVersions } from '../../ports/announcement-store.ts';
import { publishedPartition } from './announcement-store.ts';
import * as keys from './item-keys.ts';

export class DynamoPublishedVersions implements PublishedVersions {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async between(start: string, end: string): Promise<AnnouncementRef[]> {
    const days: string[] = [];
    for (let day = start.slice(0, 10); day <= end.slice(0, 10); day = nextDay(day)) days.push(day);
    const found = await Promise.all(
      days.map(async (day) => {
        const refs: AnnouncementRef[] = [];
        let after: Record<string, unknown> | undefined;
        do {
          const result = await this.doc.send(
            new QueryCommand({
              TableName: this.tableName,
              IndexName: 'gsi2',
              KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk BETWEEN :start AND :end',
              ExpressionAttributeValues: { ':pk': publishedPartition(day), ':start': start, ':end': end },
              ...(after ? { ExclusiveStartKey: after } : {}),
            }),
          );
          // Keys only (the table's own key names the announcement), whatever the index projects.
          for (const item of result.Items ?? []) {
            const ref = keys.announcementRef(String(item.pk));
            // BETWEEN includes `end`'s own instant as a prefix: the period is [start, end).
            if (ref && String(item.gsi2sk) < end) refs.push(ref);
          }
          after = result.LastEvaluatedKey;
        } while (after);
        return refs;
      }),
    );
    return found.flat();
  }
}

const nextDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
