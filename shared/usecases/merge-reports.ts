/**
 * A merge's relinking, as a continuation: the merged duplicate's reports (and their reporters' marks)
 * move to the case that absorbed it, a few pages a step. The merge itself (the duplicate closed, the
 * target's report count, the page claim) is one bounded write in the editor's request; the stream
 * record of the closed duplicate starts this.
 */
import type { CaseSubmissions, SubmissionUpkeep } from '../ports/submission-store.ts';
import type { ContinuationKind } from './continuation.ts';

/** Pages of up to 100 submissions per step: each moves with two or three writes. */
const pagesPerStep = 5;

export const relinkMergedReports: ContinuationKind<{
  caseSubmissions: CaseSubmissions;
  submissionUpkeep: SubmissionUpkeep;
}> = async (deps, input) => {
  const into = input.params.into;
  if (!into) throw new Error(`Merge of ${input.target} names no case it went into`);
  let cursor = input.cursor;
  let handled = 0;
  for (let page = 0; page < pagesPerStep; page++) {
    // Moved submissions leave the duplicate's index partition; the cursor goes on after the last taken.
    const submissions = await deps.caseSubmissions.page(input.target, cursor);
    await deps.submissionUpkeep.relink(submissions.items, input.target, into);
    handled += submissions.items.length;
    cursor = submissions.nextCursor ?? undefined;
    if (!cursor) return { handled };
  }
  return { next: cursor, handled };
};
