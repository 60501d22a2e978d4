/**
 * Continuations: an unbounded job (a merge's relinking, a case's closing replies, a digest) done a
 * bounded step at a time through a queue, from a cursor kept in one progress item per (kind, target).
 * See shared/usecases/continuation.ts for how a step runs and how to add a kind.
 */

/**
 * The jobs that run as continuations (each a step function in shared/usecases/continuation-kinds.ts):
 * - merge-relink: a merged duplicate's reports move to the case that absorbed it;
 * - closing-replies: every reporter of a case closed without a correction is told;
 * - correction-digest: a period's digests to its daily or weekly subscribers (target: the period's name);
 * - contact-expiry: the contacts of an ended case's reports get their expiry (TTL);
 * - erasure: the rest of one erased person's records, past the page the request erased;
 * - subscriber-import: a long subscriber import's rows are written, a chunk at a time.
 */
export type ContinuationKindName =
  | 'merge-relink'
  | 'closing-replies'
  | 'correction-digest'
  | 'contact-expiry'
  | 'erasure'
  | 'subscriber-import';

/** One step of a continuation, as it travels on the continuation (plan) queue. */
export interface ContinuationStep {
  eventType: 'continuation.step';
  kind: ContinuationKindName;
  /** What it works on, e.g. a case id: with the kind, names the one progress item. */
  target: string;
  /** Where this step starts: absent for the first step. Opaque to everyone but the kind. */
  cursor?: string;
  /** What the kind needs besides its target, the same on every step (say, the case merged into). */
  params?: Record<string, string>;
}

export interface ProgressRef {
  kind: ContinuationKindName;
  target: string;
}

/** A continuation's progress: where its next step starts (absent once done) and what was handed on. */
export interface ProgressState<P> {
  /** Where the next step starts; absent once the job is done. */
  position?: P;
  /** Where the last step started (so a step redelivered after it advanced can tell). */
  previous?: P;
  /** True once the step that starts at `position` has been sent on (so nobody sends it again). */
  handedOn?: boolean;
  /** When it last moved. */
  movedAt?: string;
}

export interface ContinuationStore {
  /** Creates the progress at the start unless it exists; resolves with its state either way. */
  start(ref: ProgressRef): Promise<ProgressState<string>>;
  get(ref: ProgressRef): Promise<ProgressState<string> | undefined>;
  /** Moves the progress from `from` to `to` (absent: done) only if it is still at `from`; false if not. */
  advance(ref: ProgressRef, from: string, to: string | undefined, now: string): Promise<boolean>;
  /** Records that the step starting at `position` was sent on. */
  handedOn(ref: ProgressRef, position: string): Promise<void>;
}

export interface ContinuationQueue {
  /** Sends a step (the first, or the next one) to the runner. */
  send(step: ContinuationStep): Promise<void>;
}
