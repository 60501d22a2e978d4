import type { ConfirmationJob, DeliveryJob } from '../domain/delivery.ts';
import type { Channel } from '../domain/subscription.ts';

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

/**
 * What a channel's sender does with the send queues: hands a job to its channel's queue, makes jobs
 * it received come back later, parks the ones given up on. Its retries and parking stay on the queue
 * it read from.
 */
export interface SendQueues {
  /** One message per job, each on its channel's send queue. */
  send(jobs: ReadonlyArray<DeliveryJob>): Promise<void>;
  /**
   * Send jobs received now from `channel`'s queue that should come back after a delay (throttled,
   * no token yet, failed).
   */
  retryLater(channel: Channel, receipts: ReadonlyArray<{ receipt: string; seconds: number }>): Promise<void>;
  /** Send jobs given up on, moved as they are to the dead-letter queue of `channel`'s send queue. */
  park(channel: Channel, bodies: ReadonlyArray<string>): Promise<void>;
}

/**
 * The send queues, one per channel (each read by its channel's sender), and the plan queue. A job
 * goes to the queue of its `channel`.
 */
export interface DeliveryQueues extends SendQueues {
  /**
   * One subscription request's confirmation (a link by email, a code by SMS), on its channel's send
   * queue: the request that asked for it returns once it is queued, and the channel's sender renders
   * and sends it (the public function calls no provider itself).
   */
  sendConfirmation(job: ConfirmationJob): Promise<void>;
  /** The rest of an audience, for a later planner run, after `delaySeconds` (at most 900). */
  planLater(step: PlanStep, delaySeconds?: number): Promise<void>;
  /** About how many jobs wait on each channel's send queue (SQS's approximate count). */
  backlog(): Promise<Record<Channel, number>>;
}
