/**
 * verifySms: the 6-digit code sent by SMS, typed back. A right code confirms the request (and
 * records the consent); a wrong one counts, and after five the request is locked until a new
 * subscription request sends a new code. Counting is a conditional write, so codes tried at the
 * same moment cannot get past the limit, and a right code that arrives after the fifth wrong one is
 * refused like any other.
 */
import { InvalidInput, NotFound } from '../domain/errors.ts';
import {
  checkSecret,
  confirmed,
  maxFailedCodes,
  type SecretCheck,
  type SubscriptionView,
  subscriptionView,
} from '../domain/subscription.ts';
import type { Clock } from '../ports/clock.ts';
import { SubscriptionChanged, type SubscriptionStore } from '../ports/subscription-store.ts';
import { settled } from './subscription-writes.ts';

export interface VerifyDeps {
  subscriptions: SubscriptionStore;
  clock: Clock;
}

const refusals: Record<Exclude<SecretCheck, 'right' | 'used' | 'wrong'>, string> = {
  none: 'There is no code to confirm for this subscription; subscribe again to get one.',
  locked: `After ${maxFailedCodes} wrong codes this subscription is locked until a new subscription request.`,
  expired: 'The code has expired; subscribe again to get a new one.',
};

const refused = (detail: string) => new InvalidInput([{ path: 'code', message: detail }], detail);

function wrong(counted: number): InvalidInput {
  const left = maxFailedCodes - counted;
  return refused(
    left > 0
      ? `The code is wrong; ${left} ${left === 1 ? 'try' : 'tries'} left.`
      : `The code is wrong. ${refusals.locked}`,
  );
}

export async function verifySms(deps: VerifyDeps, id: string, code: string): Promise<SubscriptionView> {
  return settled(async () => {
    const s = await deps.subscriptions.get(id);
    if (!s) throw new NotFound(`No subscription ${id}.`);
    if (s.channel !== 'sms') {
      throw refused('This subscription is confirmed by the link in the email we sent, not by a code.');
    }
    const check = checkSecret(s, code, deps.clock.now());
    if (check === 'used') return subscriptionView(s);
    if (check === 'right') {
      const next = confirmed(s, deps.clock.now());
      await deps.subscriptions.save(s, next);
      return subscriptionView(next);
    }
    if (check === 'wrong') {
      const salt = s.confirmation?.salt ?? '';
      const counted = await deps.subscriptions.countWrongCode(s.id, salt, maxFailedCodes);
      // Not counted: the limit was reached or a new request replaced the code meanwhile; look again.
      if (counted === undefined) throw new SubscriptionChanged();
      throw wrong(counted);
    }
    throw refused(refusals[check]);
  });
}
