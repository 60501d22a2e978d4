/**
 * backfillNotices: files every published correction under its page's notices, for corrections
 * published before the index existed. Pages through the corrections (a Query of their index, never a
 * Scan), one page at a time; safe to run again, and alongside the publisher (a notice is never put
 * over a later version).
 */
import type { CorrectionLists } from '../ports/correction-store.ts';
import type { FiledNotice, NoticeStore } from '../ports/notice-store.ts';

export async function backfillNotices(
  deps: { correctionLists: CorrectionLists; notices: NoticeStore },
  options: { pageSize?: number; onPage?: (counts: Record<FiledNotice, number>) => void } = {},
): Promise<Record<FiledNotice, number>> {
  const counts: Record<FiledNotice, number> = { filed: 0, current: 0, 'no-page': 0 };
  let cursor: string | undefined;
  do {
    const page = await deps.correctionLists.list({
      limit: options.pageSize ?? 100,
      ...(cursor ? { cursor } : {}),
    });
    for (const outcome of await Promise.all(page.items.map((c) => deps.notices.file(c)))) counts[outcome]++;
    options.onPage?.({ ...counts });
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return counts;
}
