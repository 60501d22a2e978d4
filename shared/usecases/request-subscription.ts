/**
 * requestSubscription: the first step of double opt-in. Stores the request (one subscription per
 * address, whatever arrives at once), then queues its confirmation (a link by email, a 6-digit code
 * by SMS) on the channel's send queue, for the channel's sender to render and send at the provider's
 * pace: the request calls no provider. The secret is derived from the request (queued-confirmation.ts),
 * so the job carries none. The request is stored before it is queued, so if queueing fails the caller
 * is told to try again and the retry queues a new confirmation; nothing is lost, and the sender sends
 * a request's confirmation once (a newer request makes the older one's job send nothing).
 */
import type { Language } from '../domain/case.ts';
import { InvalidInput, RateLimited } from '../domain/errors.ts';
import { phoneCountry } from '../domain/phone.ts';
import { recipientHash } from '../domain/recipient.ts';
import {
  type Channel,
  canonicalAddress,
  type Frequency,
  maskAddress,
  requested,
  requestView,
  type Subscription,
  type SubscriptionView,
} from '../domain/subscription.ts';
import type { Clock } from '../ports/clock.ts';
import type { DeliveryQueues } from '../ports/delivery-queues.ts';
import type { RateLimiter } from '../ports/rate-limiter.ts';
import type { SubscriptionStore } from '../ports/subscription-store.ts';
import type { SuppressionStore } from '../ports/suppression-store.ts';
import type { Config } from '../runtime/config.ts';
import { randomId, type Signer } from '../security/tokens.ts';
import { confirmationSecret } from './queued-confirmation.ts';
import { settled } from './subscription-writes.ts';

/** A validated request (see subscriptionRequest in shared/http/schemas.ts). */
export interface SubscriptionInput {
  channel: Channel;
  address: string;
  /** Known topic keys without repeats, or ['*']; may be empty when pages are followed. */
  topics?: string[];
  /** http(s) addresses of pages to follow, without repeats. */
  follows?: string[];
  frequency?: Frequency;
  language?: Language;
}

export interface RequestSubscriptionDeps {
  subscriptions: SubscriptionStore;
  suppressions: Pick<SuppressionStore, 'isSuppressed'>;
  rateLimiter: RateLimiter;
  queues: Pick<DeliveryQueues, 'sendConfirmation'>;
  signer: Signer;
  clock: Clock;
  config: Pick<
    Config,
    | 'subscriptionRequestsPerAddressPerHour'
    | 'smsCountries'
    | 'confirmationsPerHour'
    | 'smsRequestsPerPrefixPerHour'
  >;
}

/** The request is stored but its confirmation could not be queued: asking again queues a new one. */
export class ConfirmationNotSent extends Error {
  constructor(
    readonly subscriptionId: string,
    readonly channel: Channel,
    options: { cause: unknown },
  ) {
    super('The confirmation could not be queued', options);
  }
}

export async function requestSubscription(
  deps: RequestSubscriptionDeps,
  input: SubscriptionInput,
): Promise<SubscriptionView> {
  const addressHash = recipientHash(input);
  // A suppressed address (bounced, complained, opted out, erased) gets nothing more, a confirmation
  // neither: nothing is stored or sent, and the answer says so without saying why.
  if (await deps.suppressions.isSuppressed(input)) return suppressedView(input, deps.clock.now());
  await admitConfirmation(deps, input, addressHash);
  const request = {
    channel: input.channel,
    address: input.address,
    addressHash,
    topics: input.topics ?? [],
    follows: input.follows ?? [],
    frequency: input.frequency ?? 'immediate',
    language: input.language ?? 'zh-CN',
  };
  const stored = await settled(async () => {
    const existing = await deps.subscriptions.findByAddress(input.channel, input.address);
    const id = existing?.id ?? randomId(16);
    const at = requestTime(existing, deps.clock.now());
    const secret = confirmationSecret(deps.signer, input.channel, id, at);
    const next = requested(existing, request, secret, at, id);
    if (existing) await deps.subscriptions.save(existing, next);
    else await deps.subscriptions.create(next);
    return next;
  });
  try {
    await deps.queues.sendConfirmation({
      kind: 'confirmation',
      channel: stored.channel,
      subscriptionId: stored.id,
      requestedAt: stored.confirmation?.requestedAt ?? deps.clock.now(),
    });
  } catch (cause) {
    throw new ConfirmationNotSent(stored.id, stored.channel, { cause });
  }
  return requestView(stored);
}

function suppressedView(input: SubscriptionInput, now: string): SubscriptionView {
  return {
    id: randomId(16),
    channel: input.channel,
    status: 'suppressed',
    topics: input.topics ?? [],
    follows: input.follows ?? [],
    frequency: input.frequency ?? 'immediate',
    language: input.language ?? 'zh-CN',
    maskedAddress: maskAddress(input.channel, canonicalAddress(input.channel, input.address)),
    createdAt: now,
  };
}

/**
 * What a confirmation may cost, checked before anything is stored or sent (SMS pumping: an attacker
 * makes the desk text premium numbers it is paid for; mail bombing: junk addresses raise the bounce
 * rate until SES pauses the account). SMS goes only to the allowed countries (400); then, each
 * counted per hour: one address (nobody floods one person), one block of 10,000 numbers (nor a
 * range of premium numbers), and the whole desk per channel (what a flood costs at most). Past a
 * cap: 429 with Retry-After and nothing sent. Corrections to confirmed subscribers are not counted.
 */
async function admitConfirmation(
  deps: RequestSubscriptionDeps,
  input: SubscriptionInput,
  addressHash: string,
): Promise<void> {
  const { config } = deps;
  if (input.channel === 'sms') {
    const country = phoneCountry(input.address);
    if (!country || !config.smsCountries.includes(country)) {
      throw new InvalidInput([
        {
          path: 'address',
          message: `SMS is sent only to numbers in ${config.smsCountries.join(', ')}; subscribe by email instead`,
        },
      ]);
    }
  }
  const hour = 60 * 60;
  const caps = [
    // Keyed by the address, not the client: nobody can flood one person's inbox or phone.
    {
      key: `subscription:${addressHash}`,
      limit: config.subscriptionRequestsPerAddressPerHour,
      refusal: 'Too many subscription requests for this address; try again later.',
    },
    ...(input.channel === 'sms'
      ? [
          {
            key: `sms-prefix:${numberBlock(input.address)}`,
            limit: config.smsRequestsPerPrefixPerHour,
            refusal: 'Too many subscription requests for numbers like this one; try again later.',
          },
        ]
      : []),
    {
      key: `confirmations:${input.channel}`,
      limit: config.confirmationsPerHour[input.channel],
      refusal: 'The desk is sending as many confirmations as it can this hour; try again later.',
    },
  ];
  for (const cap of caps) {
    const taken = await deps.rateLimiter.take(cap.key, cap.limit, hour);
    if (!taken.allowed) throw new RateLimited(cap.refusal, taken.retryAfterSeconds);
  }
}

/** The block of 10,000 numbers an E.164 number belongs to: all but its last four digits. */
export const numberBlock = (e164: string): string => e164.slice(0, -4);

/**
 * When a request is made: now, or just after the request it replaces if that one carries the same
 * time (or a later one, from a clock running ahead). A request is named by its time (its queued
 * confirmation, its derived secret), so a newer one never shares the name of the one it replaced.
 */
function requestTime(existing: Subscription | undefined, now: string): string {
  const previous = existing?.confirmation?.requestedAt;
  if (!previous || Date.parse(previous) < Date.parse(now)) return now;
  return new Date(Date.parse(previous) + 1).toISOString();
}
