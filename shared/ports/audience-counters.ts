/**
 * Audience counters: how many active subscribers a scope reaches, by channel and language, kept up to
 * date from subscription changes on the table's stream, so the audience is read in a few calls at
 * any size. A scope is what a person can be in an audience for: a topic (or '*' for every topic),
 * the reachable reporters of a case, and (to come) a followed URL.
 */
import type { Language } from '../domain/case.ts';
import type { Channel } from '../domain/subscription.ts';

export type AudienceScope =
  | { kind: 'topic'; topic: string }
  | { kind: 'url'; urlKey: string }
  | { kind: 'reporters'; caseId: string };

/** Counts by channel and (where known) language. Reporters are counted by channel only. */
export interface AudienceTally {
  email: number;
  sms: number;
  byLanguage: Partial<Record<Language, { email: number; sms: number }>>;
}

export interface AudienceDelta {
  scope: AudienceScope;
  channel: Channel;
  language?: Language;
  /** +1 joins the scope's audience, -1 leaves it. */
  delta: number;
}

export interface AudienceCounters {
  /**
   * Applies the deltas of one change (a stream record) once: a change seen before (by its id) does
   * nothing. Answers whether it was applied now.
   */
  apply(changeId: string, deltas: ReadonlyArray<AudienceDelta>): Promise<boolean>;
  /** The tallies of these scopes, in order (zero where nothing was ever counted), in one read. */
  read(scopes: ReadonlyArray<AudienceScope>): Promise<AudienceTally[]>;
}
