/**
 * What the notifier does with case changes from the stream: alert the editors when a case becomes
 * high or critical, and tell reporters the outcome when their case is closed without a correction.
 */
import type { Case, Language } from '../domain/case.ts';
import type { DeliveryJob } from '../domain/delivery.ts';
import { reporterRecipient } from '../domain/recipient.ts';
import { isMoreSevere, isUrgent } from '../domain/severity.ts';
import type { DeliveryQueues } from '../ports/delivery-queues.ts';
import type { EditorAlerts } from '../ports/editor-alerts.ts';
import type { IntakeStore } from '../ports/intake-store.ts';
import type { TopicStore } from '../ports/topic-store.ts';
import { urgentCaseAlert } from '../presentation/editor-messages.ts';
import { topicName } from '../presentation/words.ts';

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

/** Queues one closing reply per reporter who left contact details; duplicates are told via their new case. */
export async function replyOnClosure(
  deps: { intake: IntakeStore; queues: DeliveryQueues },
  closed: Case,
): Promise<number> {
  if (closed.resolution?.kind === 'duplicate') return 0;
  let queued = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.intake.submissionsOf(closed.id, cursor);
    const jobs = page.items
      .filter((submission) => reporterRecipient(submission.contact))
      .map(
        (submission): DeliveryJob => ({
          kind: 'reply',
          caseId: closed.id,
          submissionId: submission.id,
          outcome: 'closed',
        }),
      );
    if (jobs.length) await deps.queues.send(jobs);
    queued += jobs.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return queued;
}
