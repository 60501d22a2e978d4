import type { DeliveryJob } from '../domain/delivery.ts';

/** Where the planner is in a correction's audience; carried from one planner run to the next. */
export interface PlanPosition {
  phase: 'reporters' | 'followers' | 'followers-of-all';
  cursor?: string;
}

export interface PlanStep {
  eventType: 'delivery.plan';
  correctionId: string;
  version: number;
  caseId: string;
  topic: string;
  position: PlanPosition;
}

export interface DeliveryQueues {
  /** One message per job on the send queue. */
  send(jobs: DeliveryJob[]): Promise<void>;
  /** The rest of an audience, for a later planner run. */
  planLater(step: PlanStep): Promise<void>;
}
