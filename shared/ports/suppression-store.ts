import type { Recipient } from '../domain/recipient.ts';
import type { Suppression } from '../domain/suppression.ts';
import type { Page } from './page.ts';

export interface SuppressionStore {
  /** Records the suppression unless the address is suppressed already; answers whether it is new. */
  suppress(suppression: Suppression): Promise<boolean>;
  isSuppressed(recipient: Recipient): Promise<boolean>;
  /** Which of these address hashes (any number; read 100 at a time) are suppressed. */
  suppressedAmong(addressHashes: string[]): Promise<Set<string>>;
}

/** The suppressed addresses as admins page through them. */
export interface SuppressionList {
  /** Newest first, a page at a time. */
  list(options: { limit: number; cursor?: string }): Promise<Page<Suppression>>;
}
