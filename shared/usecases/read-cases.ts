/** The editors' reads: one case with its history, and the queue. */
import type { Case, HistoryEntry } from '../domain/case.ts';
import { NotFound } from '../domain/errors.ts';
import { type Actor, requireCapability } from '../domain/roles.ts';
import type { CaseQuery, CaseQueue } from '../ports/case-queue.ts';
import type { CaseStore } from '../ports/case-store.ts';
import type { Page } from '../ports/page.ts';

export async function readCase(
  cases: CaseStore,
  actor: Actor,
  id: string,
): Promise<Case & { history: HistoryEntry[] }> {
  requireCapability(actor, 'read');
  const found = await cases.getWithHistory(id);
  if (!found) throw new NotFound(`No case ${id}.`);
  return { ...found.case, history: found.history };
}

export async function listCases(queue: CaseQueue, actor: Actor, query: CaseQuery): Promise<Page<Case>> {
  requireCapability(actor, 'read');
  return queue.list(query);
}
