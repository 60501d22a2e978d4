/**
 * A Subscription: one person (one email address or phone number) following topics, owned by the
 * desk rather than by SNS. Double opt-in: nothing is sent but the confirmation until it is active.
 *
 * A new request for an address that already has an active subscription does not touch what is
 * active: the person keeps receiving the topics they confirmed, and the requested topics and
 * language wait in `confirmation` until the new link or code confirms them. Anyone can type
 * someone else's address into the form, so a request alone must never stop, change or reveal an
 * existing subscription; only the address's owner, by confirming, can change what it receives.
 */
import { hashToken, randomToken, tokenMatches } from '../security/tokens.ts';
import type { Language } from './case.ts';

export type Channel = 'email' | 'sms';
export type SubscriptionStatus = 'pending_confirmation' | 'active' | 'unsubscribed';
/** Immediate: a message per correction version; daily or weekly: one digest per period. */
export const frequencies = ['immediate', 'daily', 'weekly'] as const;
export type Frequency = (typeof frequencies)[number];

/** What a subscription asks for: topics, pages followed whatever their topic, how often, in which language. */
export interface Interests {
  /** Topic keys, or ['*'] for every topic; may be empty when pages are followed. */
  topics: string[];
  /** Pages (http or https addresses, as given) whose corrections reach the subscriber, whatever the topic. */
  follows: string[];
  frequency: Frequency;
  language: Language;
}

export interface Consent {
  /** When the person confirmed, what they agreed to, and how. */
  at: string;
  topics: string[];
  follows?: string[];
  frequency?: Frequency;
  language: Language;
  method: 'email-link' | 'sms-code' | 'imported';
  /** Imported consent: where the body recorded it (e.g. "newsletter form 2024"). */
  source?: string;
}

export interface PendingConfirmation {
  /** SHA-256 of the salt and the email link token or SMS code; neither is ever stored. */
  secretHash: string;
  salt: string;
  /** What the request asked for: the subscription's interests once confirmed. */
  topics: string[];
  follows?: string[];
  frequency?: Frequency;
  language: Language;
  requestedAt: string;
  expiresAt: string;
  /** Wrong SMS codes so far; at the limit the confirmation is locked until a new request. */
  failedAttempts: number;
  /** Once confirmed the secret changes nothing more, but still answers (confirming twice is fine). */
  usedAt?: string;
}

export interface Subscription {
  id: string;
  channel: Channel;
  /** Private: never in a response, a log line or a public page. */
  address: string;
  /** Identifies the person across channels' records (reporters, deliveries) without the address. */
  addressHash: string;
  status: SubscriptionStatus;
  /** Topic keys, or ['*'] for every topic. */
  topics: string[];
  /** Pages followed (absent on subscriptions made before 1.1: none). */
  follows?: string[];
  /** Absent on subscriptions made before 1.1: immediate. */
  frequency?: Frequency;
  language: Language;
  createdAt: string;
  updatedAt: string;
  /** Counts changes; every write is conditioned on it so concurrent requests cannot interleave. */
  version: number;
  confirmation?: PendingConfirmation;
  consent?: Consent;
  unsubscribedAt?: string;
  /** Why it ended when the person did not end it themselves: the address was suppressed. */
  endedBy?: 'bounce' | 'complaint' | 'opt_out' | 'erased';
  /** When the subscription and its address are erased: after unsubscribing, or if nobody confirms it. */
  eraseAt?: string;
}

/** How long a confirmation may be used: an SMS code is typed at once, an email may wait a few days. */
export const confirmationMinutes: Record<Channel, number> = { email: 3 * 24 * 60, sms: 15 };
export const maxFailedCodes = 5;
/** Each followed topic and page is one item written in the subscription's transaction (at most 100 actions). */
export const maxTopics = 40;
export const maxFollows = 20;

export const followsOf = (s: { follows?: string[] }): string[] => s.follows ?? [];
export const frequencyOf = (s: { frequency?: Frequency }): Frequency => s.frequency ?? 'immediate';
/** A request nobody confirmed is kept a day past its expiry (to answer "expired"), then erased. */
const unconfirmedGraceMinutes = 24 * 60;

/** How an address is written down so one person is one subscription (emails are case-insensitive). */
export const canonicalAddress = (channel: Channel, address: string): string =>
  channel === 'email' ? address.trim().toLowerCase() : address.trim();

/** l***@example.org, +86*******8000: enough to recognise one's own, not to learn someone else's. */
export function maskAddress(channel: Channel, address: string): string {
  if (channel === 'email') {
    const [local = '', domain = ''] = address.split('@');
    return `${[...local][0] ?? ''}***@${domain}`;
  }
  return `${address.slice(0, 3)}${'*'.repeat(Math.max(0, address.length - 7))}${address.slice(-4)}`;
}

/** As the contract shows it: `suppressed` answers a request for an address that gets nothing more. */
export type ViewStatus = SubscriptionStatus | 'suppressed';

/** What the contract shows of a subscription. */
export function subscriptionView(s: Subscription) {
  return {
    id: s.id,
    channel: s.channel,
    status: s.status as ViewStatus,
    topics: s.topics,
    follows: followsOf(s),
    frequency: frequencyOf(s),
    language: s.language,
    maskedAddress: maskAddress(s.channel, s.address),
    createdAt: s.createdAt,
  };
}

export type SubscriptionView = ReturnType<typeof subscriptionView>;

/**
 * What the answer to a subscription request shows: the request awaiting confirmation, as of when it
 * was made. It is the same whether or not the address was subscribed already, so the form cannot be
 * used to learn whether someone subscribes, or to what.
 */
export function requestView(s: Subscription): SubscriptionView {
  const pending = s.confirmation;
  if (!pending) throw new Error(`Subscription ${s.id} has no request awaiting confirmation`);
  return {
    ...subscriptionView(s),
    status: 'pending_confirmation',
    topics: pending.topics,
    follows: followsOf(pending),
    frequency: frequencyOf(pending),
    language: pending.language,
    createdAt: pending.requestedAt,
  };
}

const plusMinutes = (at: string, minutes: number): string =>
  new Date(Date.parse(at) + minutes * 60_000).toISOString();

const salted = (salt: string, secret: string): string => `${salt}\n${secret}`;

export interface SubscriptionRequest extends Interests {
  channel: Channel;
  address: string;
  addressHash: string;
}

/**
 * The subscription after a request: a new one (or a fresh start after unsubscribing) is pending;
 * a pending one has its topics replaced; an active one stays as it is until the new request is
 * confirmed. Every request gets a new secret: earlier links and codes stop working.
 */
export function requested(
  existing: Subscription | undefined,
  request: SubscriptionRequest,
  secret: string,
  now: string,
  newId: string,
): Subscription {
  const salt = randomToken(16);
  const confirmation: PendingConfirmation = {
    secretHash: hashToken(salted(salt, secret)),
    salt,
    topics: request.topics,
    follows: request.follows,
    frequency: request.frequency,
    language: request.language,
    requestedAt: now,
    expiresAt: plusMinutes(now, confirmationMinutes[request.channel]),
    failedAttempts: 0,
  };
  const unconfirmedEraseAt = plusMinutes(confirmation.expiresAt, unconfirmedGraceMinutes);
  if (existing?.status === 'active') {
    return { ...existing, confirmation, updatedAt: now, version: existing.version + 1 };
  }
  const base = {
    channel: request.channel,
    address: canonicalAddress(request.channel, request.address),
    addressHash: request.addressHash,
    status: 'pending_confirmation' as const,
    topics: request.topics,
    follows: request.follows,
    frequency: request.frequency,
    language: request.language,
    updatedAt: now,
    confirmation,
    eraseAt: unconfirmedEraseAt,
  };
  if (existing?.status === 'pending_confirmation') {
    return { ...existing, ...base, version: existing.version + 1 };
  }
  // New, or unsubscribed and back: a fresh double opt-in under the same id; the withdrawn consent goes.
  return {
    id: existing?.id ?? newId,
    ...base,
    createdAt: now,
    version: (existing?.version ?? 0) + 1,
  };
}

export type SecretCheck = 'none' | 'locked' | 'expired' | 'wrong' | 'right' | 'used';

/**
 * How a link token or SMS code fares against the pending confirmation. Compared in constant time;
 * a used secret still matches (so confirming twice answers the same), an expired one does not.
 */
export function checkSecret(s: Subscription, secret: string, now: string): SecretCheck {
  const pending = s.confirmation;
  if (!pending) return 'none';
  if (pending.failedAttempts >= maxFailedCodes) return 'locked';
  const matches = tokenMatches(salted(pending.salt, secret), pending.secretHash);
  if (pending.usedAt) return matches ? 'used' : 'wrong';
  if (Date.parse(now) >= Date.parse(pending.expiresAt)) return 'expired';
  return matches ? 'right' : 'wrong';
}

/** The request confirmed: its topics and language take effect, and the consent is recorded. */
export function confirmed(s: Subscription, now: string): Subscription {
  const pending = s.confirmation;
  if (!pending || pending.usedAt) throw new Error(`Subscription ${s.id} has nothing to confirm`);
  const { eraseAt: _erasure, ...kept } = s;
  return {
    ...kept,
    status: 'active',
    topics: pending.topics,
    follows: followsOf(pending),
    frequency: frequencyOf(pending),
    language: pending.language,
    consent: {
      at: now,
      topics: pending.topics,
      follows: followsOf(pending),
      frequency: frequencyOf(pending),
      language: pending.language,
      method: s.channel === 'email' ? 'email-link' : 'sms-code',
    },
    confirmation: { ...pending, usedAt: now },
    updatedAt: now,
    version: s.version + 1,
  };
}

/** Stopped: nothing more is sent, a pending request dies with it, the address is erased later. */
export function unsubscribed(
  s: Subscription,
  now: string,
  retentionDays: number,
  endedBy?: Subscription['endedBy'],
): Subscription {
  const { confirmation: _pending, ...kept } = s;
  return {
    ...kept,
    status: 'unsubscribed',
    unsubscribedAt: now,
    ...(endedBy ? { endedBy } : {}),
    eraseAt: plusMinutes(now, retentionDays * 24 * 60),
    updatedAt: now,
    version: s.version + 1,
  };
}

/**
 * The owner changed what an active subscription receives (from the manage page, which only the
 * holder of its link can open): it takes effect at once, as a new version.
 */
export function changed(s: Subscription, interests: Interests, now: string): Subscription {
  if (s.status !== 'active') throw new Error(`Subscription ${s.id} is not active`);
  return { ...s, ...interests, updatedAt: now, version: s.version + 1 };
}
