/**
 * Audience counters: how many active subscribers a scope reaches, by channel and language, kept up to
 * date from subscription changes on the table's stream, so the audience is read in a few calls at
 * any size. A scope is what a person can be in an audience for: a topic (or '*' for every topic), a
 * followed page, and the reachable reporters of a case. Immediate subscribers (a message per version)
 * and digest subscribers (daily or weekly) are counted apart. A page's followers are also counted by
 * the topics they follow, so that those a correction reaches by its topic already are taken off the
 * page's count exactly, and nobody is counted twice.
 */
import type { Language } from '../domain/case.ts';
import type { Channel } from '../domain/subscription.ts';

export type AudienceScope =
  | { kind: 'topic'; topic: string }
  /** The followers of a page, by its pageTarget. */
  | { kind: 'url'; page: string }
  | { kind: 'reporters'; caseId: string };

/** Counts by channel and (where known) language. */
export interface AudienceCounts {
  email: number;
  sms: number;
  byLanguage: Partial<Record<Language, { email: number; sms: number }>>;
}

/** A scope's immediate subscribers (and reporters, counted by channel only), and its digest subscribers. */
export interface AudienceTally extends AudienceCounts {
  digests: AudienceCounts;
  /** A page's followers who also follow a topic (key: the topic, or '*'), immediate and digest. */
  alsoFollowing: Record<string, { immediate: AudienceCounts; digests: AudienceCounts }>;
}

export interface AudienceDelta {
  scope: AudienceScope;
  channel: Channel;
  language?: Language;
  /** A daily or weekly subscriber (told in a digest), not an immediate one. */
  digest?: true;
  /** On a page scope: the count of its followers who also follow this topic (or '*'). */
  alsoFollowing?: string;
  /** +1 joins the scope's audience, -1 leaves it. */
  delta: number;
}

export interface AudienceCounters {
  /** The tallies of these scopes, in order (zero where nothing was ever counted), in one read. */
  read(scopes: ReadonlyArray<AudienceScope>): Promise<AudienceTally[]>;
}

/** Keeping the counters: what the notifier does with each subscription change on the stream. */
export interface AudienceChanges {
  /**
   * Applies the deltas of one change (a stream record) once: a change seen before (by its id) does
   * nothing. Answers whether it was applied now.
   */
  apply(changeId: string, deltas: ReadonlyArray<AudienceDelta>): Promise<boolean>;
}
