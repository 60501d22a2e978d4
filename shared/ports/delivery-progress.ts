import type { DeliveryCounts } from '../domain/delivery.ts';
import type { CountedChannel } from './delivery-store.ts';

/** How far a version's delivery has come, as editors follow it: kept as deliveries move, read in one call. */
export interface DeliveryProgress {
  /** A version's counters by channel, in one read whatever the audience. */
  counts(correctionId: string, version: number): Promise<Record<CountedChannel, DeliveryCounts>>;
}
