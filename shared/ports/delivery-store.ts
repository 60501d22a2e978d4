import type { Delivery } from '../domain/delivery.ts';

export type ClaimOutcome =
  /** This attempt may send. */
  | 'claimed'
  /** Sent already: nothing to do. */
  | 'done'
  /** Another attempt holds a live lease: try again later. */
  | 'in-flight';

export interface DeliveryStore {
  /** Takes the right to send `delivery` now, unless it was sent or another attempt is under way. */
  claim(
    delivery: Omit<Delivery, 'status' | 'attempts' | 'lastAttemptAt' | 'firstAttemptAt'>,
    now: string,
    leaseSeconds: number,
  ): Promise<ClaimOutcome>;
  markSent(key: string, messageId: string, now: string): Promise<void>;
  /** `parked`: this was the last attempt; the message goes to the dead-letter queue. */
  markFailed(key: string, error: string, parked: boolean, now: string): Promise<void>;
  get(key: string): Promise<Delivery | undefined>;
}
