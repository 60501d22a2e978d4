import type { Delivery } from '../domain/delivery.ts';
import type { Channel } from '../domain/subscription.ts';

/** What a claim found. `failures` so far travels along, so the counters can be moved exactly once. */
export type ClaimOutcome =
  /** This attempt may call the provider. */
  | { outcome: 'claimed'; failures: number }
  /** An earlier attempt's message was accepted by the provider: finish it, never send again. */
  | { outcome: 'accepted'; failures: number }
  /** Sent (or parked) already: nothing to do. */
  | { outcome: 'done' }
  /** Another attempt holds a live lease until then: try again later. */
  | { outcome: 'in-flight'; leaseUntil: string };

export type NewDelivery = Pick<
  Delivery,
  'key' | 'kind' | 'channel' | 'recipientHash' | 'topic' | 'correctionId' | 'version' | 'caseId'
>;

/** The channels a version's counters keep: email and SMS here, webhooks from their own sender. */
export type CountedChannel = Channel | 'webhooks';
export const countedChannels: ReadonlyArray<CountedChannel> = ['email', 'sms', 'webhooks'];

/** The version a delivery counts toward, as the counters need it. */
export interface Counted {
  correctionId: string;
  version: number;
  channel: CountedChannel;
}

export interface DeliveryStore {
  /**
   * Takes the right to send `delivery` now, unless it was accepted, sent or parked, or another attempt
   * is under way. With `revive` (a re-announcement), a parked delivery is claimed again too.
   */
  claim(delivery: NewDelivery, now: string, leaseSeconds: number, revive?: Counted): Promise<ClaimOutcome>;
  /**
   * The provider took the message: one small write, the first thing after the provider answered,
   * so that no later failure can lead to a second send.
   */
  accept(key: string, messageId: string, now: string): Promise<void>;
  /** accepted → sent, and the version's sent counter (and failed, if it had failed before) with it. */
  markSent(key: string, now: string, counted: Counted | undefined, failures: number): Promise<void>;
  /**
   * accepted → sent for a batch's deliveries at once, with their counters (one update per version):
   * one transaction instead of one each. If any of them was finished by another attempt meanwhile,
   * each is marked on its own instead, so that every one is still sent once and counted once.
   */
  markSentMany(
    sent: ReadonlyArray<{ key: string; counted: Counted | undefined; failures: number }>,
    now: string,
  ): Promise<void>;
  /** The provider throttled: the claim is let go without counting an attempt against the delivery. */
  release(key: string): Promise<void>;
  /**
   * A real failure: counted on the delivery; the `failures`-th consecutive one parks it. Resolves with
   * whether it is now parked. `failures` is what the claim found, so a raced write moves nothing twice.
   */
  markFailed(
    key: string,
    error: string,
    now: string,
    counted: Counted | undefined,
    failures: number,
  ): Promise<{ parked: boolean }>;
  get(key: string): Promise<Delivery | undefined>;
  /**
   * Ends a delivery that will never be sent (suppressed address, or the person left before their
   * turn) and counts it, once however often the job runs. False if it had already ended. With the
   * person's recipient hash, the record is found by an erasure of that person.
   */
  settle(
    key: string,
    outcome: 'suppressed' | 'skipped',
    counted: Counted | undefined,
    recipientHash?: string,
  ): Promise<boolean>;
}
