/**
 * erasePerson: a person asked for their data to be erased (PIPL, GDPR). By the keyed hash of the
 * address, never a scan: the address is suppressed first (reason erased, the hash alone kept), so no
 * job sends to it meanwhile; its subscription is deleted with its follows; then the records kept
 * under its hash (contacts on submissions, reporter marks, delivery records) go a page at a time: the
 * first page here, the rest in a continuation. Reports and published corrections stay. The audit
 * entry names who erased, when, the hash and the counts; never the address. Erasing again is safe.
 */
import { type Recipient, recipientHash } from '../domain/recipient.ts';
import { type Actor, requireCapability } from '../domain/roles.ts';
import { suppressionOf } from '../domain/suppression.ts';
import type { Clock } from '../ports/clock.ts';
import type { ContinuationQueue } from '../ports/continuations.ts';
import type { PersonalDataStore } from '../ports/personal-data.ts';
import type { SubscriptionErasure } from '../ports/subscription-store.ts';
import type { SuppressionStore } from '../ports/suppression-store.ts';
import { randomId } from '../security/tokens.ts';
import { type ContinuationKind, startContinuation } from './continuation.ts';

export interface ErasureDeps {
  suppressions: SuppressionStore;
  subscriptionErasure: SubscriptionErasure;
  personalData: PersonalDataStore;
  clock: Clock;
  /** The rest of a person's records, past the first page, goes to a continuation. */
  continuationQueue: ContinuationQueue;
}

export interface ErasureReceipt {
  subscriptions: number;
  submissions: number;
  deliveries: number;
}

export async function erasePerson(
  deps: ErasureDeps,
  actor: Actor,
  recipient: Recipient,
): Promise<ErasureReceipt> {
  requireCapability(actor, 'erase-personal-data');
  const at = deps.clock.now();
  const addressHash = recipientHash(recipient);
  await deps.suppressions.suppress(suppressionOf(recipient, 'erased', at));
  const subscriptions = (await deps.subscriptionErasure.eraseByAddressHash(addressHash)) ? 1 : 0;
  const { erased, next } = await deps.personalData.erasePage(addressHash);
  const id = randomId(12);
  // Its own target per erasure (a target's continuation runs once), from where the request stopped.
  if (next) await startContinuation(deps, 'erasure', id, { addressHash, from: next });
  await deps.personalData.recordErasure({
    id,
    at,
    actor: actor.id,
    channel: recipient.channel,
    addressHash,
    subscriptions,
    submissions: erased.submissions,
    deliveries: erased.deliveries,
    continued: next !== undefined,
  });
  return { subscriptions, submissions: erased.submissions, deliveries: erased.deliveries };
}

/** Pages of up to 100 records per step. */
const pagesPerStep = 5;

/** The erasure's continuation: a few more pages of the person's records a step. */
export const eraseMore: ContinuationKind<Pick<ErasureDeps, 'personalData'>> = async (deps, input) => {
  const addressHash = input.params.addressHash;
  if (!addressHash) throw new Error('An erasure step needs the address hash');
  let cursor: string | undefined = input.cursor ?? input.params.from;
  let handled = 0;
  for (let page = 0; page < pagesPerStep && cursor; page++) {
    const { erased, next } = await deps.personalData.erasePage(addressHash, cursor);
    handled += erased.submissions + erased.deliveries + erased.reporterMarks;
    cursor = next;
  }
  return { ...(cursor ? { next: cursor } : {}), handled };
};
