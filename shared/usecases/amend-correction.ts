/**
 * amendCorrection: an editor opens a case to change a published correction. It starts in drafting
 * with the current wording; once approved, the publisher adds the next version.
 */
import type { Case } from '../domain/case.ts';
import { NotFound } from '../domain/errors.ts';
import { openAmendment } from '../domain/intake.ts';
import { type Actor, requireCapability } from '../domain/roles.ts';
import type { SeverityPolicy } from '../domain/severity.ts';
import type { CaseDecisions } from '../ports/case-store.ts';
import type { Clock } from '../ports/clock.ts';
import type { CorrectionStore } from '../ports/correction-store.ts';
import type { TopicStore } from '../ports/topic-store.ts';
import { randomId } from '../security/tokens.ts';

export interface AmendDeps {
  caseDecisions: CaseDecisions;
  corrections: CorrectionStore;
  topics: TopicStore;
  clock: Clock;
  policy: SeverityPolicy;
}

export async function amendCorrection(
  deps: AmendDeps,
  actor: Actor,
  correctionId: string,
  note: string,
): Promise<Case> {
  requireCapability(actor, 'amend');
  const correction = await deps.corrections.get(correctionId);
  if (!correction) throw new NotFound(`No correction ${correctionId}.`);
  const severity = (await deps.topics.get(correction.topic))?.defaultSeverity ?? 'normal';
  const decision = openAmendment(
    randomId(12),
    correction,
    note,
    severity,
    actor.id,
    deps.clock.now(),
    deps.policy,
  );
  await deps.caseDecisions.create(decision);
  return decision.next;
}
