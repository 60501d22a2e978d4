/**
 * The JSON Feed 1.1 of the newest corrections: the same entries as the Atom feed, with both text and
 * HTML content, and the page the correction concerns as the item's external_url.
 */
import { publicWords } from '../presentation/words.ts';
import type { PublicCorrection } from '../usecases/read-corrections.ts';
import { type FeedContext, feedEntry } from './feed-entry.ts';

export const jsonFeedContentType = 'application/feed+json; charset=utf-8';

export function jsonFeed(corrections: ReadonlyArray<PublicCorrection>, context: FeedContext) {
  const words = publicWords[context.language];
  const home = context.site.home({ language: context.language });
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: words.siteTitle,
    description: words.siteDescription,
    home_page_url: home,
    feed_url: context.site.jsonFeed,
    language: context.language,
    authors: [{ name: words.siteTitle, url: home }],
    items: corrections.map((correction) => {
      const item = feedEntry(correction, context);
      return {
        id: item.id,
        url: item.url,
        ...(item.affectedUrl ? { external_url: item.affectedUrl } : {}),
        title: item.title,
        content_html: item.html,
        content_text: item.text,
        date_published: item.published,
        date_modified: item.updated,
        tags: [item.topic.name],
        language: item.language,
      };
    }),
  };
}
