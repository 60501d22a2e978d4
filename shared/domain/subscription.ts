/**
 * A Subscription: one person (one email address or phone number) following topics, owned by the
 * desk rather than by SNS. Double opt-in: nothing is sent but the confirmation until it is active.
 */
import type { Language } from './case.ts';

export type Channel = 'email' | 'sms';
export type SubscriptionStatus = 'pending_confirmation' | 'active' | 'unsubscribed';

export interface Consent {
  /** When the person confirmed, what they agreed to, and how. */
  at: string;
  topics: string[];
  language: Language;
  method: 'email-link' | 'sms-code';
}

export interface PendingConfirmation {
  /** SHA-256 of the email link token or of the SMS code (salted with the subscription id). */
  secretHash: string;
  expiresAt: string;
  /** Wrong SMS codes so far; at the limit the confirmation is locked until a new request. */
  failedAttempts: number;
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
  language: Language;
  createdAt: string;
  updatedAt: string;
  confirmation?: PendingConfirmation;
  consent?: Consent;
  unsubscribedAt?: string;
}

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

/** What the contract shows of a subscription. */
export function subscriptionView(s: Subscription) {
  return {
    id: s.id,
    channel: s.channel,
    status: s.status,
    topics: s.topics,
    language: s.language,
    maskedAddress: maskAddress(s.channel, s.address),
    createdAt: s.createdAt,
  };
}
