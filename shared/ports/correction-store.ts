import type { Case } from '../domain/case.ts';
import type { Correction } from '../domain/correction.ts';
import type { Decision } from '../domain/lifecycle.ts';
import type { Page } from './page.ts';

export interface CorrectionStore {
  get(id: string): Promise<Correction | undefined>;
  /** Newest first publication first; optionally one topic's. */
  list(query: { topic?: string; limit: number; cursor?: string }): Promise<Page<Correction>>;
  /** The most recently published or amended, newest first (for feeds). */
  latest(limit: number): Promise<Correction[]>;
  /** How many corrections were published or amended at or after `since`. */
  countUpdatedSince(since: string): Promise<number>;
  /**
   * Writes the correction (new, or its next version if the stored one is still at version - 1) and
   * the case's move from `approved` to published, in one transaction. False if the case had moved on
   * (published already); throws if the correction had moved on (retry on top of it).
   */
  publish(correction: Correction, publication: Decision, approved: Case): Promise<boolean>;
}
