import type { Announcement } from '../domain/announcement.ts';
import type { Case } from '../domain/case.ts';
import type { Correction } from '../domain/correction.ts';
import type { Decision } from '../domain/lifecycle.ts';
import type { LogEntry } from '../domain/public-log.ts';
import type { FirstPublication } from '../domain/time-to-correction.ts';

/** Publishing a correction: the one write that makes an approved case public. */
export interface Publications {
  /**
   * Writes the correction (new, or its next version if the stored one is still at version - 1), the
   * case's move from `approved` to published, the version's public log entry, (first publication) its
   * time to correction, its announcement and (when it names a page) the page's notice of it, in one
   * transaction.
   * False if the case had moved on (published already); throws LogMovedOn if the log's head is no
   * longer the one the entry follows (build the entry again), and throws if the correction had moved
   * on (retry on top of it).
   */
  publish(publication: Publication): Promise<boolean>;
}

/** Everything one publication writes at once. */
export interface Publication {
  correction: Correction;
  /** The case's move to published, decided on `approved`. */
  decision: Decision;
  approved: Case;
  logEntry: LogEntry;
  /** On a correction's first publication: its time to correction, for the public figures. */
  firstPublication?: FirstPublication;
  /** The outbox entry: the version's announcement, delivered from the table's stream. */
  announcement: Announcement;
}
