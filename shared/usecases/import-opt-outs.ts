/**
 * importOptOuts: the SMS provider's opted-out numbers become suppressions (their subscriptions end).
 * A run reads a bounded number of pages and keeps its place, so a long list is read over several runs
 * and no run grows with it; numbers suppressed already cost one batch read per page.
 */

import { recipientHash } from '../domain/recipient.ts';
import { suppressionOf } from '../domain/suppression.ts';
import type { OptOutList } from '../ports/opt-out-list.ts';
import { type SuppressDeps, suppressAddress } from './suppress-address.ts';

export interface OptOutDeps extends SuppressDeps {
  optOuts: OptOutList;
  /** Where the last run stopped (the provider's page token), kept between runs. */
  optOutPlace: { read(): Promise<string | undefined>; write(token: string | undefined): Promise<void> };
}

export async function importOptOuts(
  deps: OptOutDeps,
  maxPages = 20,
): Promise<{ pages: number; suppressed: number; finished: boolean }> {
  let token = await deps.optOutPlace.read();
  let suppressed = 0;
  let pages = 0;
  for (; pages < maxPages; ) {
    const page = await deps.optOuts.page(token);
    pages += 1;
    const recipients = page.numbers.map((address) => ({ channel: 'sms' as const, address }));
    const known = await deps.suppressions.suppressedAmong(recipients.map(recipientHash));
    for (const recipient of recipients) {
      if (known.has(suppressionOf(recipient, 'opt_out', '').addressHash)) continue;
      if ((await suppressAddress(deps, recipient, 'opt_out')).suppressed) suppressed += 1;
    }
    token = page.next;
    if (!token) break;
  }
  await deps.optOutPlace.write(token);
  return { pages, suppressed, finished: token === undefined };
}
