/**
 * planDelivery: the planner's verb. It turns a published correction version into one send job per
 * person, a bounded number per run: a big audience continues in later runs through the plan queue.
 *
 * One plan per (correction, version, round) keeps the cursor. A run goes only from where the plan
 * stands: it queues its jobs, then moves the cursor by a conditional write (with the run's `planned`
 * counters), then hands on the rest. A replayed event or a redelivered step finds the plan moved on
 * and plans nothing new; of two runs from the same position only one moves it, so one chain goes on.
 * A step redelivered after its move (the continuation may have been lost) re-sends the continuation.
 */
import type { DeliveryJob } from '../domain/delivery.ts';
import type { CorrectionPublished } from '../ports/correction-events.ts';
import type { DeliveryQueues, PlanPosition, PlanStep } from '../ports/delivery-queues.ts';
import type { PlanStore } from '../ports/plan-store.ts';
import { type AudienceDeps, audiencePage, firstPosition } from './audience.ts';

export interface PlanDeps extends AudienceDeps {
  queues: DeliveryQueues;
  plans: PlanStore;
}

export const firstStep = (event: CorrectionPublished): PlanStep => ({
  eventType: 'delivery.plan',
  correctionId: event.correctionId,
  version: event.version,
  caseId: event.caseId,
  topic: event.topic,
  ...(event.page ? { page: event.page } : {}),
  ...(event.round ? { round: event.round } : {}),
  position: firstPosition,
});

/** Jobs per run before the rest is handed to a later run; well inside the planner's timeout. */
const jobsPerRun = 1000;
const followersPerPage = 100;

const samePosition = (a: PlanPosition | undefined, b: PlanPosition | undefined): boolean =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export type PlanOutcome = { planned: number; continues: boolean; stale?: true };

export async function planDelivery(deps: PlanDeps, step: PlanStep): Promise<PlanOutcome> {
  const { correctionId, version, caseId, topic, page: affectedPage } = step;
  const ref = { correctionId, version, round: step.round ?? 0 };
  const plan = samePosition(step.position, firstPosition)
    ? await deps.plans.start(ref, firstPosition)
    : await deps.plans.get(ref);
  if (!plan || !samePosition(plan.position, step.position)) {
    // Moved on already. If it moved from here, the continuation may not have been sent: send it again.
    if (plan?.position && samePosition(plan.previous, step.position))
      await deps.queues.planLater({ ...step, position: plan.position });
    return { planned: 0, continues: false, stale: true };
  }
  const revive = step.round ? { revive: true as const } : {};
  let position: PlanPosition | undefined = step.position;
  let planned = 0;
  const channels = { email: 0, sms: 0 };
  while (position && planned < jobsPerRun) {
    const page = await audiencePage(
      deps,
      { caseId, topic, ...(affectedPage ? { page: affectedPage } : {}) },
      position,
      followersPerPage,
    );
    const jobs: DeliveryJob[] = [
      ...page.reporters.map(({ submission, recipient }): DeliveryJob => {
        channels[recipient.channel] += 1;
        return {
          kind: 'reply',
          caseId,
          submissionId: submission.id,
          outcome: 'published',
          correctionId,
          version,
          ...revive,
        };
      }),
      ...page.followers.map((follower): DeliveryJob => {
        channels[follower.channel] += 1;
        return { kind: 'correction', correctionId, version, subscriptionId: follower.id, ...revive };
      }),
    ];
    if (jobs.length) await deps.queues.send(jobs);
    planned += jobs.length;
    position = page.next;
  }
  // A re-announcement re-covers an audience already counted as planned.
  const counted = step.round ? {} : channels;
  if (!(await deps.plans.advance(ref, step.position, position, counted)))
    return { planned, continues: false, stale: true };
  if (position) await deps.queues.planLater({ ...step, position });
  return { planned, continues: Boolean(position) };
}
