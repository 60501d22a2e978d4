/**
 * planDelivery: the planner's verb. It turns a published correction version into one send job per
 * person, a bounded number per run: a big audience continues in later runs through the plan queue.
 * Re-running a step re-sends the same jobs, which the sender's delivery keys absorb.
 */
import type { DeliveryJob } from '../domain/delivery.ts';
import type { CorrectionPublished } from '../ports/correction-events.ts';
import type { DeliveryQueues, PlanStep } from '../ports/delivery-queues.ts';
import { type AudienceDeps, audiencePage, firstPosition } from './audience.ts';

export interface PlanDeps extends AudienceDeps {
  queues: DeliveryQueues;
}

export const firstStep = (event: CorrectionPublished): PlanStep => ({
  eventType: 'delivery.plan',
  correctionId: event.correctionId,
  version: event.version,
  caseId: event.caseId,
  topic: event.topic,
  ...(event.round ? { round: event.round } : {}),
  position: firstPosition,
});

/** Jobs per run before the rest is handed to a later run; well inside the planner's timeout. */
const jobsPerRun = 1000;
const followersPerPage = 100;

export async function planDelivery(
  deps: PlanDeps,
  step: PlanStep,
): Promise<{ planned: number; continues: boolean }> {
  const { correctionId, version, caseId, topic } = step;
  let position = step.position;
  let planned = 0;
  const revive = step.round ? { revive: true as const } : {};
  for (;;) {
    const page = await audiencePage(deps, { caseId, topic }, position, followersPerPage);
    const jobs: DeliveryJob[] = [
      ...page.reporters.map(
        ({ submission }): DeliveryJob => ({
          kind: 'reply',
          caseId,
          submissionId: submission.id,
          outcome: 'published',
          correctionId,
          version,
          ...revive,
        }),
      ),
      ...page.followers.map(
        (follower): DeliveryJob => ({
          kind: 'correction',
          correctionId,
          version,
          subscriptionId: follower.id,
          ...revive,
        }),
      ),
    ];
    if (jobs.length) await deps.queues.send(jobs);
    planned += jobs.length;
    if (!page.next) return { planned, continues: false };
    position = page.next;
    if (planned >= jobsPerRun) {
      await deps.queues.planLater({ ...step, position });
      return { planned, continues: true };
    }
  }
}
