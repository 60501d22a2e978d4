/** The suppressed addresses, for admins: masked, with the reason, newest first, a page at a time. */
import { type Actor, requireCapability } from '../domain/roles.ts';
import type { SuppressionList } from '../ports/suppression-store.ts';

export async function listSuppressions(
  suppressions: SuppressionList,
  actor: Actor,
  options: { limit: number; cursor?: string },
) {
  requireCapability(actor, 'read-suppressions');
  const page = await suppressions.list(options);
  return {
    items: page.items.map((s) => ({
      channel: s.channel,
      maskedAddress: s.maskedAddress,
      reason: s.reason,
      at: s.at,
    })),
    nextCursor: page.nextCursor,
  };
}
