import type { Announcement, AnnouncementRef } from '../domain/announcement.ts';
import type { HistoryEntry } from '../domain/case.ts';

/** The outbox of announcements: each read, marked done once, and the stuck ones found. */
export interface AnnouncementStore {
  get(ref: AnnouncementRef): Promise<Announcement | undefined>;
  /** pending → done; false if it was done already (another announcer got there first). */
  markDone(ref: AnnouncementRef, now: string): Promise<boolean>;
  /** Pending announcements created before `before`, oldest first, at most `limit`. */
  pendingBefore(before: string, limit: number): Promise<AnnouncementRef[]>;
}

/** The versions published in a period (the digests' and the period pages' corrections). */
export interface PublishedVersions {
  /** The versions first announced (published) in [start, end), oldest first: a few Queries per day. */
  between(start: string, end: string): Promise<AnnouncementRef[]>;
}

/** An editor's re-announcement of a published version. */
export interface Reannouncements {
  /** A re-announcement with its entry in the case's history, in one transaction. */
  reannounce(
    announcement: Announcement,
    history: { caseVersion: number; entry: HistoryEntry },
  ): Promise<void>;
}
