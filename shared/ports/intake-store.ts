import type { Decision } from '../domain/lifecycle.ts';
import type { Submission } from '../domain/submission.ts';
import type { IdempotentWrite } from './idempotency-store.ts';

/** Which case a page's reports currently go to. */
export interface UrlClaim {
  urlKey: string;
  caseId: string;
}

/** Taking in a report: the case it opens or joins, and the URL claims that gather reports into one case. */
export interface IntakeStore {
  findClaim(urlKey: string): Promise<UrlClaim | undefined>;
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
  /** Points the claim of `urlKey` at `caseId` if it still points at `from`. */
  moveClaim(urlKey: string, from: string, to: string): Promise<void>;
}

export class ClaimChanged extends Error {}
export class CaseNotOpen extends Error {}
