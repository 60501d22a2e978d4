import type { Announcement, AnnouncementRef } from '../domain/announcement.ts';
import type { HistoryEntry } from '../domain/case.ts';

export interface AnnouncementStore {
  get(ref: AnnouncementRef): Promise<Announcement | undefined>;
  /** pending → done; false if it was done already (another announcer got there first). */
  markDone(ref: AnnouncementRef, now: string): Promise<boolean>;
  /** Pending announcements created before `before`, oldest first, at most `limit`. */
  pendingBefore(before: string, limit: number): Promise<AnnouncementRef[]>;
  /** The versions first announced (published) in [start, end), oldest first: a few Queries per day. */
  publishedBetween(start: string, end: string): Promise<AnnouncementRef[]>;
  /** A re-announcement with its entry in the case's history, in one transaction. */
  reannounce(
    announcement: Announcement,
    history: { caseVersion: number; entry: HistoryEntry },
  ): Promise<void>;
}
