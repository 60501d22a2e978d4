/** The people (recipient hashes) marked as reporters of a case: who is told by the reply, not as a follower. */
export interface Reporters {
  /** The first `limit` reporters of the case, in one read; `more` if others are. */
  hashes(caseId: string, limit: number): Promise<{ hashes: string[]; more: boolean }>;
  /** Which of these people reported to the case. */
  among(caseId: string, recipientHashes: string[]): Promise<Set<string>>;
}
