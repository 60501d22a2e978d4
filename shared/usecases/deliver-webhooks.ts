/**
 * Webhook delivery, in two queue steps. fanOutToWebhooks turns one correction.published event into one
 * call job per active webhook (at most `maxWebhooks`: one bounded step). callWebhook makes one signed
 * call; a failure comes back later on the same message (backoff with jitter) until the retry window
 * has passed, and then counts as one failed event; 10 in a row disable the webhook and alert editors.
 * One delivery per (event, webhook): a delivered or failed event is never called again, and a lease
 * keeps two copies of one job from calling at once.
 */
import {
  disableAfterFailedEvents,
  type RetrySchedule,
  retryDelaySeconds,
  webhookEventBody,
  webhookEventId,
  webhookSignature,
} from '../domain/webhook.ts';
import type { Clock } from '../ports/clock.ts';
import type { CorrectionPublished } from '../ports/correction-events.ts';
import type { CorrectionStore } from '../ports/correction-store.ts';
import type { EditorAlerts } from '../ports/editor-alerts.ts';
import type { CallOutcome, WebhookCaller } from '../ports/webhook-caller.ts';
import type { WebhookCalls } from '../ports/webhook-calls.ts';
import type { WebhookCallJob, WebhookQueue } from '../ports/webhook-queue.ts';
import type { StoredWebhook, WebhookStore } from '../ports/webhook-store.ts';
import type { SecretBox } from '../security/secret-box.ts';

/** Longer than one call (10 s) and its bookkeeping: a crashed call's lease lapses well before its retry. */
const callLeaseSeconds = 60;

export interface FanOutDeps {
  webhooks: WebhookStore;
  webhookCalls: WebhookCalls;
  webhookQueue: WebhookQueue;
  clock: Clock;
}

/** Queues a call of the event to every active webhook that has not had it yet. Returns how many. */
export async function fanOutToWebhooks(deps: FanOutDeps, event: CorrectionPublished): Promise<number> {
  const eventId = webhookEventId(event.correctionId, event.version);
  const now = deps.clock.now();
  const targets = (await deps.webhooks.list()).filter(
    (w) => w.status === 'active' && w.events.includes(event.eventType),
  );
  const states = await Promise.all(
    targets.map(async (w) => ({
      webhook: w,
      state: await deps.webhookCalls.openDelivery(w.id, eventId, now, {
        correctionId: event.correctionId,
        version: event.version,
      }),
    })),
  );
  // New ones, and ones a failed earlier fan-out opened but never called; anything further along has
  // its own job already (a re-announcement must not start a second chain of retries).
  const jobs: WebhookCallJob[] = states
    .filter(({ state }) => state.state === 'new' || (state.state === 'pending' && state.attempts === 0))
    .map(({ webhook }) => ({
      kind: 'webhook.call',
      webhookId: webhook.id,
      eventId,
      correctionId: event.correctionId,
      version: event.version,
      queuedAt: now,
    }));
  if (jobs.length) await deps.webhookQueue.enqueue(jobs);
  return jobs.length;
}

export interface CallDeps extends FanOutDeps {
  corrections: CorrectionStore;
  webhookCaller: WebhookCaller;
  secretBox: SecretBox;
  alerts: EditorAlerts;
  consoleUrl: string;
  retrySchedule: RetrySchedule;
}

export type CallResult =
  | { outcome: 'delivered' | 'failed' | 'skipped'; call?: CallOutcome }
  | { outcome: 'retry'; call: CallOutcome; delaySeconds: number };

/** The message must come back later; the handler reports it as a batch item failure. */
export class RetryLater extends Error {
  constructor(readonly result: CallResult) {
    super('The webhook call failed; it is retried later');
  }
}

export async function callWebhook(
  deps: CallDeps,
  job: WebhookCallJob,
  message: { receiptHandle: string },
): Promise<CallResult> {
  const webhook = await deps.webhooks.get(job.webhookId);
  // Removed or disabled: no call is made to it any more.
  if (webhook?.status !== 'active') return { outcome: 'skipped' };
  const attempt = await deps.webhookCalls.claimCall(
    webhook.id,
    job.eventId,
    deps.clock.now(),
    callLeaseSeconds,
  );
  if (attempt === undefined) return { outcome: 'skipped' };

  const counted = { correctionId: job.correctionId, version: job.version };
  const correction = await deps.corrections.get(job.correctionId);
  if (!correction) {
    await deps.webhookCalls.releaseCall(webhook.id, job.eventId);
    throw new Error(`Correction ${job.correctionId} of event ${job.eventId} is not readable yet`);
  }
  const body = webhookEventBody(correction, job.version);
  const secret = await deps.secretBox.open(webhook.sealedSecret, webhook.id);
  const at = deps.clock.now();
  const call = await deps.webhookCaller.post(webhook.url, body, {
    'desk-event-id': job.eventId,
    'desk-signature': webhookSignature(secret, Math.floor(Date.parse(at) / 1000), body),
  });
  await deps.webhookCalls.recordAttempt(webhook.id, {
    eventId: job.eventId,
    at,
    attempt,
    ms: call.ms,
    ok: call.ok,
    ...(call.statusCode !== undefined ? { statusCode: call.statusCode } : {}),
    ...(call.error ? { error: call.error } : {}),
  });

  if (call.ok) {
    await deps.webhookCalls.finishDelivery(webhook.id, job.eventId, 'delivered', {
      ...counted,
      retried: attempt > 1,
    });
    if (webhook.consecutiveFailures > 0) await deps.webhookCalls.resetFailures(webhook.id);
    return { outcome: 'delivered', call };
  }
  const elapsedSeconds = (Date.parse(deps.clock.now()) - Date.parse(job.queuedAt)) / 1000;
  if (elapsedSeconds < deps.retrySchedule.windowSeconds) {
    const delaySeconds = retryDelaySeconds(attempt, deps.retrySchedule);
    await deps.webhookCalls.releaseCall(webhook.id, job.eventId, attempt === 1 ? counted : undefined);
    await deps.webhookQueue.retryLater(message.receiptHandle, delaySeconds);
    throw new RetryLater({ outcome: 'retry', call, delaySeconds });
  }
  if (
    await deps.webhookCalls.finishDelivery(webhook.id, job.eventId, 'failed', {
      ...counted,
      retried: attempt > 1,
    })
  ) {
    const disabled = await deps.webhookCalls.countFailedEvent(
      webhook.id,
      disableAfterFailedEvents,
      deps.clock.now(),
    );
    if (disabled) await alertDisabled(deps, disabled);
  }
  return { outcome: 'failed', call };
}

/** The URL may carry a token of the receiver's: the alert names the host only. */
async function alertDisabled(deps: Pick<CallDeps, 'alerts' | 'consoleUrl'>, webhook: StoredWebhook) {
  const host = new URL(webhook.url).host;
  await deps.alerts.publish({
    kind: 'alert',
    subject: `Webhook disabled: ${host}`,
    text: [
      `The webhook ${webhook.id} (${host}${webhook.description ? `, "${webhook.description}"` : ''}) was disabled after ${disableAfterFailedEvents} events in a row failed.`,
      'It receives nothing until it is turned on again; events published meanwhile are not sent to it.',
      '',
      `Its attempts, and the button to re-enable it once the receiver works: ${deps.consoleUrl}#/webhooks`,
    ].join('\n'),
  });
}
