/**
 * What publishing a case would reach now, before anyone approves it: counts only, never addresses.
 * Followers and reporters come from the audience counters (the case's topic, every topic, the page it
 * corrects, the case's reporters) in one batch read, whatever the audience's size; exact once the
 * stream has applied the latest changes. Nobody is counted twice: the page's followers who follow the
 * topic or every topic too are taken off the page's count (its counter keeps them by topic), and a
 * follower who reported is told once, as a reporter: those are found among the case's first thousand
 * reporters (one Query, then BatchGets side by side) and taken off the followers; a case with more
 * reporters takes off the same share of the rest, and says the figures are approximate.
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
import type { Followers } from '../ports/followers.ts';
import type { Reporters } from '../ports/reporters.ts';
import { correctionSms } from '../presentation/sms-messages.ts';
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
  /**
   * Present when the case has more reachable reporters than are looked up among the followers
   * (`reportersLookedUp`): the followers they take off are then in proportion, not counted one by one.
   */
  approximate?: true;
  /** Segments of the SMS that would be sent (present once the case has a draft). */
  smsSegments?: number;
}

/** Correction ids are random: until publication, the SMS is measured with the longest possible one. */
export const placeholderCorrectionId = 'x'.repeat(correctionIdLength);

export interface AudienceDeps {
  cases: CaseStore;
  corrections: CorrectionStore;
  audience: AudienceCounters;
  reporters: Reporters;
  followers: Followers;
  links: Links;
}

/** Reporters per case looked up among the followers, in one Query and ten BatchGets side by side. */
export const reportersLookedUp = 1_000;

const noCounts = (): AudienceCounts => ({ email: 0, sms: 0, byLanguage: {} });

/** Counts times `factor`, rounded. */
function scaled(counts: AudienceCounts, factor: number): AudienceCounts {
  if (factor === 1) return counts;
  const times = (n: number) => Math.round(n * factor);
  const byLanguage: AudienceCounts['byLanguage'] = {};
  for (const [language, c] of Object.entries(counts.byLanguage) as [
    Language,
    { email: number; sms: number },
  ][])
    byLanguage[language] = { email: times(c.email), sms: times(c.sms) };
  return { email: times(counts.email), sms: times(counts.sms), byLanguage };
}

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
  const reach = { topics: [found.topic, allTopics], ...(page ? { page } : {}) };
  const overlaps = await Promise.all(
    reporterCases.map(async (caseId, i) => {
      const { hashes, more } = await deps.reporters.hashes(caseId, reportersLookedUp);
      const following = await deps.followers.among(hashes, reach);
      const tally = reporterTallies[i];
      const reporters = (tally?.email ?? 0) + (tally?.sms ?? 0);
      // Past the first thousand, the rest follow in the same proportion as those looked up.
      const scale = more && hashes.length > 0 ? Math.max(1, reporters / hashes.length) : 1;
      return { following, scale, more };
    }),
  );
  for (const { following, scale } of overlaps) {
    const overlap = following.reduce((sum: AudienceCounts, follower) => {
      const one: AudienceCounts = {
        ...noCounts(),
        [follower.channel]: 1,
        byLanguage: { [follower.language]: { email: 0, sms: 0, [follower.channel]: 1 } },
      };
      return plus(sum, one);
    }, noCounts());
    immediate = plus(immediate, scaled(overlap, scale), -1);
  }
  const count: AudiencePreview = {
    email: immediate.email,
    sms: immediate.sms,
    reporters: reporterTallies.reduce((sum, tally) => sum + (tally?.email ?? 0) + (tally?.sms ?? 0), 0),
    byLanguage: immediate.byLanguage,
    pages: url ? [{ url, email: ofPage.email, sms: ofPage.sms }] : [],
    digests: { email: digests.email, sms: digests.sms },
    ...(overlaps.some((o) => o.more) ? { approximate: true as const } : {}),
  };
  if (!found.draft) return count;
  const sms = correctionSms(
    { ...found.draft, version: found.amends ? 2 : 1 },
    found.language,
    deps.links.permalink(found.amends ?? placeholderCorrectionId),
  );
  return { ...count, smsSegments: smsSegments(sms) };
}
