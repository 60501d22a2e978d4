import type { ProgressState } from './continuations.ts';
import type { PlanPosition } from './delivery-queues.ts';

/** One plan per (correction, version, round): how far its audience has been queued. */
export interface PlanRef {
  correctionId: string;
  version: number;
  round: number;
}

/** The plan is a continuation's progress (shared/usecases/continuation.ts) whose positions are audience pages. */
export type PlanState = ProgressState<PlanPosition>;

export interface PlanStore {
  /** Creates the plan at `first` unless it exists; resolves with its state either way. */
  start(ref: PlanRef, first: PlanPosition): Promise<PlanState>;
  get(ref: PlanRef): Promise<PlanState | undefined>;
  /**
   * Moves the plan from `from` to `to` (absent: done), with the run's `planned` counts per channel in the
   * same transaction, only if it is still at `from`. False if another run moved it first.
   */
  advance(
    ref: PlanRef,
    from: PlanPosition,
    to: PlanPosition | undefined,
    planned: Partial<Record<'email' | 'sms', number>>,
    now: string,
  ): Promise<boolean>;
  /** Records that the run starting at `position` was sent on. */
  handedOn(ref: PlanRef, position: PlanPosition): Promise<void>;
}
