import type { Channel, Subscription } from '../domain/subscription.ts';
import type { Page } from './page.ts';

export interface SubscriptionStore {
  get(id: string): Promise<Subscription | undefined>;
  findByAddress(channel: Channel, address: string): Promise<Subscription | undefined>;
  /**
   * Active subscriptions following `topic` exactly (pass '*' for those following every topic),
   * a page at a time through an index: the cost of a page does not grow with the subscriber count.
   */
  followers(topic: string, options: { limit: number; cursor?: string }): Promise<Page<Subscription>>;
}
