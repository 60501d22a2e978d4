/**
 * sweep: the scheduled sweeper's verb. It finds what the stream should have carried on and did not
 * (a consumer gave up past its retries, an SNS publish failed): cases still approved a few minutes
 * after approval, and announcements still pending, and re-drives them with the same idempotent verbs.
 * Each run looks at a bounded number; what is left is found by the next run. Anything it had to
 * repair is a fault worth an alarm, so it says how many.
 */
import { announcementGraceMinutes } from '../domain/announcement.ts';
import type { CaseQueue } from '../ports/case-queue.ts';
import { type AnnounceDeps, announce } from './announce.ts';
import { type PublishDeps, publishCorrection } from './publish-correction.ts';

export type SweepDeps = PublishDeps & AnnounceDeps & { caseQueue: CaseQueue };

/** Per kind and run: the schedule's next run takes the rest. */
const perRun = 50;

export async function sweep(deps: SweepDeps): Promise<{ cases: number; announcements: number }> {
  const cutoff = new Date(Date.parse(deps.clock.now()) - announcementGraceMinutes * 60_000).toISOString();
  let cases = 0;
  const approved = await deps.caseQueue.list({ status: 'approved', limit: perRun });
  for (const stuck of approved.items.filter((c) => c.updatedAt < cutoff)) {
    if ((await publishCorrection(deps, stuck.id)).outcome === 'published') cases += 1;
  }
  let announcements = 0;
  for (const ref of await deps.announcements.pendingBefore(cutoff, perRun)) {
    if ((await announce(deps, ref)) === 'announced') announcements += 1;
  }
  return { cases, announcements };
}
