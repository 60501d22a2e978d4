/**
 * What a delivery says, decided once by the sender before any channel words it. Each channel words
 * it its own way (email-wording.ts, sms-wording.ts), and each channel's sender is built with its own
 * wording alone, so it bundles none of the other channel's texts.
 */
import type { Language } from '../domain/case.ts';
import type { PendingConfirmation } from '../domain/subscription.ts';
import type { Email, Sms } from '../ports/messaging.ts';
import type { TopicStore } from '../ports/topic-store.ts';
import type { DigestItem, Outcome, PublishedWording } from '../presentation/messages.ts';
import type { Links } from './links.ts';

export type Message = { language: Language } & (
  | {
      kind: 'correction';
      subscriptionId: string;
      correctionId: string;
      wording: PublishedWording;
      permalink: string;
    }
  /** A subscription request to confirm, with the link token (email) or code (SMS) it is confirmed by. */
  | { kind: 'confirmation'; subscriptionId: string; request: PendingConfirmation; secret: string }
  | {
      kind: 'correction_digest';
      subscriptionId: string;
      correctionIds: string[];
      frequency: 'daily' | 'weekly';
      firstDay: string;
      /** The first corrections listed, in their latest wording; `total` counts them all. */
      items: DigestItem[];
      total: number;
      /** The public list of the period's corrections. */
      periodLink: string;
    }
  | { kind: 'reply'; outcome: Outcome; correctionId?: string }
);

/** What a channel's wording may read besides the message: the links it signs, the topic names. */
export interface WordingDeps {
  links: Links;
  topics: TopicStore;
}

/** How each channel words a message: what its provider is given, but the address. */
export interface Wordings {
  email(message: Message, deps: WordingDeps): Promise<Omit<Email, 'to'>>;
  sms(message: Message, deps: WordingDeps): Promise<Omit<Sms, 'to'>>;
}
