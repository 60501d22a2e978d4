/**
 * Who a publication reaches, a page at a time: the case's reporters who left contact details, then
 * the active followers of the correction's topic, then those who follow every topic. A follower who
 * also reported is left to the reply, so each person is told once. The planner and the editors'
 * audience preview walk the same pages, so the preview matches what is then delivered.
 */
import { type Recipient, recipientHash, reporterRecipient } from '../domain/recipient.ts';
import type { Submission } from '../domain/submission.ts';
import type { Subscription } from '../domain/subscription.ts';
import { allTopics } from '../domain/topic.ts';
import type { PlanPosition } from '../ports/delivery-queues.ts';
import type { IntakeStore } from '../ports/intake-store.ts';
import type { SubscriptionStore } from '../ports/subscription-store.ts';

export interface AudienceDeps {
  intake: IntakeStore;
  subscriptions: SubscriptionStore;
}

export interface AudiencePage {
  reporters: Array<{ submission: Submission; recipient: Recipient }>;
  followers: Subscription[];
  /** Where the next page starts; absent after the last. */
  next?: PlanPosition;
}

export const firstPosition: PlanPosition = { phase: 'reporters' };

export async function audiencePage(
  deps: AudienceDeps,
  target: { caseId: string; topic: string },
  position: PlanPosition,
  limit: number,
): Promise<AudiencePage> {
  if (position.phase === 'reporters') {
    const page = await deps.intake.submissionsOf(target.caseId, position.cursor);
    const reporters = page.items.flatMap((submission) => {
      const recipient = reporterRecipient(submission.contact);
      return recipient ? [{ submission, recipient }] : [];
    });
    const next: PlanPosition = page.nextCursor
      ? { phase: 'reporters', cursor: page.nextCursor }
      : { phase: 'followers' };
    return { reporters, followers: [], next };
  }
  const topic = position.phase === 'followers' ? target.topic : allTopics;
  const page = await deps.subscriptions.followers(topic, {
    limit,
    ...(position.cursor ? { cursor: position.cursor } : {}),
  });
  // A subscription's addressHash is the recipient hash its reporter marks are keyed by.
  const reported = await deps.intake.reportersAmong(
    target.caseId,
    page.items.map((s) => s.addressHash),
  );
  const followers = page.items.filter((s) => !reported.has(s.addressHash));
  const next: PlanPosition | undefined = page.nextCursor
    ? { phase: position.phase, cursor: page.nextCursor }
    : position.phase === 'followers' && target.topic !== allTopics
      ? { phase: 'followers-of-all' }
      : undefined;
  return { reporters: [], followers, ...(next ? { next } : {}) };
}

export interface AudienceCount {
  email: number;
  sms: number;
  reporters: number;
}

/** The whole audience, counted: reporters by person, followers by channel. */
export async function countAudience(
  deps: AudienceDeps,
  target: { caseId: string; topic: string },
): Promise<AudienceCount> {
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
