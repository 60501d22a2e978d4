/** Raising a case's severity when its report count calls for it, whoever added the reports. */
import { escalate } from '../domain/intake.ts';
import type { SeverityPolicy } from '../domain/severity.ts';
import type { CaseEscalations, CaseStore } from '../ports/case-store.ts';
import type { Clock } from '../ports/clock.ts';

export interface EscalationDeps {
  cases: CaseStore;
  escalations: CaseEscalations;
  clock: Clock;
  policy: SeverityPolicy;
}

/**
 * Checks the stored case against the policy and escalates it, retrying while other writers move it
 * on. Every joiner runs this, so an escalation missed by one is made by the next.
 */
export async function escalateIfDue(deps: EscalationDeps, caseId: string): Promise<void> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const current = await deps.cases.get(caseId);
    if (!current) return;
    const decision = escalate(current, deps.clock.now(), deps.policy);
    if (!decision) return;
    if (await deps.escalations.saveUnversioned(decision, current)) return;
  }
}
