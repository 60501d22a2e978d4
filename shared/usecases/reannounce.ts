/**
 * reannounce: an editor sends the latest version of a correction again, after an outage, to whoever
 * in its audience has no sent delivery of it. It writes a new round of the version's announcement
 * with an entry in the case's history; delivery then plans the audience again, and every Delivery
 * already sent absorbs its job (parked ones get another chance). Repeating it sends nothing twice.
 */
import { announcementOf } from '../domain/announcement.ts';
import { NotFound } from '../domain/errors.ts';
import { type Actor, requireCapability } from '../domain/roles.ts';
import type { Reannouncements } from '../ports/announcement-store.ts';
import type { CaseStore } from '../ports/case-store.ts';
import type { Clock } from '../ports/clock.ts';
import type { CorrectionStore } from '../ports/correction-store.ts';

export interface ReannounceDeps {
  corrections: CorrectionStore;
  cases: CaseStore;
  reannouncements: Reannouncements;
  clock: Clock;
}

export async function reannounce(
  deps: ReannounceDeps,
  actor: Actor,
  correctionId: string,
): Promise<{ correctionId: string; version: number }> {
  requireCapability(actor, 'announce');
  const correction = await deps.corrections.get(correctionId);
  const latest = correction?.versions.at(-1);
  const caseId = correction?.caseIds[(correction?.versions.length ?? 0) - 1];
  const published = caseId ? await deps.cases.get(caseId) : undefined;
  if (!correction || !latest || !published) throw new NotFound(`No correction ${correctionId}.`);
  const now = deps.clock.now();
  // Each request is a round of its own (its time, in ms): announcing one round twice would not re-plan.
  const round = Date.parse(now);
  await deps.reannouncements.reannounce(
    announcementOf(correction, latest.version, published.id, now, round, actor.id),
    {
      caseVersion: published.version,
      entry: {
        at: now,
        actor: actor.id,
        action: 'announce',
        note: `Version ${latest.version} announced again to whoever has no sent delivery of it.`,
      },
    },
  );
  return { correctionId, version: latest.version };
}
