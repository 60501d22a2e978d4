import type { Case, CaseStatus } from '../domain/case.ts';
import type { Page } from './page.ts';

export interface CaseQuery {
  /** Absent: every open case (received to approved), soonest due first. */
  status?: CaseStatus;
  topic?: string;
  assignee?: string;
  limit: number;
  cursor?: string;
}

/** The editors' queue of cases, and the figures over many cases (for the digest). */
export interface CaseQueue {
  /** How many cases are in a status (for the digest; proportional to that count, not the table). */
  countInStatus(status: CaseStatus): Promise<number>;
  /** Cases in an open status whose deadline passed before `now`, soonest due first. */
  overdue(status: CaseStatus, now: string, limit: number): Promise<Case[]>;
  /** How many cases were opened at or after `since`. */
  countOpenedSince(since: string, now: string): Promise<number>;
  /** A page of the queue; throws InvalidInput for a cursor this store did not issue for this query. */
  list(query: CaseQuery): Promise<Page<Case>>;
}
