import type { Submission } from '../domain/submission.ts';
import type { Page } from './page.ts';

/** Reading one report (for its reply, for its reporter's status). */
export interface SubmissionStore {
  /** The report with its contact, unless the contact has expired. */
  get(id: string): Promise<Submission | undefined>;
}

/** A case's reports, for whoever walks them all (its audience, its closing replies, a merge). */
export interface CaseSubmissions {
  /** A page of the case's reports (100), oldest first, with their contacts. */
  page(caseId: string, cursor?: string): Promise<Page<Submission>>;
}

/** What later happens to a case's reports: their contacts expire when it ends, a merge moves them. */
export interface SubmissionUpkeep {
  /**
   * Gives the contacts of a page of the case's reports (100) their expiry (TTL at `expiresAt`),
   * keeping an earlier one: `nextCursor` to go on, null after the last page.
   */
  expireContacts(
    caseId: string,
    expiresAt: string,
    cursor?: string,
  ): Promise<{ expired: number; nextCursor: string | null }>;
  /**
   * Moves these submissions of a merged duplicate (and their reporter marks) to the case that absorbed
   * it; one already moved is left as it is. The relinking continuation (usecases/merge-reports.ts)
   * walks the duplicate's submissions a few pages a step.
   */
  relink(submissions: Submission[], from: string, to: string): Promise<void>;
}
