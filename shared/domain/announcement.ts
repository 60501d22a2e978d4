/**
 * An Announcement: the outbox entry that says "tell the world about this version". The transaction
 * that publishes a version writes its announcement (round 0); an editor's re-announcement after an
 * outage writes another round. The announcer sends each to the correction-events topic once it is in
 * the table, and marks it done; the sweeper re-drives any still pending after a few minutes.
 */
import type { Language } from './case.ts';
import type { Correction } from './correction.ts';
import { pageTarget } from './url.ts';

export interface AnnouncementRef {
  correctionId: string;
  version: number;
  /** 0: the publication itself; later rounds: re-announcements, which revive parked deliveries. */
  round: number;
}

export interface Announcement extends AnnouncementRef {
  caseId: string;
  topic: string;
  /** The pageTarget of the correction's affected page, if any (its followers are in the audience). */
  page?: string;
  language: Language;
  publishedAt: string;
  status: 'pending' | 'done';
  createdAt: string;
  announcedAt?: string;
  /** Who asked for a re-announcement. */
  requestedBy?: string;
}

/** A version's announcement, pending, as the publication (round 0) or a re-announcement writes it. */
export function announcementOf(
  correction: Correction,
  version: number,
  caseId: string,
  now: string,
  round = 0,
  requestedBy?: string,
): Announcement {
  const published = correction.versions.find((v) => v.version === version);
  if (!published) throw new Error(`Correction ${correction.id} has no version ${version}`);
  return {
    correctionId: correction.id,
    version,
    round,
    caseId,
    topic: correction.topic,
    ...(correction.affectedUrl ? { page: pageTarget(correction.affectedUrl) } : {}),
    language: correction.language,
    publishedAt: published.publishedAt,
    status: 'pending',
    createdAt: now,
    ...(requestedBy ? { requestedBy } : {}),
  };
}

/** How long an announcement may stay pending before the sweeper re-drives it (the stream is seconds). */
export const announcementGraceMinutes = 3;
