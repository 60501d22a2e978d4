import type { Decision } from '../domain/lifecycle.ts';
import type { Submission } from '../domain/submission.ts';
import type { IdempotentWrite } from './idempotency-store.ts';

/** Taking in a report: the case it opens or joins (and, opening one, the page's URL claim). */
export interface IntakeStore {
  /**
   * Opens a case for a report: the case, its history entry, the submission, the URL claim (new, or
   * taken over from `claim.replacing`) and the idempotency record, all or nothing.
   * Throws ClaimChanged when someone else claimed the URL first, IdempotencyRecordExists on a replay.
   */
  openWithReport(input: {
    decision: Decision;
    submission: Submission;
    claim?: { urlKey: string; url: string; replacing?: string };
    idempotency?: IdempotentWrite;
  }): Promise<void>;
  /**
   * Adds a report to an open case: reportCount + 1 (version unchanged) and the submission, at once.
   * Throws CaseNotOpen if the case no longer takes reports, IdempotencyRecordExists on a replay.
   */
  joinWithReport(input: {
    caseId: string;
    submission: Submission;
    idempotency?: IdempotentWrite;
  }): Promise<void>;
}

export class ClaimChanged extends Error {}
export class CaseNotOpen extends Error {}
