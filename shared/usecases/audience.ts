/**
 * Who a publication reaches, a page at a time: the case's reporters who left contact details (for an
 * amendment, the reporters of the cases behind every version so far), then
 * the active followers of the correction's topic, then those who follow every topic, then those who
 * follow the page it corrects. A follower who also reported is left to the reply, and a follower of
 * the page who also follows the topic (or every topic) was met in an earlier phase, so each person is
 * planned once (and the delivery key, per version and person, holds it to one message anyway). The
 * planner and the editors' audience preview count the same people.
 */
import { type Recipient, recipientHash, reporterRecipient } from '../domain/recipient.ts';
import type { Submission } from '../domain/submission.ts';
import type { Subscription } from '../domain/subscription.ts';
import { allTopics } from '../domain/topic.ts';
import type { PlanPosition } from '../ports/delivery-queues.ts';
import type { Followers } from '../ports/followers.ts';
import type { Reporters } from '../ports/reporters.ts';
import type { CaseSubmissions } from '../ports/submission-store.ts';

export interface AudienceDeps {
  caseSubmissions: CaseSubmissions;
  reporters: Reporters;
  followers: Followers;
}

export interface AudiencePage {
  reporters: Array<{ submission: Submission; recipient: Recipient }>;
  followers: Subscription[];
  /** Where the next page starts; absent after the last. */
  next?: PlanPosition;
}

export const firstPosition: PlanPosition = { phase: 'reporters' };

/** What a publication is about: its case, its topic and (if it names one) the pageTarget it corrects. */
export interface AudienceTarget {
  caseId: string;
  topic: string;
  page?: string;
  /**
   * Whose reporters are told, in order: for an amendment, the cases behind every version so far (its
   * reporters hear of each version); absent: the case alone.
   */
  reporterCases?: string[];
}

const reporterCasesOf = (target: AudienceTarget): string[] => target.reporterCases ?? [target.caseId];

/** The follower phases in order; a phase with nothing to walk (no page, or the topic is '*') is left out. */
function followerPhases(target: AudienceTarget): Array<PlanPosition['phase']> {
  return [
    'followers',
    ...(target.topic !== allTopics ? (['followers-of-all'] as const) : []),
    ...(target.page ? (['followers-of-page'] as const) : []),
  ];
}

const followed = (target: AudienceTarget, phase: PlanPosition['phase']): string =>
  phase === 'followers' ? target.topic : phase === 'followers-of-all' ? allTopics : (target.page as string);

/** Whether a follower of the page is reached by the correction's topic already (an earlier phase). */
const byTopic = (s: Subscription, topic: string): boolean =>
  s.topics.includes(topic) || s.topics.includes(allTopics);

export async function audiencePage(
  deps: AudienceDeps,
  target: AudienceTarget,
  position: PlanPosition,
  limit: number,
): Promise<AudiencePage> {
  if (position.phase === 'reporters') {
    const cases = reporterCasesOf(target);
    const index = position.case ?? 0;
    const page = await deps.caseSubmissions.page(cases[index] ?? target.caseId, position.cursor);
    const reporters = page.items.flatMap((submission) => {
      const recipient = reporterRecipient(submission.contact);
      return recipient ? [{ submission, recipient }] : [];
    });
    const next: PlanPosition = page.nextCursor
      ? { phase: 'reporters', ...(index ? { case: index } : {}), cursor: page.nextCursor }
      : index + 1 < cases.length
        ? { phase: 'reporters', case: index + 1 }
        : { phase: 'followers' };
    return { reporters, followers: [], next };
  }
  const page = await deps.followers.of(followed(target, position.phase), {
    limit,
    ...(position.cursor ? { cursor: position.cursor } : {}),
  });
  // A subscription's addressHash is the recipient hash its reporter marks are keyed by.
  const hashes = page.items.map((s) => s.addressHash);
  const reported = new Set(
    (
      await Promise.all(reporterCasesOf(target).map((caseId) => deps.reporters.among(caseId, hashes)))
    ).flatMap((found) => [...found]),
  );
  const followers = page.items.filter(
    (s) =>
      !reported.has(s.addressHash) && !(position.phase === 'followers-of-page' && byTopic(s, target.topic)),
  );
  const phases = followerPhases(target);
  const following = phases[phases.indexOf(position.phase) + 1];
  const next: PlanPosition | undefined = page.nextCursor
    ? { phase: position.phase, cursor: page.nextCursor }
    : following
      ? { phase: following }
      : undefined;
  return { reporters: [], followers, ...(next ? { next } : {}) };
}

export interface AudienceCount {
  email: number;
  sms: number;
  reporters: number;
}

/** The whole audience, counted: reporters by person, followers by channel. */
export async function countAudience(deps: AudienceDeps, target: AudienceTarget): Promise<AudienceCount> {
  const count: AudienceCount = { email: 0, sms: 0, reporters: 0 };
  const reporters = new Set<string>();
  let position: PlanPosition | undefined = firstPosition;
  while (position) {
    const page: AudiencePage = await audiencePage(deps, target, position, 100);
    for (const { recipient } of page.reporters) reporters.add(recipientHash(recipient));
    for (const follower of page.followers) count[follower.channel] += 1;
    position = page.next;
  }
  return { ...count, reporters: reporters.size };
}
