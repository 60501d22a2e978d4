/**
 * readNotices: what an article's page shows about its own corrections, for GET /notices and the
 * frame. One read of the page's notices, however many corrections the desk has published.
 */
import type { Notice } from '../domain/notice.ts';
import { normalizeUrl, pageTarget } from '../domain/url.ts';
import type { NoticeStore } from '../ports/notice-store.ts';

/** An article with more corrections than this shows its newest ones. */
export const noticesShown = 50;

export interface PageNotices {
  /** The page, normalized as reports are joined. */
  url: string;
  /** Newest first publication first. */
  items: Array<Notice & { permalink: string }>;
}

export async function readNotices(
  deps: { notices: NoticeStore; links: { permalink(correctionId: string): string } },
  url: string,
): Promise<PageNotices> {
  const notices = await deps.notices.forPage(pageTarget(url), noticesShown);
  return {
    url: normalizeUrl(url),
    items: notices.map((notice) => ({ ...notice, permalink: deps.links.permalink(notice.id) })),
  };
}

/** The contract's Notice: the fields it names, nothing the desk keeps beside them. */
export const noticeJson = (page: PageNotices) => ({
  url: page.url,
  items: page.items.map(({ id, type, headline, version, publishedAt, updatedAt, permalink }) => ({
    id,
    type,
    headline,
    version,
    publishedAt,
    updatedAt,
    permalink,
  })),
});
