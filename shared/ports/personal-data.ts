/**
 * What the desk keeps about one person besides their subscription, found by their recipient hash:
 * their contact on each submission, their reporter marks and their delivery records. An erasure
 * removes it a page at a time; the audit entry of each erasure holds the hash, never the address.
 */
import type { Channel } from '../domain/subscription.ts';

export interface ErasedRecords {
  /** Submissions whose contact held the address (the report itself stays). */
  submissions: number;
  deliveries: number;
  /** The person's marks as a reporter of a case (they count the case's reporters to tell). */
  reporterMarks: number;
}

export interface ErasureEntry {
  id: string;
  at: string;
  /** Who erased (an editor's id), as case history names actors. */
  actor: string;
  channel: Channel;
  /** The keyed hash of the address: proves which person was erased to whoever knows the address. */
  addressHash: string;
  subscriptions: number;
  submissions: number;
  deliveries: number;
  /** More records than one request takes: the rest is erased by a continuation. */
  continued: boolean;
}

export interface PersonalDataStore {
  /** Erases up to a page (100) of the person's records from `cursor`; `next` when there may be more. */
  erasePage(addressHash: string, cursor?: string): Promise<{ erased: ErasedRecords; next?: string }>;
  /** The audit entry of an erasure. */
  recordErasure(entry: ErasureEntry): Promise<void>;
  /** Audit entries, newest first, a page at a time. */
  erasures(options: {
    limit: number;
    cursor?: string;
  }): Promise<{ items: ErasureEntry[]; nextCursor: string | null }>;
}
