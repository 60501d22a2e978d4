/**
 * The subscribers' digests: once a day (or a week) of the desk's calendar has ended, every daily (or
 * weekly) subscriber whom one of the period's corrections reaches gets one `correction_digest`
 * listing them. The schedule starts one continuation per period (its target is the period's name);
 * each step reads the period's corrections (a few Queries) and a bounded page of the frequency's
 * subscribers, and queues one digest job per subscriber with something to read, for the sender to
 * send at the channel's pace. Nothing is queued for an empty period. Running the job again for a
 * period does nothing new: the period's continuation runs once, and a digest's delivery key (period
 * and person) sends each person one message whatever is replayed.
 */
import type { Correction } from '../domain/correction.ts';
import type { DeliveryJob } from '../domain/delivery.ts';
import {
  type DigestFrequency,
  type DigestPeriod,
  lastEndedPeriod,
  periodName,
  periodNamed,
} from '../domain/digest-period.ts';
import { reaches } from '../domain/reach.ts';
import type { Subscription } from '../domain/subscription.ts';
import type { PublishedVersions } from '../ports/announcement-store.ts';
import type { CorrectionStore } from '../ports/correction-store.ts';
import type { DeliveryQueues } from '../ports/delivery-queues.ts';
import type { Followers } from '../ports/followers.ts';
import { type ContinuationDeps, type ContinuationKind, startContinuation } from './continuation.ts';

export interface PeriodCorrectionsDeps {
  publishedVersions: PublishedVersions;
  corrections: CorrectionStore;
}

/**
 * The corrections with a version published in the period, in order of that version (each once, as
 * it reads now): the period's announcements, then each correction read once.
 */
export async function periodCorrections(
  deps: PeriodCorrectionsDeps,
  period: Pick<DigestPeriod, 'start' | 'end'>,
): Promise<Correction[]> {
  const refs = await deps.publishedVersions.between(period.start, period.end);
  const ids = [...new Set(refs.map((ref) => ref.correctionId))];
  const found = await Promise.all(ids.map((id) => deps.corrections.get(id)));
  return found.filter((c): c is Correction => c !== undefined);
}

export interface DigestStepDeps extends PeriodCorrectionsDeps {
  followers: Followers;
  queues: DeliveryQueues;
  /** The desk's calendar: a period's name becomes its instants in its time zone. */
  config: { timeZone: string };
}

/** Subscribers per page and pages per step: about a thousand people a step, well inside the timeout. */
const subscribersPerPage = 250;
const pagesPerStep = 4;

/** Whether the subscription was confirmed before the period ended: a later one starts with the next. */
const subscribedBy = (s: Subscription, end: string): boolean => (s.consent?.at ?? s.createdAt) < end;

/** One step of a period's digests (the continuation kind 'correction-digest'; target: the period's name). */
export const correctionDigests: ContinuationKind<DigestStepDeps> = async (deps, input) => {
  const period = periodNamed(input.target, deps.config.timeZone);
  if (!period) throw new Error(`Not a digest period: ${input.target}`);
  const corrections = await periodCorrections(deps, period);
  // An empty period: nobody gets anything, and nobody is read.
  if (corrections.length === 0) return { handled: 0 };
  let cursor = input.cursor;
  let handled = 0;
  for (let page = 0; page < pagesPerStep; page++) {
    const subscribers = await deps.followers.ofDigest(period.frequency, {
      limit: subscribersPerPage,
      ...(cursor ? { cursor } : {}),
    });
    const jobs = subscribers.items.flatMap((subscription): DeliveryJob[] => {
      const reached = corrections.filter((correction) => reaches(subscription, correction));
      if (reached.length === 0 || !subscribedBy(subscription, period.end)) return [];
      return [
        {
          kind: 'digest',
          channel: subscription.channel,
          subscriptionId: subscription.id,
          period: input.target,
          correctionIds: reached.map((correction) => correction.id),
        },
      ];
    });
    if (jobs.length) await deps.queues.send(jobs);
    handled += jobs.length;
    cursor = subscribers.nextCursor ?? undefined;
    if (!cursor) return { handled };
  }
  return { next: cursor, handled };
};

/**
 * What the schedule does: starts the digests of the periods that have just ended, yesterday's and,
 * on the first day of a week, last week's. Started again (the schedule retried), a period's
 * continuation does nothing new.
 */
export async function startDigests(
  deps: Pick<ContinuationDeps, 'continuationQueue'> & { config: { timeZone: string } },
  /** When the schedule fired (its event's time). */
  now: string,
): Promise<string[]> {
  const daily = lastEndedPeriod('daily', now, deps.config.timeZone);
  const weekly = lastEndedPeriod('weekly', now, deps.config.timeZone);
  // Last week ended yesterday only on a Monday: its last day is yesterday.
  const periods: Array<{ frequency: DigestFrequency; firstDay: string }> = [
    daily,
    ...(weekly.end === daily.end ? [weekly] : []),
  ];
  const names = periods.map(periodName);
  for (const name of names) await startContinuation(deps, 'correction-digest', name);
  return names;
}
