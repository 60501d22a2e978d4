/**
 * What one imported row does to the address's subscription. A row with a consent record makes the
 * subscription active at once, the consent recorded as imported with its source and time; a row
 * without one is a request like the subscribe form's (double opt-in: nothing changes until the person
 * confirms). A row that matches what is stored (or already awaits confirmation) changes nothing, so
 * importing a file twice is harmless. Someone who unsubscribed is not subscribed again by an old list.
 */
import type { Language } from './case.ts';
import {
  type Channel,
  type Frequency,
  followsOf,
  frequencyOf,
  requested,
  type Subscription,
} from './subscription.ts';

export interface ImportedSubscriber {
  channel: Channel;
  address: string;
  addressHash: string;
  topics: string[];
  /** Pages followed and how often (the CSV's optional columns); none and immediate when absent. */
  follows?: string[];
  frequency?: Frequency;
  language: Language;
  consent?: { at: string; source: string };
}

export type ImportDecision =
  | { kind: 'create' | 'update'; next: Subscription; confirm: boolean }
  | { kind: 'unchanged' }
  | { kind: 'refused'; reason: string };

const sameSet = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): boolean =>
  a.length === b.length && a.every((item) => b.includes(item));

/** `secretFor(id, requestedAt)`: the confirmation's secret, derivable again by the sender. */
export function importDecision(
  existing: Subscription | undefined,
  row: ImportedSubscriber,
  now: string,
  newId: string,
  secretFor: (id: string, requestedAt: string) => string,
): ImportDecision {
  if (existing?.status === 'unsubscribed') {
    const consentedSince =
      row.consent &&
      existing.unsubscribedAt &&
      Date.parse(row.consent.at) > Date.parse(existing.unsubscribedAt);
    if (!consentedSince) {
      return {
        kind: 'refused',
        reason: `address: unsubscribed on ${existing.unsubscribedAt?.slice(0, 10)}, after the consent given here; only they can subscribe again`,
      };
    }
  }
  const follows = row.follows ?? [];
  const frequency = row.frequency ?? 'immediate';
  const matches = (s: { topics: string[]; follows?: string[]; frequency?: Frequency; language: Language }) =>
    sameSet(s.topics, row.topics) &&
    sameSet(followsOf(s), follows) &&
    frequencyOf(s) === frequency &&
    s.language === row.language;

  if (row.consent) {
    if (existing?.status === 'active' && matches(existing)) return { kind: 'unchanged' };
    const consent = {
      at: row.consent.at,
      topics: row.topics,
      follows,
      frequency,
      language: row.language,
      method: 'imported' as const,
      source: row.consent.source,
    };
    if (!existing) {
      return {
        kind: 'create',
        confirm: false,
        next: {
          id: newId,
          channel: row.channel,
          address: row.address,
          addressHash: row.addressHash,
          status: 'active',
          topics: row.topics,
          follows,
          frequency,
          language: row.language,
          createdAt: now,
          updatedAt: now,
          version: 1,
          consent,
        },
      };
    }
    // Pending or unsubscribed before: active now, its pending request and erasure date gone.
    const { confirmation: _pending, eraseAt: _erasure, unsubscribedAt: _left, ...kept } = existing;
    const stillPending =
      existing.status === 'active' && existing.confirmation ? { confirmation: existing.confirmation } : {};
    return {
      kind: 'update',
      confirm: false,
      next: {
        ...kept,
        ...stillPending,
        status: 'active',
        topics: row.topics,
        follows,
        frequency,
        language: row.language,
        consent,
        updatedAt: now,
        version: existing.version + 1,
      },
    };
  }

  const awaiting =
    existing?.confirmation && !existing.confirmation.usedAt ? existing.confirmation : undefined;
  if (existing?.status === 'active' && matches(existing)) return { kind: 'unchanged' };
  if (awaiting && matches(awaiting) && Date.parse(awaiting.expiresAt) > Date.parse(now))
    return { kind: 'unchanged' };
  const id = existing?.id ?? newId;
  const request = { ...row, follows, frequency };
  const next = requested(existing, request, secretFor(id, now), now, id);
  return { kind: existing ? 'update' : 'create', next, confirm: true };
}
