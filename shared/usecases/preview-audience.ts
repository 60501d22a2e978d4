/**
 * What publishing a case would reach now, before anyone approves it: counts only, never addresses.
 * Followers and reporters come from the audience counters (the case's topic, every topic, the case's
 * reporters) in one batch read, whatever the audience's size; exact once the stream has applied the
 * latest changes. A follower who reported is told once, as a reporter: those are found among the
 * case's reporters (a page of a hundred costs three reads) and taken off the followers.
 */
import type { Language } from '../domain/case.ts';
import { correctionIdLength } from '../domain/correction.ts';
import { NotFound } from '../domain/errors.ts';
import { type Actor, requireCapability } from '../domain/roles.ts';
import { smsSegments } from '../domain/sms.ts';
import type { Channel } from '../domain/subscription.ts';
import { allTopics } from '../domain/topic.ts';
import type { AudienceCounters } from '../ports/audience-counters.ts';
import type { CaseStore } from '../ports/case-store.ts';
import type { IntakeStore } from '../ports/intake-store.ts';
import type { SubscriptionStore } from '../ports/subscription-store.ts';
import { correctionSms } from '../presentation/messages.ts';
import type { Links } from './links.ts';

export interface AudiencePreview {
  /** Followers of the case's topic or of every topic, by channel. */
  email: number;
  sms: number;
  /** Reporters of the case who left a way to reach them, each told once. */
  reporters: number;
  /** The followers by the language they read. */
  byLanguage: Partial<Record<Language, { email: number; sms: number }>>;
  /** Segments of the SMS that would be sent (present once the case has a draft). */
  smsSegments?: number;
}

/** Correction ids are random: until publication, the SMS is measured with the longest possible one. */
export const placeholderCorrectionId = 'x'.repeat(correctionIdLength);

export interface AudienceDeps {
  cases: CaseStore;
  audience: AudienceCounters;
  intake: IntakeStore;
  subscriptions: SubscriptionStore;
  links: Links;
}

export async function previewAudience(
  deps: AudienceDeps,
  actor: Actor,
  caseId: string,
): Promise<AudiencePreview> {
  requireCapability(actor, 'read');
  const found = await deps.cases.get(caseId);
  if (!found) throw new NotFound(`No case ${caseId}.`);
  const [topic, everyTopic, reporters] = await deps.audience.read([
    { kind: 'topic', topic: found.topic },
    { kind: 'topic', topic: allTopics },
    { kind: 'reporters', caseId: found.id },
  ]);
  const count: AudiencePreview = {
    email: 0,
    sms: 0,
    reporters: (reporters?.email ?? 0) + (reporters?.sms ?? 0),
    byLanguage: {},
  };
  const add = (channel: Channel, language: Language, n: number) => {
    count[channel] += n;
    const sum = count.byLanguage[language] ?? { email: 0, sms: 0 };
    sum[channel] += n;
    count.byLanguage[language] = sum;
  };
  for (const tally of [topic, everyTopic]) {
    if (!tally) continue;
    for (const [language, counts] of Object.entries(tally.byLanguage) as Array<
      [Language, { email: number; sms: number }]
    >) {
      add('email', language, counts.email);
      add('sms', language, counts.sms);
    }
  }
  let page: { hashes: string[]; after?: string } | undefined = await deps.intake.reporterHashes(found.id);
  while (page) {
    const following = await deps.subscriptions.activeFollowersAmong(page.hashes, [found.topic, allTopics]);
    for (const follower of following) add(follower.channel, follower.language, -1);
    page = page.after ? await deps.intake.reporterHashes(found.id, page.after) : undefined;
  }
  if (!found.draft) return count;
  const sms = correctionSms(
    { ...found.draft, version: found.amends ? 2 : 1 },
    found.language,
    deps.links.permalink(found.amends ?? placeholderCorrectionId),
  );
  return { ...count, smsSegments: smsSegments(sms) };
}
