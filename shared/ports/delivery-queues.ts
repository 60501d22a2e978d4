import type { DeliveryJob } from '../domain/delivery.ts';

/** Where the planner is in a correction's audience; carried from one planner run to the next. */
export interface PlanPosition {
  phase: 'reporters' | 'followers' | 'followers-of-all' | 'followers-of-page';
  /** In the reporters phase, which of the correction's cases (by index; absent: the first). */
  case?: number;
  cursor?: string;
}

export interface PlanStep {
  eventType: 'delivery.plan';
  correctionId: string;
  version: number;
  caseId: string;
  topic: string;
  /** The pageTarget of the correction's affected page, whose followers are reached whatever their topics. */
  page?: string;
  /** A re-announcement's round: its jobs revive parked deliveries. */
  round?: number;
  position: PlanPosition;
}

export interface DeliveryQueues {
  /** One message per job on the send queue. */
  send(jobs: DeliveryJob[]): Promise<void>;
  /** The rest of an audience, for a later planner run. */
  planLater(step: PlanStep): Promise<void>;
  /** Send jobs received now that should come back after a delay (throttled, no token yet, failed). */
  retryLater(receipts: ReadonlyArray<{ receipt: string; seconds: number }>): Promise<void>;
  /** Send jobs given up on, moved to the send queue's dead-letter queue as they are. */
  park(bodies: ReadonlyArray<string>): Promise<void>;
}
