import type { Correction } from '../domain/correction.ts';
import type { Page } from './page.ts';

/** Reading one correction. */
export interface CorrectionStore {
  get(id: string): Promise<Correction | undefined>;
}

/** The corrections as lists show them: a page of them, the latest, how many changed lately. */
export interface CorrectionLists {
  /** Newest first publication first; optionally one topic's. */
  list(query: { topic?: string; limit: number; cursor?: string }): Promise<Page<Correction>>;
  /** The most recently published or amended, newest first (for feeds). */
  latest(limit: number): Promise<Correction[]>;
  /** How many corrections were published or amended at or after `since`. */
  countUpdatedSince(since: string): Promise<number>;
}
