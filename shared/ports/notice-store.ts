import type { Notice } from '../domain/notice.ts';

/** The per-page index of published corrections, kept by the publishing transaction. */
export interface NoticeStore {
  /** The newest `limit` notices of a page (by its pageTarget), newest first publication first. */
  forPage(target: string, limit: number): Promise<Notice[]>;
}
