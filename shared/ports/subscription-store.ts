import type { Channel, Subscription } from '../domain/subscription.ts';

/**
 * Subscriptions read by id and by address, made and changed, one person's at a time (see
 * SubscriptionImports for many).
 */
export interface SubscriptionStore {
  get(id: string): Promise<Subscription | undefined>;
  /** Many by id in batched reads (a sender's batch): those that exist and are not erased, by id. */
  getMany(ids: ReadonlyArray<string>): Promise<Map<string, Subscription>>;
  findByAddress(channel: Channel, address: string): Promise<Subscription | undefined>;
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
}

/** Subscriptions imported in bulk (an admin's file, a long import's steps). */
export interface SubscriptionImports {
  /** The subscriptions of many addresses at once (batched reads), by address hash. */
  findByAddressHashes(addressHashes: ReadonlyArray<string>): Promise<Map<string, Subscription>>;
  /**
   * Many new subscriptions of addresses that had none when read (an import), in batched writes: fast,
   * but unconditional, so a subscription made for one of these addresses meanwhile loses its claim.
   */
  createMany(subscriptions: ReadonlyArray<Subscription>): Promise<void>;
}

/** A person's subscription erased on request. */
export interface SubscriptionErasure {
  /**
   * Deletes the subscription of this address hash now (the subscription, its follows and the address
   * claim), whatever its state and even if it was due to expire: an erasure. False if there was none.
   */
  eraseByAddressHash(addressHash: string): Promise<boolean>;
}

/** Another request wrote the subscription (or claimed the address) first: read it again and decide. */
export class SubscriptionChanged extends Error {}
