import type { Decision } from '../domain/lifecycle.ts';
import type { Submission } from '../domain/submission.ts';
import type { IdempotentWrite } from './idempotency-store.ts';
import type { Page } from './page.ts';

/** Which case a page's reports currently go to. */
export interface UrlClaim {
  urlKey: string;
  caseId: string;
}

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
  getSubmission(id: string): Promise<Submission | undefined>;
  submissionsOf(caseId: string, cursor?: string): Promise<Page<Submission>>;
  /**
   * Gives the contacts of a page of the case's reports (100) their expiry (TTL at `expiresAt`),
   * keeping an earlier one: `nextCursor` to go on, null after the last page.
   */
  expireContacts(
    caseId: string,
    expiresAt: string,
    cursor?: string,
  ): Promise<{ expired: number; nextCursor: string | null }>;
  /** The first `limit` people (recipient hashes) marked as reporters of the case, in one read; `more` if others are. */
  reporterHashes(caseId: string, limit: number): Promise<{ hashes: string[]; more: boolean }>;
  /** Which of these people (recipient hashes) reported to the case. */
  reportersAmong(caseId: string, recipientHashes: string[]): Promise<Set<string>>;
  /**
   * Moves these submissions of a merged duplicate (and their reporter marks) to the case that absorbed
   * it; one already moved is left as it is. The relinking continuation (usecases/merge-reports.ts)
   * walks the duplicate's submissions a few pages a step.
   */
  relinkSubmissions(submissions: Submission[], from: string, to: string): Promise<void>;
}

export class ClaimChanged extends Error {}
export class CaseNotOpen extends Error {}
