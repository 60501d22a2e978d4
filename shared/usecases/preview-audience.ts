/** What publishing a case would reach now, before anyone approves it: counts only, never addresses. */
import { correctionIdLength } from '../domain/correction.ts';
import { NotFound } from '../domain/errors.ts';
import { type Actor, requireCapability } from '../domain/roles.ts';
import { smsSegments } from '../domain/sms.ts';
import type { CaseStore } from '../ports/case-store.ts';
import { correctionSms } from '../presentation/messages.ts';
import { type AudienceCount, type AudienceDeps, countAudience } from './audience.ts';
import type { Links } from './links.ts';

export interface AudiencePreview extends AudienceCount {
  /** Segments of the SMS that would be sent (present once the case has a draft). */
  smsSegments?: number;
}

/** Correction ids are random: until publication, the SMS is measured with the longest possible one. */
const placeholderId = 'x'.repeat(correctionIdLength);

export async function previewAudience(
  deps: AudienceDeps & { cases: CaseStore; links: Links },
  actor: Actor,
  caseId: string,
): Promise<AudiencePreview> {
  requireCapability(actor, 'read');
  const found = await deps.cases.get(caseId);
  if (!found) throw new NotFound(`No case ${caseId}.`);
  const count = await countAudience(deps, { caseId: found.id, topic: found.topic });
  if (!found.draft) return count;
  const sms = correctionSms(
    { ...found.draft, version: found.amends ? 2 : 1 },
    found.language,
    deps.links.permalink(found.amends ?? placeholderId),
  );
  return { ...count, smsSegments: smsSegments(sms) };
}
