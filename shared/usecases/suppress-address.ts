/**
 * suppressAddress: an address bounced for good, complained, opted out of SMS or was erased. It is
 * suppressed (nothing more is sent to it, whatever job comes) and its subscription, if any, ends
 * with that reason, so it also leaves every audience count.
 */
import type { Recipient } from '../domain/recipient.ts';
import { unsubscribed } from '../domain/subscription.ts';
import { type SuppressionReason, suppressionOf } from '../domain/suppression.ts';
import type { Clock } from '../ports/clock.ts';
import type { SubscriptionStore } from '../ports/subscription-store.ts';
import type { SuppressionStore } from '../ports/suppression-store.ts';
import type { Config } from '../runtime/config.ts';
import { settled } from './subscription-writes.ts';

export interface SuppressDeps {
  suppressions: SuppressionStore;
  subscriptions: SubscriptionStore;
  clock: Clock;
  config: Pick<Config, 'unsubscribedRetentionDays'>;
}

export async function suppressAddress(
  deps: SuppressDeps,
  recipient: Recipient,
  reason: SuppressionReason,
): Promise<{ suppressed: boolean; subscriptionEnded: boolean }> {
  const now = deps.clock.now();
  const suppressed = await deps.suppressions.suppress(suppressionOf(recipient, reason, now));
  const subscriptionEnded = await settled(async () => {
    const s = await deps.subscriptions.findByAddress(recipient.channel, recipient.address);
    if (!s || s.status === 'unsubscribed') return false;
    await deps.subscriptions.save(s, unsubscribed(s, now, deps.config.unsubscribedRetentionDays, reason));
    return true;
  });
  return { suppressed, subscriptionEnded };
}
