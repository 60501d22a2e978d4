/** openCase: monitors and staff open a case from what they saw (any editor group may). */
import type { Case, Language, Severity } from '../domain/case.ts';
import { InvalidInput } from '../domain/errors.ts';
import { openCase as open } from '../domain/intake.ts';
import { type Actor, requireCapability } from '../domain/roles.ts';
import type { SeverityPolicy } from '../domain/severity.ts';
import type { CaseDecisions } from '../ports/case-store.ts';
import type { Clock } from '../ports/clock.ts';
import type { IdempotencyStore } from '../ports/idempotency-store.ts';
import type { TopicStore } from '../ports/topic-store.ts';
import { randomId } from '../security/tokens.ts';
import { idempotent } from './idempotent.ts';

export interface StaffCaseInput {
  text: string;
  url?: string;
  topic: string;
  severity?: Severity;
  source: 'monitoring' | 'staff';
  evidence?: string[];
  language?: Language;
}

export interface OpenCaseDeps {
  caseDecisions: CaseDecisions;
  topics: TopicStore;
  idempotency: IdempotencyStore;
  clock: Clock;
  policy: SeverityPolicy;
}

export async function openStaffCase(
  deps: OpenCaseDeps,
  actor: Actor,
  input: StaffCaseInput,
  idempotencyKey?: string,
): Promise<Case> {
  requireCapability(actor, 'open');
  const topic = await deps.topics.get(input.topic);
  if (!topic) throw new InvalidInput([{ path: 'topic', message: `unknown topic "${input.topic}"` }]);
  return idempotent(
    deps.idempotency,
    // Keys are the client's own: two editors' keys never collide.
    { scope: `case:${actor.id}`, ...(idempotencyKey ? { key: idempotencyKey } : {}), request: input },
    async (record) => {
      const decision = open(
        {
          id: randomId(12),
          topic: topic.key,
          text: input.text,
          ...(input.url ? { url: input.url } : {}),
          ...(input.evidence?.length ? { evidence: input.evidence } : {}),
          language: input.language ?? 'zh-CN',
          source: input.source,
          severity: input.severity ?? topic.defaultSeverity,
        },
        actor.id,
        deps.clock.now(),
        deps.policy,
      );
      await deps.caseDecisions.create(decision, record({ case: decision.next }));
      return decision.next;
    },
    (response) => response.case as Case,
  );
}
