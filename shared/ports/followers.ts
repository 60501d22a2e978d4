import type { Frequency, Subscription } from '../domain/subscription.ts';
import type { Page } from './page.ts';

/** Who follows what: the audiences of a publication, of a digest, of an editor's preview. */
export interface Followers {
  /**
   * Active, immediate subscriptions following `target` exactly: a topic key, '*' for those following
   * every topic, or a page's pageTarget. A page at a time through an index: the cost of a page does
   * not grow with the subscriber count.
   */
  of(target: string, options: { limit: number; cursor?: string }): Promise<Page<Subscription>>;
  /** Active daily (or weekly) subscriptions, a page at a time, for their digests. */
  ofDigest(
    frequency: Exclude<Frequency, 'immediate'>,
    options: { limit: number; cursor?: string },
  ): Promise<Page<Subscription>>;
  /**
   * The active, immediate subscriptions, among those of these address hashes (read 100 at a time, side
   * by side), that follow any of `topics` or the page `page` (a pageTarget): channel and language only.
   */
  among(
    addressHashes: string[],
    reach: { topics: string[]; page?: string },
  ): Promise<Array<Pick<Subscription, 'channel' | 'language'>>>;
}
