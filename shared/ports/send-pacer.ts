import type { Channel } from '../domain/subscription.ts';

/**
 * Paces sends to a channel's configured rate across every concurrent sender: a send goes out only
 * with a token, and tokens are shared through the table.
 */
export interface SendPacer {
  /**
   * Takes up to `wanted` tokens of `channel`, waiting for the next windows as needed but not past
   * `deadlineMs` (epoch ms). Resolves with how many were granted (0 if the deadline came first).
   */
  take(channel: Channel, wanted: number, deadlineMs: number): Promise<number>;
}
