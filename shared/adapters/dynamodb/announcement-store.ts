/**
 * Announcements in the single table. Pending ones carry gsi1 keys (a sparse index: only pending
 * announcements are in it), so the sweeper finds the stuck ones with one Query however many were
 * ever made; marking one done removes it from the index.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Announcement, AnnouncementRef } from '../../domain/announcement.ts';
import type { AnnouncementStore } from '../../ports/announcement-store.ts';
import * as keys from './item-keys.ts';
import { withoutStorage } from './keys.ts';
import type { TransactItem } from './transact.ts';

const pendingPartition = 'ANNOUNCEMENTS#PENDING';

/**
 * gsi2 of a publication's announcement (round 0; re-announcements are no new version): the versions
 * published on one UTC day, by time. A period of the desk's calendar is a few of these partitions.
 */
export const publishedPartition = (day: string): string => `VERSIONS#PUBLISHED#${day}`;
const publishedIndexKeys = (a: Announcement): Record<string, string> =>
  a.round === 0
    ? {
        gsi2pk: publishedPartition(a.publishedAt.slice(0, 10)),
        gsi2sk: `${a.publishedAt}#${a.correctionId}#${a.version}`,
      }
    : {};

/** The Put of a new, pending announcement: part of the publication's transaction, or a re-announcement's. */
export function announcementPut(tableName: string, announcement: Announcement): TransactItem {
  const key = keys.announcement(announcement);
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...key,
        entity: 'announcement',
        ...announcement,
        gsi1pk: pendingPartition,
        gsi1sk: `${announcement.createdAt}#${key.pk}`,
        ...publishedIndexKeys(announcement),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export class DynamoAnnouncementStore implements AnnouncementStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(ref: AnnouncementRef): Promise<Announcement | undefined> {
    const result = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.announcement(ref), ConsistentRead: true }),
    );
    return result.Item ? withoutStorage<Announcement>(result.Item) : undefined;
  }

  async markDone(ref: AnnouncementRef, now: string): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.announcement(ref),
          UpdateExpression: 'SET #status = :done, announcedAt = :now REMOVE gsi1pk, gsi1sk',
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':done': 'done', ':pending': 'pending', ':now': now },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async pendingBefore(before: string, limit: number): Promise<AnnouncementRef[]> {
    const result = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :before',
        ExpressionAttributeValues: { ':pk': pendingPartition, ':before': before },
        Limit: limit,
      }),
    );
    // The table's own key names the announcement, whatever the index projects.
    return (result.Items ?? []).flatMap((item) => {
      const ref = keys.announcementRef(String(item.pk));
      return ref ? [ref] : [];
    });
  }
}
