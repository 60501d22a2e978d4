/**
 * announce: the announcer's verb (the outbox's relay). It sends a pending announcement to the
 * correction-events topic and marks it done. Run from the publisher's stream dispatch when the
 * announcement is written, and by the sweeper for one still pending; sending the same announcement
 * twice is harmless (the planner keeps one plan per version and round), losing one is not.
 */
import type { Announcement, AnnouncementRef } from '../domain/announcement.ts';
import type { AnnouncementStore } from '../ports/announcement-store.ts';
import type { Clock } from '../ports/clock.ts';
import type { CorrectionEvents, CorrectionPublished } from '../ports/correction-events.ts';

export interface AnnounceDeps {
  announcements: AnnouncementStore;
  events: CorrectionEvents;
  clock: Clock;
}

export type AnnounceOutcome = 'announced' | 'done-already' | 'unknown';

export const eventOf = (a: Announcement): CorrectionPublished => ({
  eventType: 'correction.published',
  correctionId: a.correctionId,
  version: a.version,
  topic: a.topic,
  ...(a.page ? { page: a.page } : {}),
  language: a.language,
  caseId: a.caseId,
  publishedAt: a.publishedAt,
  ...(a.round > 0 ? { round: a.round } : {}),
});

export async function announce(deps: AnnounceDeps, ref: AnnouncementRef): Promise<AnnounceOutcome> {
  const announcement = await deps.announcements.get(ref);
  if (!announcement) return 'unknown';
  if (announcement.status === 'done') return 'done-already';
  await deps.events.published(eventOf(announcement));
  await deps.announcements.markDone(ref, deps.clock.now());
  return 'announced';
}
