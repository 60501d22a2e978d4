/**
 * sendDelivery: the sender's verb, in two halves so that a batch can be paced as a whole.
 * `claimDelivery` looks the person up again (an unsubscribed address gets nothing more), renders the
 * message in their language and channel, and claims the delivery key; `completeDelivery` calls the
 * provider, records the acceptance at once, then marks the delivery sent with its counter.
 *
 * Once the provider has accepted a message no path sends it again: a retry finds the delivery
 * accepted and only finishes it. A throttle is not a failure: the claim is let go and the job comes
 * back later. Only real failures count toward parking.
 */
import type { CorrectionVersion } from '../domain/correction.ts';
import { countedVersion, type DeliveryJob, deliveryKey } from '../domain/delivery.ts';
import { reaches } from '../domain/reach.ts';
import { type Recipient, recipientHash, reporterRecipient } from '../domain/recipient.ts';
import { type Channel, frequencyOf } from '../domain/subscription.ts';
import { allTopics } from '../domain/topic.ts';
import type { Clock } from '../ports/clock.ts';
import type { CorrectionStore } from '../ports/correction-store.ts';
import type { Counted, DeliveryStore } from '../ports/delivery-store.ts';
import { type EmailSender, errorName, isThrottle, type SmsSender } from '../ports/messaging.ts';
import type { SendPacer } from '../ports/send-pacer.ts';
import type { SubmissionStore } from '../ports/submission-store.ts';
import type { SubscriptionStore } from '../ports/subscription-store.ts';
import type { TopicStore } from '../ports/topic-store.ts';
import { digestItemsListed, type Outcome, type PublishedWording } from '../presentation/messages.ts';
import type { Signer } from '../security/tokens.ts';
import type { Links } from './links.ts';
import type { Message, Wordings } from './message.ts';
import { queuedConfirmation } from './queued-confirmation.ts';
import type { SuppressDeps } from './suppress-address.ts';

export interface SendDeps extends SuppressDeps {
  subscriptions: SubscriptionStore;
  submissions: SubmissionStore;
  corrections: CorrectionStore;
  deliveries: DeliveryStore;
  /**
   * The providers this sender calls: each channel has a sender of its own (with that channel's
   * provider alone); a job whose person turns out to be on the other channel is handed to its queue.
   */
  email?: EmailSender;
  sms?: SmsSender;
  /** How the channels this sender sends word a message: each channel's sender bundles its own alone. */
  wordings: Partial<Wordings>;
  /** Where a provider can say that the person opted out (SMS: sms-opt-out.ts); email has none. */
  optedOut?: OptedOut;
  pacer: SendPacer;
  links: Links;
  clock: Clock;
  topics: TopicStore;
  signer: Signer;
}

/** How a job ended this time; `retry` ones come back later, the rest are done with. */
export type SendOutcome =
  | { outcome: 'sent'; topic: string; channel: Channel }
  | { outcome: 'already-sent' }
  | { outcome: 'nobody-to-send-to'; reason: string }
  | { outcome: 'retry'; reason: 'throttled' | 'in-flight' | 'failed' | 'no-token'; topic?: string }
  | { outcome: 'parked'; topic: string; error: string }
  /** The person is on a channel this sender does not send: the job belongs on that channel's queue. */
  | { outcome: 'elsewhere'; channel: Channel };

/** A delivery this attempt holds: the provider may be called (or, if accepted earlier, only finished). */
export interface Claimed {
  key: string;
  channel: Channel;
  topic: string;
  counted: Counted | undefined;
  failures: number;
  acceptedEarlier: boolean;
  recipient: Recipient;
  /** Calls the provider; resolves with its message id. */
  transmit(): Promise<string>;
}

/**
 * Whether a refused send means the person opted out of the channel; if so, it has suppressed the
 * address (their subscription ends) and the job is done.
 */
export type OptedOut = (deps: SuppressDeps, recipient: Recipient, refusal: unknown) => Promise<boolean>;

/** Longer than a batch's wait for tokens plus its sends; a crashed attempt's delivery is retried after it. */
export const leaseSeconds = 60;

/** The message worded for the person's channel, ready for that channel's provider. */
async function worded(
  deps: SendDeps,
  recipient: Recipient,
  message: Message,
): Promise<() => Promise<string>> {
  const to = recipient.address;
  if (recipient.channel === 'sms') {
    const { sms, wordings } = deps;
    if (!sms || !wordings.sms) throw new Error('This sender does not send SMS');
    const worded = await wordings.sms(message, deps);
    return () => sms.send({ to, ...worded });
  }
  const { email, wordings } = deps;
  if (!email || !wordings.email) throw new Error('This sender does not send email');
  const worded = await wordings.email(message, deps);
  return () => email.send({ to, ...worded });
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

interface Prepared {
  recipient: Recipient;
  topic: string;
  message: Message;
}

type Unprepared = { reason: string; settleKey?: string };

async function prepare(deps: SendDeps, job: DeliveryJob): Promise<Prepared | Unprepared> {
  if (job.kind === 'correction') {
    const subscription = await deps.subscriptions.get(job.subscriptionId);
    // Ended for good, and counted once, under a key of the job itself (the address may be erased).
    const settleKey = `${job.correctionId}#${job.version}#subscription#${job.subscriptionId}`;
    if (subscription?.status !== 'active') return { reason: 'the subscription is not active', settleKey };
    const { correction, wording } = await publishedVersion(deps, job.correctionId, job.version);
    if (!reaches(subscription, correction))
      return { reason: 'the subscription no longer follows the topic or page', settleKey };
    // Planned while immediate, daily or weekly since: the correction is in its next digest instead.
    if (frequencyOf(subscription) !== 'immediate')
      return { reason: 'the subscription gets digests instead', settleKey };
    return {
      recipient: { channel: subscription.channel, address: subscription.address },
      topic: correction.topic,
      message: {
        kind: 'correction',
        language: subscription.language,
        subscriptionId: subscription.id,
        correctionId: correction.id,
        wording,
        permalink: deps.links.permalink(correction.id),
      },
    };
  }
  if (job.kind === 'confirmation') {
    const subscription = await deps.subscriptions.get(job.subscriptionId);
    const pending = queuedConfirmation(deps.signer, subscription, job.requestedAt, deps.clock.now());
    if (!subscription || 'reason' in pending)
      return { reason: 'reason' in pending ? pending.reason : 'gone' };
    return {
      recipient: { channel: subscription.channel, address: subscription.address },
      topic: subscription.confirmation?.topics[0] ?? allTopics,
      message: {
        kind: 'confirmation',
        language: pending.request.language,
        subscriptionId: subscription.id,
        ...pending,
      },
    };
  }
  if (job.kind === 'digest') return prepareDigest(deps, job);
  const submission = await deps.submissions.get(job.submissionId);
  const recipient = reporterRecipient(submission?.contact);
  if (!submission || !recipient) return { reason: 'the reporter left no contact details' };
  let outcome: Outcome = { kind: 'closed' };
  let topic = job.topic ?? submission.topic ?? 'unknown';
  if (job.outcome !== 'closed' && job.correctionId && job.version) {
    const { correction, wording } = await publishedVersion(deps, job.correctionId, job.version);
    outcome = { kind: job.outcome, wording, permalink: deps.links.permalink(correction.id) };
    topic = correction.topic;
  }
  return {
    recipient,
    topic,
    message: {
      kind: 'reply',
      language: submission.language,
      outcome,
      ...(job.correctionId ? { correctionId: job.correctionId } : {}),
    },
  };
}

/**
 * A digest: the subscriber's one message for the period, if they still subscribe. It lists the
 * corrections the job names (those that reached them when it was planned) in their latest wording.
 */
async function prepareDigest(
  deps: SendDeps,
  job: Extract<DeliveryJob, { kind: 'digest' }>,
): Promise<Prepared | Unprepared> {
  const subscription = await deps.subscriptions.get(job.subscriptionId);
  if (subscription?.status !== 'active') return { reason: 'the subscription is not active' };
  const [frequency, firstDay = ''] = job.period.split('#');
  if (frequency !== 'daily' && frequency !== 'weekly') return { reason: 'not a digest period' };
  const { language } = subscription;
  const found = await Promise.all(
    job.correctionIds.slice(0, digestItemsListed).map((id) => deps.corrections.get(id)),
  );
  const items = found.flatMap((correction) => {
    const latest = correction?.versions.at(-1);
    return correction && latest
      ? [{ wording: wordingOf(latest), permalink: deps.links.permalink(correction.id) }]
      : [];
  });
  return {
    recipient: { channel: subscription.channel, address: subscription.address },
    topic: digestTopic,
    message: {
      kind: 'correction_digest',
      language,
      subscriptionId: subscription.id,
      correctionIds: job.correctionIds,
      frequency,
      firstDay,
      items,
      total: job.correctionIds.length,
      periodLink: deps.links.period(frequency, firstDay, language),
    },
  };
}

/** What a digest's delivery is filed under in the per-topic figures: it spans topics. */
const digestTopic = 'digest';

/** Looks the person up, renders, and claims. Resolves with the claim, or with how the job ended. */
export async function claimDelivery(deps: SendDeps, job: DeliveryJob): Promise<Claimed | SendOutcome> {
  const prepared = await prepare(deps, job);
  const version = countedVersion(job);
  if ('reason' in prepared) {
    if (prepared.settleKey && job.kind === 'correction') {
      // Counted as skipped under the channel it was planned for, if the subscription is still known.
      const subscription = await deps.subscriptions.get(job.subscriptionId);
      const counted = version && subscription ? { ...version, channel: subscription.channel } : undefined;
      await deps.deliveries.settle(prepared.settleKey, 'skipped', counted);
    }
    return { outcome: 'nobody-to-send-to', reason: prepared.reason };
  }
  const { recipient, topic } = prepared;
  if (!deps[recipient.channel]) return { outcome: 'elsewhere', channel: recipient.channel };
  const send = await worded(deps, recipient, prepared.message);
  const hash = recipientHash(recipient);
  const key = deliveryKey(job, hash);
  const counted = version ? { ...version, channel: recipient.channel } : undefined;
  const claim = await deps.deliveries.claim(
    {
      key,
      kind: job.kind,
      channel: recipient.channel,
      recipientHash: hash,
      topic,
      ...(version ?? {}),
      ...(job.kind === 'reply' ? { caseId: job.caseId } : {}),
    },
    deps.clock.now(),
    leaseSeconds,
    job.revive ? counted : undefined,
  );
  if (claim.outcome === 'done') return { outcome: 'already-sent' };
  if (claim.outcome === 'in-flight') return { outcome: 'retry', reason: 'in-flight', topic };
  // A suppressed address gets nothing (unless the provider accepted it before it was suppressed).
  if (claim.outcome !== 'accepted' && (await deps.suppressions.isSuppressed(recipient)))
    return suppressedNow(deps, key, counted, hash);
  return {
    key,
    channel: recipient.channel,
    topic,
    counted,
    failures: claim.failures,
    acceptedEarlier: claim.outcome === 'accepted',
    recipient,
    transmit: send,
  };
}

/** A claimed delivery the provider has accepted (now or before): only marking it sent is left. */
export type Transmitted = { outcome: 'accepted'; claimed: Claimed };

/**
 * Sends a claimed delivery (the caller holds its token) and records what happened. The acceptance is
 * written first and on its own; everything after it may fail and be retried without a second send.
 */
export async function completeDelivery(deps: SendDeps, claimed: Claimed): Promise<SendOutcome> {
  const transmitted = await transmitDelivery(deps, claimed);
  if (transmitted.outcome !== 'accepted') return transmitted;
  const { key, topic, counted, failures, channel } = claimed;
  await deps.deliveries.markSent(key, deps.clock.now(), counted, failures);
  return { outcome: 'sent', topic, channel };
}

/** The first half of `completeDelivery`: the send and its acceptance, or how the attempt ended. */
export async function transmitDelivery(deps: SendDeps, claimed: Claimed): Promise<SendOutcome | Transmitted> {
  const { key, topic, counted, failures } = claimed;
  if (!claimed.acceptedEarlier) {
    let messageId: string;
    try {
      messageId = await claimed.transmit();
    } catch (error) {
      if (isThrottle(error)) {
        await deps.deliveries.release(key);
        return { outcome: 'retry', reason: 'throttled', topic };
      }
      if (await deps.optedOut?.(deps, claimed.recipient, error))
        return suppressedNow(deps, key, counted, recipientHash(claimed.recipient));
      const name = errorName(error);
      const { parked } = await deps.deliveries.markFailed(key, name, deps.clock.now(), counted, failures);
      return parked
        ? { outcome: 'parked', topic, error: name }
        : { outcome: 'retry', reason: 'failed', topic };
    }
    await recordAcceptance(deps, key, messageId);
  }
  return { outcome: 'accepted', claimed };
}

/**
 * Ends a claimed job of a suppressed address: the claim is let go and the job counted once as
 * suppressed (under a key of its own, so a redelivered job does not count it again).
 */
async function suppressedNow(
  deps: SendDeps,
  key: string,
  counted: Counted | undefined,
  hash: string,
): Promise<SendOutcome> {
  await deps.deliveries.release(key);
  await deps.deliveries.settle(`${key}#suppressed`, 'suppressed', counted, hash);
  return { outcome: 'nobody-to-send-to', reason: 'the address is suppressed' };
}

/**
 * The one write between the provider's accept and safety, tried a few times in place: if it never
 * lands (the function dies, or the table is unreachable past the lease), a retry sends again. That
 * window is the time of this write.
 */
async function recordAcceptance(deps: SendDeps, key: string, messageId: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await deps.deliveries.accept(key, messageId, deps.clock.now());
      return;
    } catch (error) {
      if (attempt >= 4) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }
}

/** One job on its own: claim, a token, send. Batches use the halves to pace many jobs at once. */
export async function sendDelivery(
  deps: SendDeps,
  job: DeliveryJob,
  deadlineMs = Date.now() + 20_000,
): Promise<SendOutcome> {
  const claimed = await claimDelivery(deps, job);
  if ('outcome' in claimed) return claimed;
  if (!claimed.acceptedEarlier && (await deps.pacer.take(claimed.channel, 1, deadlineMs)) < 1) {
    await deps.deliveries.release(claimed.key);
    return { outcome: 'retry', reason: 'no-token', topic: claimed.topic };
  }
  return completeDelivery(deps, claimed);
}
