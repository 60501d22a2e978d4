import type { Case, HistoryEntry } from '../domain/case.ts';
import type { Decision } from '../domain/lifecycle.ts';
import type { IdempotentWrite } from './idempotency-store.ts';

/** Reading one case. */
export interface CaseStore {
  get(id: string): Promise<Case | undefined>;
  /** The case and its history, oldest entry first. */
  getWithHistory(id: string): Promise<{ case: Case; history: HistoryEntry[] } | undefined>;
}

/** The editors' decisions on cases: a case opened, a case moved on (a new version), two merged. */
export interface CaseDecisions {
  /** Writes a new case and its first history entry (and the idempotency record, if any) at once. */
  create(decision: Decision, idempotency?: IdempotentWrite): Promise<void>;
  /**
   * Writes the case and its history entry in one transaction, if the stored case is still `before`
   * (its version, and no escalation since). Throws VersionMismatch (with the current version),
   * NotFound, or CaseMovedOn when only an unversioned change intervened (decide again).
   */
  save(decision: Decision, before: Case): Promise<void>;
  /**
   * Closes the duplicate (versioned, as `save`) and adds its reports to the target (unversioned),
   * atomically; throws as `save` for the duplicate, or ActionNotAllowed if the target is no longer open.
   */
  merge(duplicate: Decision, duplicateBefore: Case, target: Decision, targetBefore: Case): Promise<void>;
}

/** A case's severity raised as its reports call for it, whoever added them. */
export interface CaseEscalations {
  /**
   * A change that leaves the version alone (escalation): written only while the case still has
   * `expected`'s severity and report count is at least the decision's. False if it moved on meanwhile.
   */
  saveUnversioned(decision: Decision, expected: Case): Promise<boolean>;
}

/** Another writer changed the case without changing its version (an escalation): decide again. */
export class CaseMovedOn extends Error {}
