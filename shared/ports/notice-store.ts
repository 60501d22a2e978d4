import type { Correction } from '../domain/correction.ts';
import type { Notice } from '../domain/notice.ts';

/** What filing a correction's notice did: written, already there at that version or later, or no page. */
export type FiledNotice = 'filed' | 'current' | 'no-page';

/** The per-page index of published corrections, kept by the publishing transaction. */
export interface NoticeStore {
  /** The newest `limit` notices of a page (by its pageTarget), newest first publication first. */
  forPage(target: string, limit: number): Promise<Notice[]>;
  /**
   * Files a correction as it now stands under its page, unless that page already holds it at this
   * version or a later one (corrections published before the index existed: scripts/backfill-notices.ts).
   */
  file(correction: Correction): Promise<FiledNotice>;
}
