/**
 * What the notifier does with case changes from the stream: alert the editors when a case becomes
 * high or critical, and start telling reporters the outcome when their case is closed without a
 * correction (or moving a merged duplicate's reports to the case it went into).
 */
import type { Case, Language } from '../domain/case.ts';
import type { DeliveryJob } from '../domain/delivery.ts';
import { reporterRecipient } from '../domain/recipient.ts';
import { isMoreSevere, isUrgent } from '../domain/severity.ts';
import type { ContinuationKindName } from '../ports/continuations.ts';
import type { DeliveryQueues } from '../ports/delivery-queues.ts';
import type { EditorAlerts } from '../ports/editor-alerts.ts';
import type { CaseSubmissions, SubmissionUpkeep } from '../ports/submission-store.ts';
import type { TopicStore } from '../ports/topic-store.ts';
import { urgentCaseAlert } from '../presentation/editor-messages.ts';
import { topicName } from '../presentation/words.ts';
import { type ContinuationDeps, type ContinuationKind, startContinuation } from './continuation.ts';

/**
 * Sends an alert if `after` is urgent and more severe than `before` (or new), in the editors'
 * configured language with times in the desk's zone. True if it alerted.
 */
export async function alertIfUrgent(
  deps: {
    alerts: EditorAlerts;
    consoleUrl: string;
    topics: TopicStore;
    config: { alertLanguage: Language; timeZone: string };
  },
  before: Case | undefined,
  after: Case,
): Promise<boolean> {
  if (!isUrgent(after.severity) || (before && !isMoreSevere(after.severity, before.severity))) return false;
  const { alertLanguage: language, timeZone } = deps.config;
  const topic = topicName(await deps.topics.list(), after.topic, language);
  await deps.alerts.publish({
    kind: 'alert',
    ...urgentCaseAlert(after, topic, { language, timeZone, consoleUrl: deps.consoleUrl }),
  });
  return true;
}

/**
 * A case just closed: its reporters are told as a continuation (closing-replies), a merged
 * duplicate's reports move to the case that absorbed it (merge-relink); its reporters are told with
 * that case. Only the start happens here, so a stream invocation never loops over the reports.
 */
export async function onCaseClosed(
  deps: Pick<ContinuationDeps, 'continuationQueue'>,
  closed: Case,
): Promise<ContinuationKindName> {
  const into = closed.resolution?.kind === 'duplicate' ? closed.resolution.duplicateOf : undefined;
  if (into) {
    await startContinuation(deps, 'merge-relink', closed.id, { into });
    return 'merge-relink';
  }
  // The case's topic rides along to each reply (what its delivery is filed under in the figures).
  await startContinuation(deps, 'closing-replies', closed.id, { topic: closed.topic });
  return 'closing-replies';
}

/**
 * A case just ended (published, or closed other than as a duplicate, whose reports move on and
 * expire with the case that absorbed them): its reporters' contacts expire `reporterContactDays`
 * later, stamped by a continuation. True if it started one.
 */
export async function expireContactsOnEnd(
  deps: Pick<ContinuationDeps, 'continuationQueue'> & { config: { reporterContactDays: number } },
  before: Case | undefined,
  after: Case,
): Promise<boolean> {
  const ended = (c: Case | undefined) => c?.status === 'published' || c?.status === 'closed';
  if (!ended(after) || ended(before) || !before) return false;
  if (after.resolution?.kind === 'duplicate') return false;
  const expiresAt = new Date(
    Date.parse(after.updatedAt) + deps.config.reporterContactDays * 24 * 60 * 60 * 1000,
  ).toISOString();
  await startContinuation(deps, 'contact-expiry', after.id, { expiresAt });
  return true;
}

/** A few pages of an ended case's reports a step, each contact given the expiry the case's end set. */
export const expireContacts: ContinuationKind<{ submissionUpkeep: SubmissionUpkeep }> = async (
  deps,
  input,
) => {
  const expiresAt = input.params.expiresAt;
  if (!expiresAt) throw new Error('A contact expiry step needs expiresAt');
  let cursor = input.cursor;
  let handled = 0;
  for (let page = 0; page < pagesPerStep; page++) {
    const stamped = await deps.submissionUpkeep.expireContacts(input.target, expiresAt, cursor);
    handled += stamped.expired;
    cursor = stamped.nextCursor ?? undefined;
    if (!cursor) return { handled };
  }
  return { next: cursor, handled };
};

/** Pages of up to 100 submissions per step: at most a thousand reply jobs. */
const pagesPerStep = 10;

/** One closing reply per reporter who left contact details, a few pages of the case's reports a step. */
export const closingReplies: ContinuationKind<{
  caseSubmissions: CaseSubmissions;
  queues: DeliveryQueues;
}> = async (deps, input) => {
  let cursor = input.cursor;
  let handled = 0;
  for (let page = 0; page < pagesPerStep; page++) {
    const submissions = await deps.caseSubmissions.page(input.target, cursor);
    const jobs = submissions.items.flatMap((submission): DeliveryJob[] => {
      const recipient = reporterRecipient(submission.contact);
      if (!recipient) return [];
      return [
        {
          kind: 'reply',
          channel: recipient.channel,
          caseId: input.target,
          submissionId: submission.id,
          outcome: 'closed',
          ...(input.params.topic ? { topic: input.params.topic } : {}),
        },
      ];
    });
    if (jobs.length) await deps.queues.send(jobs);
    handled += jobs.length;
    cursor = submissions.nextCursor ?? undefined;
    if (!cursor) return { handled };
  }
  return { next: cursor, handled };
};
