/**
 * Every editorial action on an existing case (assign, review, draft, submit, request-changes,
 * approve, close, update): checked against the version the editor saw, decided by the state
 * machine, written with its history entry in one transaction.
 */
import type { Case } from '../domain/case.ts';
import { InvalidInput, NotFound, VersionMismatch } from '../domain/errors.ts';
import { absorbDuplicate } from '../domain/intake.ts';
import { type CaseCommand, decide, requireAction } from '../domain/lifecycle.ts';
import type { Actor } from '../domain/roles.ts';
import type { SeverityPolicy } from '../domain/severity.ts';
import { normalizeUrl } from '../domain/url.ts';
import {
  type CaseDecisions,
  type CaseEscalations,
  CaseMovedOn,
  type CaseStore,
} from '../ports/case-store.ts';
import type { Clock } from '../ports/clock.ts';
import type { TopicStore } from '../ports/topic-store.ts';
import type { UrlClaims } from '../ports/url-claims.ts';
import { escalateIfDue } from './escalation.ts';

export interface ActOnCaseDeps {
  cases: CaseStore;
  caseDecisions: CaseDecisions;
  escalations: CaseEscalations;
  claims: UrlClaims;
  topics: TopicStore;
  clock: Clock;
  policy: SeverityPolicy;
}

export type EditorialCommand = Exclude<CaseCommand, { action: 'publish' }>;

export async function actOnCase(
  deps: ActOnCaseDeps,
  request: { caseId: string; expectedVersion: number; actor: Actor; command: EditorialCommand },
): Promise<Case> {
  const { caseId, expectedVersion, actor, command } = request;
  requireAction(actor, command.action);
  if (command.action === 'update' && command.topic !== undefined && !(await deps.topics.get(command.topic))) {
    throw new InvalidInput([{ path: 'topic', message: `unknown topic "${command.topic}"` }]);
  }
  // Escalations change a case without a new version; when one lands between read and write, decide again.
  for (let attempt = 0; ; attempt++) {
    const current = await deps.cases.get(caseId);
    if (!current) throw new NotFound(`No case ${caseId}.`);
    if (current.version !== expectedVersion) throw new VersionMismatch(expectedVersion, current.version);
    const ctx = { now: deps.clock.now(), policy: deps.policy };
    const decision = decide(current, command, actor, ctx);
    try {
      if (command.action === 'review' && command.verdict === 'duplicate') {
        await mergeInto(deps, current, decision, command.duplicateOf, actor, ctx.now);
      } else {
        await deps.caseDecisions.save(decision, current);
      }
      return decision.next;
    } catch (error) {
      if (!(error instanceof CaseMovedOn) || attempt >= 5) throw error;
    }
  }
}

async function mergeInto(
  deps: ActOnCaseDeps,
  duplicate: Case,
  closing: ReturnType<typeof decide>,
  targetId: string | undefined,
  actor: Actor,
  now: string,
): Promise<void> {
  const target = targetId ? await deps.cases.get(targetId) : undefined;
  if (!target) throw new InvalidInput([{ path: 'duplicateOf', message: `no case "${targetId ?? ''}"` }]);
  const absorbing = absorbDuplicate(target, duplicate, actor.id, now);
  // The reports are counted on the target at once; moving them (however many) is a continuation
  // that the closed duplicate's stream record starts (usecases/merge-reports.ts).
  await deps.caseDecisions.merge(closing, duplicate, absorbing, target);
  if (duplicate.url) await deps.claims.move(normalizeUrl(duplicate.url), duplicate.id, target.id);
  await escalateIfDue(deps, target.id);
}
