/**
 * What the notifier does with case changes from the stream: alert the editors when a case becomes
 * high or critical, and tell reporters the outcome when their case is closed without a correction.
 */
import type { Case } from '../domain/case.ts';
import type { DeliveryJob } from '../domain/delivery.ts';
import { reporterRecipient } from '../domain/recipient.ts';
import { isMoreSevere, isUrgent } from '../domain/severity.ts';
import type { DeliveryQueues } from '../ports/delivery-queues.ts';
import type { EditorAlerts } from '../ports/editor-alerts.ts';
import type { IntakeStore } from '../ports/intake-store.ts';
import { shorten } from '../presentation/text.ts';

/** Sends an alert if `after` is urgent and more severe than `before` (or new). True if it alerted. */
export async function alertIfUrgent(
  deps: { alerts: EditorAlerts; consoleUrl: string },
  before: Case | undefined,
  after: Case,
): Promise<boolean> {
  if (!isUrgent(after.severity) || (before && !isMoreSevere(after.severity, before.severity))) return false;
  const link = `${deps.consoleUrl}#/cases/${encodeURIComponent(after.id)}`;
  await deps.alerts.publish({
    kind: 'alert',
    subject: `[${after.severity}] ${after.topic}: ${shorten(after.text, 60)}`,
    text: [
      `Case ${after.id} is ${after.severity} (${after.reportCount} report(s)); review is due by ${after.dueAt}.`,
      `Topic: ${after.topic} · Status: ${after.status} · Source: ${after.source}`,
      ...(after.url ? [`Page: ${after.url}`] : []),
      '',
      shorten(after.text, 1000),
      '',
      `Open it in the console: ${link}`,
    ].join('\n'),
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
