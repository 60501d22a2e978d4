/**
 * publishCorrection: the publisher's verb, run for each approved case the stream brings (and by the
 * sweeper for a case stuck in approved). It writes the correction (or its next version), moves the
 * case to published, appends the version to the public log, records (first publication) its time to
 * correction, writes its announcement (the outbox entry) and files the version under its page's
 * notices, all in one transaction: the announcer then tells the correction-events topic from the
 * stream, so a publication is never public without being announced. A replayed record finds the case published and does nothing.
 */
import { announcementOf } from '../domain/announcement.ts';
import { systemActor } from '../domain/case.ts';
import { type Correction, correctionIdLength, publishFrom } from '../domain/correction.ts';
import { decide } from '../domain/lifecycle.ts';
import { nextEntry } from '../domain/public-log.ts';
import type { SeverityPolicy } from '../domain/severity.ts';
import { firstPublication } from '../domain/time-to-correction.ts';
import type { CaseStore } from '../ports/case-store.ts';
import type { Clock } from '../ports/clock.ts';
import type { CorrectionStore } from '../ports/correction-store.ts';
import { LogMovedOn, type PublicLog } from '../ports/public-log.ts';
import type { Publication, Publications } from '../ports/publications.ts';
import { randomId } from '../security/tokens.ts';

export interface PublishDeps {
  cases: CaseStore;
  corrections: CorrectionStore;
  publications: Publications;
  log: PublicLog;
  clock: Clock;
  policy: SeverityPolicy;
  /** The zone whose calendar months the public figures use. */
  config: { timeZone: string };
}

export type PublishOutcome =
  | { outcome: 'published'; correction: Correction; minutesToCorrection: number }
  | { outcome: 'published-already'; correctionId: string }
  | { outcome: 'nothing-to-do' };

const system = { id: systemActor, roles: [] };

export async function publishCorrection(deps: PublishDeps, caseId: string): Promise<PublishOutcome> {
  const current = await deps.cases.get(caseId);
  if (current?.status === 'published' && current.correctionId)
    return { outcome: 'published-already', correctionId: current.correctionId };
  if (current?.status !== 'approved') return { outcome: 'nothing-to-do' };

  const now = deps.clock.now();
  const amended = current.amends ? await deps.corrections.get(current.amends) : undefined;
  if (current.amends && !amended)
    throw new Error(`Case ${caseId} amends unknown correction ${current.amends}`);
  const correction = publishFrom(current, amended, randomId(correctionIdLength), now);
  const decision = decide(current, { action: 'publish', correctionId: correction.id }, system, {
    now,
    policy: deps.policy,
  });
  const first =
    correction.version === 1
      ? { firstPublication: firstPublication(correction.topic, current.createdAt, now, deps.config.timeZone) }
      : {};
  const announcement = announcementOf(correction, correction.version, caseId, now);
  if (
    !(await publishAndLog(deps, { correction, decision, approved: current, announcement, ...first }, now))
  ) {
    const after = await deps.cases.get(caseId);
    return after?.correctionId
      ? { outcome: 'published-already', correctionId: after.correctionId }
      : { outcome: 'nothing-to-do' };
  }
  const minutesToCorrection = (Date.parse(now) - Date.parse(current.createdAt)) / 60_000;
  return { outcome: 'published', correction, minutesToCorrection };
}

/**
 * The publication with its log entry, chained after the head as read; when another publication
 * appended first, the entry is built again after the new head.
 */
async function publishAndLog(
  deps: PublishDeps,
  publication: Omit<Publication, 'logEntry'>,
  now: string,
): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    const head = await deps.log.head();
    const logEntry = nextEntry(head, publication.correction, publication.correction.version, now);
    try {
      return await deps.publications.publish({ ...publication, logEntry });
    } catch (error) {
      if (!(error instanceof LogMovedOn) || attempt >= logAttempts) throw error;
    }
  }
}

/** Publications racing for the log's next seq: each attempt loses to at most the ones that won. */
const logAttempts = 20;
