import type { Channel, Frequency, Subscription } from '../domain/subscription.ts';
import type { Page } from './page.ts';

export interface SubscriptionStore {
  get(id: string): Promise<Subscription | undefined>;
  /** Many by id in batched reads (a sender's batch): those that exist and are not erased, by id. */
  getMany(ids: ReadonlyArray<string>): Promise<Map<string, Subscription>>;
  findByAddress(channel: Channel, address: string): Promise<Subscription | undefined>;
  /** The subscriptions of many addresses at once (batched reads), by address hash. */
  findByAddressHashes(addressHashes: ReadonlyArray<string>): Promise<Map<string, Subscription>>;
  /**
   * Active, immediate subscriptions following `target` exactly: a topic key, '*' for those following
   * every topic, or a page's pageTarget. A page at a time through an index: the cost of a page does
   * not grow with the subscriber count.
   */
  followers(target: string, options: { limit: number; cursor?: string }): Promise<Page<Subscription>>;
  /** Active daily (or weekly) subscriptions, a page at a time, for their digests. */
  digestSubscribers(
    frequency: Exclude<Frequency, 'immediate'>,
    options: { limit: number; cursor?: string },
  ): Promise<Page<Subscription>>;
  /**
   * The active, immediate subscriptions, among those of these address hashes (read 100 at a time, side
   * by side), that follow any of `topics` or the page `page` (a pageTarget): channel and language only.
   */
  activeFollowersAmong(
    addressHashes: string[],
    reach: { topics: string[]; page?: string },
  ): Promise<Array<Pick<Subscription, 'channel' | 'language'>>>;
  /**
   * Many new subscriptions of addresses that had none when read (an import), in batched writes: fast,
   * but unconditional, so a subscription made for one of these addresses meanwhile loses its claim.
   */
  createMany(subscriptions: ReadonlyArray<Subscription>): Promise<void>;
  /** The address's only subscription; SubscriptionChanged if the address has one already. */
  create(subscription: Subscription): Promise<void>;
  /**
   * Replaces `before` with `after` (its next version), follows included, if nothing changed since
   * `before` was read (no other write, no wrong code counted); else SubscriptionChanged.
   */
  save(before: Subscription, after: Subscription): Promise<void>;
  /**
   * Counts a wrong code against the confirmation with this salt while fewer than `limit` were
   * counted: the count so far, or undefined if the confirmation is at the limit or was replaced.
   */
  countWrongCode(id: string, salt: string, limit: number): Promise<number | undefined>;
  /**
   * Deletes the subscription of this address hash now (the subscription, its follows and the address
   * claim), whatever its state and even if it was due to expire: an erasure. False if there was none.
   */
  eraseByAddressHash(addressHash: string): Promise<boolean>;
}

/** Another request wrote the subscription (or claimed the address) first: read it again and decide. */
export class SubscriptionChanged extends Error {}
