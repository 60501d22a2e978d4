/**
 * What publishing a case would reach now, before anyone approves it: counts only, never addresses.
 * Followers and reporters come from the audience counters (the case's topic, every topic, the page it
 * corrects, the case's reporters) in one batch read, whatever the audience's size; exact once the
 * stream has applied the latest changes. Nobody is counted twice: the page's followers who follow the
 * topic or every topic too are taken off the page's count (its counter keeps them by topic), and a
 * follower who reported is told once, as a reporter: those are found among the case's reporters (a
 * page of a hundred costs three reads) and taken off the followers.
 */
import type { Language } from '../domain/case.ts';
import { correctionIdLength } from '../domain/correction.ts';
import { NotFound } from '../domain/errors.ts';
import { type Actor, requireCapability } from '../domain/roles.ts';
import { smsSegments } from '../domain/sms.ts';
import { allTopics } from '../domain/topic.ts';
import { pageTarget } from '../domain/url.ts';
import type { AudienceCounters, AudienceCounts, AudienceTally } from '../ports/audience-counters.ts';
import type { CaseStore } from '../ports/case-store.ts';
import type { CorrectionStore } from '../ports/correction-store.ts';
import type { IntakeStore } from '../ports/intake-store.ts';
import type { SubscriptionStore } from '../ports/subscription-store.ts';
import { correctionSms } from '../presentation/messages.ts';
import type { Links } from './links.ts';

export interface AudiencePreview {
  /** Immediate followers of the case's topic, of every topic or of the page it corrects, by channel. */
  email: number;
  sms: number;
  /** Reporters of the case who left a way to reach them, each told once. */
  reporters: number;
  /** The immediate followers by the language they read. */
  byLanguage: Partial<Record<Language, { email: number; sms: number }>>;
  /**
   * The page the correction corrects, if any: its immediate followers who follow neither the topic
   * nor every topic (the ones the page adds; included in email and sms above).
   */
  pages: Array<{ url: string; email: number; sms: number }>;
  /** Daily and weekly subscribers it reaches: they read it in their next digest, not at once. */
  digests: { email: number; sms: number };
  /** Segments of the SMS that would be sent (present once the case has a draft). */
  smsSegments?: number;
}

/** Correction ids are random: until publication, the SMS is measured with the longest possible one. */
export const placeholderCorrectionId = 'x'.repeat(correctionIdLength);

export interface AudienceDeps {
  cases: CaseStore;
  corrections: CorrectionStore;
  audience: AudienceCounters;
  intake: IntakeStore;
  subscriptions: SubscriptionStore;
  links: Links;
}

const noCounts = (): AudienceCounts => ({ email: 0, sms: 0, byLanguage: {} });

/** a + sign × b, by channel and language. */
function plus(a: AudienceCounts, b: AudienceCounts, sign: 1 | -1 = 1): AudienceCounts {
  const sum: AudienceCounts = { email: a.email + sign * b.email, sms: a.sms + sign * b.sms, byLanguage: {} };
  for (const language of new Set([
    ...Object.keys(a.byLanguage),
    ...Object.keys(b.byLanguage),
  ]) as Set<Language>) {
    const x = a.byLanguage[language] ?? { email: 0, sms: 0 };
    const y = b.byLanguage[language] ?? { email: 0, sms: 0 };
    sum.byLanguage[language] = { email: x.email + sign * y.email, sms: x.sms + sign * y.sms };
  }
  return sum;
}

/** What a page's followers add to a topic's audience: those who follow neither the topic nor every topic. */
function pageOnly(page: AudienceTally, topic: string, mode: 'immediate' | 'digests'): AudienceCounts {
  const counts = mode === 'immediate' ? page : page.digests;
  const alongside = [topic, allTopics].map((t) => page.alsoFollowing[t]?.[mode] ?? noCounts());
  return alongside.reduce((rest, also) => plus(rest, also, -1), plus(noCounts(), counts));
}

export async function previewAudience(
  deps: AudienceDeps,
  actor: Actor,
  caseId: string,
): Promise<AudiencePreview> {
  requireCapability(actor, 'read');
  const found = await deps.cases.get(caseId);
  if (!found) throw new NotFound(`No case ${caseId}.`);
  // An amendment corrects the page its correction named when first published, and reaches the
  // reporters of every case behind the correction again (plan-delivery.ts).
  const amended = found.amends ? await deps.corrections.get(found.amends) : undefined;
  const url = found.amends ? amended?.affectedUrl : (found.draft?.affectedUrl ?? found.url);
  const page = url ? pageTarget(url) : undefined;
  const reporterCases = [...new Set([...(amended?.caseIds ?? []), found.id])];
  const [topic, everyTopic, ...rest] = await deps.audience.read([
    { kind: 'topic', topic: found.topic },
    { kind: 'topic', topic: allTopics },
    ...reporterCases.map((caseId) => ({ kind: 'reporters' as const, caseId })),
    ...(page ? [{ kind: 'url' as const, page }] : []),
  ]);
  const reporterTallies = rest.slice(0, reporterCases.length);
  const followers = page ? rest[reporterCases.length] : undefined;
  const tallies = [topic, everyTopic].filter((t): t is AudienceTally => t !== undefined);
  const ofPage = followers ? pageOnly(followers, found.topic, 'immediate') : noCounts();
  let immediate = [...tallies, ofPage].reduce((sum: AudienceCounts, t) => plus(sum, t), noCounts());
  const digests = [
    ...tallies.map((t) => t.digests),
    ...(followers ? [pageOnly(followers, found.topic, 'digests')] : []),
  ].reduce((sum: AudienceCounts, t) => plus(sum, t), noCounts());
  // Reporters who follow too are told as reporters: taken off the followers.
  for (const caseId of reporterCases) {
    let reporterHashes: { hashes: string[]; after?: string } | undefined =
      await deps.intake.reporterHashes(caseId);
    while (reporterHashes) {
      const following = await deps.subscriptions.activeFollowersAmong(reporterHashes.hashes, {
        topics: [found.topic, allTopics],
        ...(page ? { page } : {}),
      });
      for (const follower of following) {
        const one: AudienceCounts = {
          ...noCounts(),
          [follower.channel]: 1,
          byLanguage: { [follower.language]: { email: 0, sms: 0, [follower.channel]: 1 } },
        };
        immediate = plus(immediate, one, -1);
      }
      reporterHashes = reporterHashes.after
        ? await deps.intake.reporterHashes(caseId, reporterHashes.after)
        : undefined;
    }
  }
  const count: AudiencePreview = {
    email: immediate.email,
    sms: immediate.sms,
    reporters: reporterTallies.reduce((sum, tally) => sum + (tally?.email ?? 0) + (tally?.sms ?? 0), 0),
    byLanguage: immediate.byLanguage,
    pages: url ? [{ url, email: ofPage.email, sms: ofPage.sms }] : [],
    digests: { email: digests.email, sms: digests.sms },
  };
  if (!found.draft) return count;
  const sms = correctionSms(
    { ...found.draft, version: found.amends ? 2 : 1 },
    found.language,
    deps.links.permalink(found.amends ?? placeholderCorrectionId),
  );
  return { ...count, smsSegments: smsSegments(sms) };
}
