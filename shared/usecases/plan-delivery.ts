/**
 * planDelivery: the planner's verb. It turns a published correction version into one send job per
 * person, a bounded number per run: a big audience continues in later runs through the plan queue.
 *
 * One plan per (correction, version, round) keeps the cursor. A run goes only from where the plan
 * stands: it queues its jobs, then moves the cursor by a conditional write (with the run's `planned`
 * counters), then hands on the rest. A replayed event or a redelivered step finds the plan moved on
 * and plans nothing new; of two runs from the same position only one moves it, so one chain goes on.
 * A step redelivered after its move, before its continuation was sent, sends the continuation. It is
 * the first continuation (continuation.ts's `stepOnce`), with audience pages for its positions.
 *
 * A later version (an amendment) reaches the reporters of every case behind the correction again,
 * with a reply whose outcome is `amended`: its delivery key (correction, version, person) is the one
 * a subscriber's message of that version has, so each person gets one message per version.
 */
import type { DeliveryJob } from '../domain/delivery.ts';
import type { Channel } from '../domain/subscription.ts';
import type { Clock } from '../ports/clock.ts';
import type { CorrectionPublished } from '../ports/correction-events.ts';
import type { CorrectionStore } from '../ports/correction-store.ts';
import type { DeliveryQueues, PlanPosition, PlanStep } from '../ports/delivery-queues.ts';
import type { PlanStore } from '../ports/plan-store.ts';
import { type AudienceDeps, type AudienceTarget, audiencePage, firstPosition } from './audience.ts';
import { type Progress, stepOnce } from './continuation.ts';

export interface PlanDeps extends AudienceDeps {
  queues: DeliveryQueues;
  /** The channels' configured send rates (messages a second), which the senders are paced to. */
  sendRates: Readonly<Record<Channel, number>>;
  plans: PlanStore;
  corrections: CorrectionStore;
  clock: Clock;
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

/** Seconds of sending the send queues are kept ahead of the senders while an audience is planned. */
export const sendingAheadSeconds = 60;

/**
 * How long the next run waits: until the send queues are down to about a minute of sending at the
 * channels' rates. Planning an audience of a million at once would bury, under hours of jobs, the
 * confirmation a new subscriber waits for on the same queue; a minute ahead keeps the senders busy.
 */
export function handOnDelaySeconds(
  backlog: Readonly<Record<Channel, number>>,
  rates: Readonly<Record<Channel, number>>,
): number {
  const over = (channel: Channel) =>
    Math.max(0, backlog[channel] / Math.max(1, rates[channel]) - sendingAheadSeconds);
  return Math.min(900, Math.ceil(Math.max(over('email'), over('sms'))));
}

/** Jobs per run before the rest is handed to a later run; well inside the planner's timeout. */
const jobsPerRun = 1000;
const followersPerPage = 100;

const samePosition = (a: PlanPosition | undefined, b: PlanPosition | undefined): boolean =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The cases behind a correction's versions up to `version`: each version's reporters (the first
 * case's, and any amendment's) hear of every later version too, once per person and version.
 */
async function casesBehind(deps: PlanDeps, correctionId: string, version: number): Promise<string[]> {
  const correction = await deps.corrections.get(correctionId);
  if (!correction) throw new Error(`No correction ${correctionId}`);
  return [...new Set(correction.caseIds.slice(0, version))];
}

export type PlanOutcome = { planned: number; continues: boolean; stale?: true };

type Planned = { planned: number; channels: Record<'email' | 'sms', number> };

export async function planDelivery(deps: PlanDeps, step: PlanStep): Promise<PlanOutcome> {
  const { correctionId, version, caseId, topic, page: affectedPage } = step;
  const ref = { correctionId, version, round: step.round ?? 0 };
  const revive = step.round ? { revive: true as const } : {};
  const progress: Progress<PlanPosition, Planned> = {
    start: () => deps.plans.start(ref, firstPosition),
    get: () => deps.plans.get(ref),
    // A re-announcement re-covers an audience already counted as planned.
    advance: (from, to, run) =>
      deps.plans.advance(ref, from, to, step.round ? {} : run.channels, deps.clock.now()),
    sendOn: async (position) =>
      deps.queues.planLater(
        { ...step, position },
        handOnDelaySeconds(await deps.queues.backlog(), deps.sendRates),
      ),
    handedOn: (position) => deps.plans.handedOn(ref, position),
    same: samePosition,
    now: () => deps.clock.now(),
  };
  const outcome = await stepOnce(
    progress,
    step.position,
    samePosition(step.position, firstPosition),
    async (from) => {
      const target: AudienceTarget = {
        caseId,
        topic,
        ...(affectedPage ? { page: affectedPage } : {}),
        ...(version > 1 ? { reporterCases: await casesBehind(deps, correctionId, version) } : {}),
      };
      let position: PlanPosition | undefined = from;
      let planned = 0;
      const channels = { email: 0, sms: 0 };
      while (position && planned < jobsPerRun) {
        const page = await audiencePage(deps, target, position, followersPerPage);
        const jobs: DeliveryJob[] = [
          ...page.reporters.map(({ submission, recipient }): DeliveryJob => {
            channels[recipient.channel] += 1;
            return {
              kind: 'reply',
              channel: recipient.channel,
              caseId: submission.caseId,
              submissionId: submission.id,
              outcome: version > 1 ? 'amended' : 'published',
              correctionId,
              version,
              ...revive,
            };
          }),
          ...page.followers.map((follower): DeliveryJob => {
            channels[follower.channel] += 1;
            return {
              kind: 'correction',
              channel: follower.channel,
              correctionId,
              version,
              subscriptionId: follower.id,
              ...revive,
            };
          }),
        ];
        if (jobs.length) await deps.queues.send(jobs);
        planned += jobs.length;
        position = page.next;
      }
      return { ...(position ? { next: position } : {}), result: { planned, channels } };
    },
  );
  if (outcome.stale) return { planned: 0, continues: false, stale: true };
  return { planned: outcome.result.planned, continues: outcome.continues };
}
