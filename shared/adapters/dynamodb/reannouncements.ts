/** A re-announcement: a new round of the version's announcement, with its entry in the case's history. */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Announcement } from '../../domain/announcement.ts';
import type { HistoryEntry } from '../../domain/case.ts';
import type { Reannouncements } from '../../ports/announcement-store.ts';
import { announcementPut } from './announcement-store.ts';
import { historyItem } from './case-store.ts';
import { transact } from './transact.ts';

export class DynamoReannouncements implements Reannouncements {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async reannounce(
    announcement: Announcement,
    history: { caseVersion: number; entry: HistoryEntry },
  ): Promise<void> {
    await transact(this.doc, [
      announcementPut(this.tableName, announcement),
      historyItem(this.tableName, announcement.caseId, history.caseVersion, history.entry),
    ]);
  }
}
