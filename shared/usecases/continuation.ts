/**
 * The continuation: how every unbounded fan-out runs (a correction's audience, a merge's relinking,
 * a case's closing replies, digests). No request or stream handler loops over an unbounded set: it
 * starts a continuation, and the planner runs it a bounded step at a time from the plan queue.
 *
 * A step is (kind, target, cursor). One progress item per (kind, target) holds where the next step
 * starts. A step runs only from where the progress stands: it does its bounded work, then moves the
 * progress from its cursor to the next by a conditional write, then sends the next step and notes
 * that it did. So:
 * - a redelivered step, or a replayed trigger (the first step again), finds the progress moved on
 *   and does nothing new;
 * - of two steps from the same cursor only one moves it, so exactly one chain goes on (the other's
 *   work is done twice, so a step's effects must be idempotent: conditional writes, or jobs whose
 *   delivery key sends each message once);
 * - a step redelivered after it moved the progress but before its next step was sent (a crash)
 *   sends that next step, once the move is older than `handOnGraceMs` (a step still running has sent
 *   it by then; a redelivery comes after the queue's visibility timeout, longer than that), so a copy
 *   racing the step that moved it sends nothing either.
 *
 * Delivery plans (plan-delivery.ts) run on `stepOnce` with audience pages for positions and their
 * planned counters written in the same transaction as the move. The generic kinds carry an opaque
 * string cursor and live in continuation-kinds.ts.
 *
 * How to add a kind:
 * 1. Name it in `ContinuationKindName` (ports/continuations.ts).
 * 2. Write its step, a `ContinuationKind<YourDeps>`: from `cursor` (undefined at the start) do a
 *    bounded amount of idempotent work on `target`, and return `next` (absent when done). Keep a step
 *    to about a thousand items, well inside the planner's timeout.
 * 3. Add it to `continuationKinds` (continuation-kinds.ts) and what it needs to the planner's
 *    composition root (functions/planner/services.ts), and its writes to the planner in
 *    infra/table-access.ts.
 * 4. Start it from wherever the job is decided (a stream record, a schedule), with
 *    `startContinuation(deps, kind, target, params)`: safe to call again for the same target, since
 *    a target's continuation runs once. A job that must run again (a digest each period) puts the
 *    period in its target.
 */

import type { Clock } from '../ports/clock.ts';
import type {
  ContinuationKindName,
  ContinuationQueue,
  ContinuationStep,
  ContinuationStore,
  ProgressState,
} from '../ports/continuations.ts';

/** What one continuation's progress offers a step, bound to its item and its queue. */
export interface Progress<P, R> {
  /** Creates the progress at its start unless it exists; for the first step. */
  start(): Promise<ProgressState<P>>;
  get(): Promise<ProgressState<P> | undefined>;
  /** Moves from `from` to `to` (absent: done) only if still at `from`, writing what `result` says. */
  advance(from: P, to: P | undefined, result: R): Promise<boolean>;
  /** Sends the step that starts at `position`. */
  sendOn(position: P): Promise<void>;
  handedOn(position: P): Promise<void>;
  same(a: P, b: P): boolean;
  now(): string;
}

/**
 * How long after a move its step is presumed dead if it has not handed on: twice the planner's
 * timeout, well under the plan queue's visibility timeout (which brings a dead step back).
 */
export const handOnGraceMs = 60_000;

export type StepOutcome<R> = { stale: true } | { stale?: never; result: R; continues: boolean };

/** Runs one step from `at` (the first step when `first`), as described above. */
export async function stepOnce<P, R>(
  progress: Progress<P, R>,
  at: P,
  first: boolean,
  work: (at: P) => Promise<{ next?: P; result: R }>,
): Promise<StepOutcome<R>> {
  const state = first ? await progress.start() : await progress.get();
  if (state?.position === undefined || !progress.same(state.position, at)) {
    // Moved on already. If it moved from here and the next step was not sent, send it now.
    if (
      state?.position !== undefined &&
      state.previous !== undefined &&
      !state.handedOn &&
      progress.same(state.previous, at) &&
      Date.parse(progress.now()) - Date.parse(state.movedAt ?? '') >= handOnGraceMs
    ) {
      await handOn(progress, state.position);
    }
    return { stale: true };
  }
  const { next, result } = await work(at);
  if (!(await progress.advance(at, next, result))) return { stale: true };
  if (next !== undefined) await handOn(progress, next);
  return { result, continues: next !== undefined };
}

async function handOn<P, R>(progress: Progress<P, R>, position: P): Promise<void> {
  await progress.sendOn(position);
  await progress.handedOn(position);
}

/** Where a generic step stands and what it works on. */
export interface StepInput {
  target: string;
  /** Where to go on from: undefined at the start. */
  cursor: string | undefined;
  params: Readonly<Record<string, string>>;
}

/** One kind's step: bounded, idempotent work from `cursor`; `next` absent when the job is done. */
export type ContinuationKind<D> = (deps: D, input: StepInput) => Promise<{ next?: string; handled: number }>;

export interface ContinuationDeps {
  continuations: ContinuationStore;
  continuationQueue: ContinuationQueue;
  clock: Clock;
}

/** The first step of a kind's job on `target`. */
export const firstContinuationStep = (
  kind: ContinuationKindName,
  target: string,
  params?: Record<string, string>,
): ContinuationStep => ({
  eventType: 'continuation.step',
  kind,
  target,
  ...(params && Object.keys(params).length ? { params } : {}),
});

/** Starts a kind's job on `target`; starting it again (a replayed trigger) does nothing new. */
export async function startContinuation(
  deps: Pick<ContinuationDeps, 'continuationQueue'>,
  kind: ContinuationKindName,
  target: string,
  params?: Record<string, string>,
): Promise<void> {
  await deps.continuationQueue.send(firstContinuationStep(kind, target, params));
}

/** Runs one step of a generic continuation with the kind's own step function. */
export async function runContinuationStep<D>(
  deps: D & ContinuationDeps,
  kind: ContinuationKind<D>,
  step: ContinuationStep,
): Promise<StepOutcome<{ handled: number }>> {
  const ref = { kind: step.kind, target: step.target };
  const params = step.params ?? {};
  const progress: Progress<string, { handled: number }> = {
    start: () => deps.continuations.start(ref),
    get: () => deps.continuations.get(ref),
    advance: (from, to) => deps.continuations.advance(ref, from, to, deps.clock.now()),
    sendOn: (cursor) => deps.continuationQueue.send({ ...step, cursor }),
    handedOn: (cursor) => deps.continuations.handedOn(ref, cursor),
    same: (a, b) => a === b,
    now: () => deps.clock.now(),
  };
  return stepOnce(progress, step.cursor ?? '', step.cursor === undefined, async (at) => {
    const { next, handled } = await kind(deps, { target: step.target, cursor: at || undefined, params });
    return { ...(next !== undefined ? { next } : {}), result: { handled } };
  });
}
