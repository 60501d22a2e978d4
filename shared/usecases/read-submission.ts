/** What a reporter may see of their report, given its id and their tracking token. */
import { NotFound } from '../domain/errors.ts';
import { type PublicStatus, publicStatus } from '../domain/submission.ts';
import type { CaseStore } from '../ports/case-store.ts';
import type { SubmissionStore } from '../ports/submission-store.ts';
import { tokenMatches } from '../security/tokens.ts';

export interface SubmissionStatus {
  submissionId: string;
  status: PublicStatus;
  correctionId?: string;
  updatedAt: string;
}

/** Unknown id and wrong token answer alike, so neither can be probed. */
const unknown = () => new NotFound('No such submission, or the token does not match.');

export async function readSubmission(
  deps: { submissions: SubmissionStore; cases: CaseStore },
  id: string,
  token: string,
): Promise<SubmissionStatus> {
  const submission = await deps.submissions.get(id);
  if (!submission || !tokenMatches(token, submission.trackingTokenHash)) throw unknown();
  let current = await deps.cases.get(submission.caseId);
  // A merge relinks submissions after closing the duplicate; follow it if the relink has not landed yet.
  for (
    let hops = 0;
    current?.resolution?.kind === 'duplicate' && current.resolution.duplicateOf && hops < 5;
    hops++
  ) {
    current = await deps.cases.get(current.resolution.duplicateOf);
  }
  if (!current) throw unknown();
  return {
    submissionId: submission.id,
    status: publicStatus(current),
    ...(current.status === 'published' && current.correctionId ? { correctionId: current.correctionId } : {}),
    updatedAt: current.updatedAt,
  };
}
