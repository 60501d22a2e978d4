/**
 * sendDelivery: the sender's verb. It looks the person up again (an unsubscribed address gets
 * nothing more), renders the message in their language and channel, and sends it at most once per
 * delivery key: a replayed job finds the delivery sent; a failed send is recorded and retried.
 */
import type { Language } from '../domain/case.ts';
import type { Correction, CorrectionVersion } from '../domain/correction.ts';
import { type DeliveryJob, deliveryKey } from '../domain/delivery.ts';
import { type Recipient, recipientHash, reporterRecipient } from '../domain/recipient.ts';
import { allTopics } from '../domain/topic.ts';
import type { CaseStore } from '../ports/case-store.ts';
import type { Clock } from '../ports/clock.ts';
import type { CorrectionStore } from '../ports/correction-store.ts';
import type { DeliveryStore } from '../ports/delivery-store.ts';
import type { IntakeStore } from '../ports/intake-store.ts';
import type { EmailSender, SmsSender } from '../ports/messaging.ts';
import type { SubscriptionStore } from '../ports/subscription-store.ts';
import {
  correctionEmail,
  correctionSms,
  type Outcome,
  type PublishedWording,
  type RenderedEmail,
  replyEmail,
  replySms,
} from '../presentation/messages.ts';
import type { Links } from './links.ts';

export interface SendDeps {
  subscriptions: SubscriptionStore;
  intake: IntakeStore;
  cases: CaseStore;
  corrections: CorrectionStore;
  deliveries: DeliveryStore;
  email: EmailSender;
  sms: SmsSender;
  links: Links;
  clock: Clock;
}

export type SendOutcome =
  | { outcome: 'sent'; topic: string }
  | { outcome: 'already-sent'; topic: string }
  | { outcome: 'nobody-to-send-to'; reason: string };

/** Another attempt holds this delivery right now; the job is retried after the visibility timeout. */
export class DeliveryInFlight extends Error {}

/** The transport refused or failed; the Delivery says so, and the job is retried. */
export class DeliveryFailed extends Error {
  constructor(
    readonly topic: string,
    cause: Error,
  ) {
    super(cause.message, { cause });
  }
}

/** Long enough for one send; a crashed attempt's delivery is retried after it. */
const leaseSeconds = 60;

interface Prepared {
  recipient: Recipient;
  topic: string;
  language: Language;
  email: () => { rendered: RenderedEmail; headers?: Record<string, string> };
  sms: () => string;
  correctionId?: string;
}

const wordingOf = (version: CorrectionVersion): PublishedWording => ({
  type: version.type,
  headline: version.headline,
  body: version.body,
  version: version.version,
  ...(version.smsText ? { smsText: version.smsText } : {}),
  ...(version.note ? { note: version.note } : {}),
});

async function publishedVersion(deps: SendDeps, correctionId: string, version: number) {
  const correction = await deps.corrections.get(correctionId);
  const published = correction?.versions.find((v) => v.version === version);
  if (!correction || !published) throw new Error(`Correction ${correctionId} has no version ${version}`);
  return { correction, wording: wordingOf(published) };
}

async function prepare(deps: SendDeps, job: DeliveryJob): Promise<Prepared | string> {
  if (job.kind === 'correction') {
    const subscription = await deps.subscriptions.get(job.subscriptionId);
    if (subscription?.status !== 'active') return 'the subscription is not active';
    const { correction, wording } = await publishedVersion(deps, job.correctionId, job.version);
    if (!follows(subscription.topics, correction)) return 'the subscription no longer follows the topic';
    const permalink = deps.links.permalink(correction.id);
    return {
      recipient: { channel: subscription.channel, address: subscription.address },
      topic: correction.topic,
      language: subscription.language,
      correctionId: correction.id,
      email: () => ({
        rendered: correctionEmail(wording, subscription.language, {
          permalink,
          unsubscribe: deps.links.unsubscribePage(subscription.id),
        }),
        // RFC 8058: mail clients offer one-click unsubscribe by POSTing to this address.
        headers: {
          'List-Unsubscribe': `<${deps.links.oneClickUnsubscribe(subscription.id)}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      }),
      sms: () => correctionSms(wording, subscription.language, permalink),
    };
  }
  const submission = await deps.intake.getSubmission(job.submissionId);
  const recipient = reporterRecipient(submission?.contact);
  if (!submission || !recipient) return 'the reporter left no contact details';
  let outcome: Outcome = { kind: 'closed' };
  let topic = (await deps.cases.get(job.caseId))?.topic ?? 'unknown';
  if (job.outcome === 'published' && job.correctionId && job.version) {
    const { correction, wording } = await publishedVersion(deps, job.correctionId, job.version);
    outcome = { kind: 'published', wording, permalink: deps.links.permalink(correction.id) };
    topic = correction.topic;
  }
  return {
    recipient,
    topic,
    language: submission.language,
    ...(job.correctionId ? { correctionId: job.correctionId } : {}),
    email: () => ({ rendered: replyEmail(outcome, submission.language) }),
    sms: () => replySms(outcome, submission.language),
  };
}

const follows = (topics: string[], correction: Correction): boolean =>
  topics.includes(allTopics) || topics.includes(correction.topic);

export async function sendDelivery(
  deps: SendDeps,
  job: DeliveryJob,
  attempt: { last: boolean },
): Promise<SendOutcome> {
  const prepared = await prepare(deps, job);
  if (typeof prepared === 'string') return { outcome: 'nobody-to-send-to', reason: prepared };
  const { recipient, topic } = prepared;
  const hash = recipientHash(recipient);
  const key = deliveryKey(job, hash);
  const now = deps.clock.now();
  const claim = await deps.deliveries.claim(
    {
      key,
      kind: job.kind,
      channel: recipient.channel,
      recipientHash: hash,
      topic,
      ...(job.kind === 'correction' || job.outcome === 'published'
        ? { correctionId: job.correctionId, version: job.version }
        : {}),
      ...(job.kind === 'reply' ? { caseId: job.caseId } : {}),
    },
    now,
    leaseSeconds,
  );
  if (claim === 'done') return { outcome: 'already-sent', topic };
  if (claim === 'in-flight') throw new DeliveryInFlight(`Delivery ${key} is being sent by another attempt`);
  const kind = job.kind;
  try {
    let messageId: string;
    if (recipient.channel === 'email') {
      const { rendered, headers } = prepared.email();
      messageId = await deps.email.send({
        to: recipient.address,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        kind,
        ...(headers ? { headers } : {}),
        ...(prepared.correctionId ? { correctionId: prepared.correctionId } : {}),
      });
    } else {
      messageId = await deps.sms.send({
        to: recipient.address,
        body: prepared.sms(),
        kind,
        ...(prepared.correctionId ? { correctionId: prepared.correctionId } : {}),
      });
    }
    await deps.deliveries.markSent(key, messageId, deps.clock.now());
    return { outcome: 'sent', topic };
  } catch (error) {
    await deps.deliveries.markFailed(key, (error as Error).message, attempt.last, deps.clock.now());
    throw new DeliveryFailed(topic, error as Error);
  }
}
