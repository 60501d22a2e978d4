/**
 * A correction as both feeds show it: a stable id, its labelled headline, and its text with the
 * amendment (version and note) up front, so a reader who saw the first version sees what changed.
 * Both feeds show the same text, so characters XML cannot carry are dropped for JSON too.
 */
import type { Language } from '../domain/case.ts';
import type { LogHead } from '../domain/public-log.ts';
import type { Topic } from '../domain/topic.ts';
import type { Site } from '../presentation/site.ts';
import { markup, paragraphs, printable } from '../presentation/text.ts';
import { correctionLabel, labelledHeadline, publicWords, topicName } from '../presentation/words.ts';
import type { PublicCorrection } from '../usecases/read-corrections.ts';

export const feedSize = 50;

export interface FeedContext {
  site: Site;
  topics: ReadonlyArray<Topic>;
  /** The feed's own language (title, description); each entry keeps its correction's. */
  language: Language;
  /** The feed's updated time while it has no entries. */
  now: string;
  /** The public log's head as the feed was built, so copies of the feed pin the log (Atom only). */
  logHead?: LogHead;
}

export interface FeedEntry {
  id: string;
  url: string;
  title: string;
  language: Language;
  published: string;
  updated: string;
  topic: { key: string; name: string };
  affectedUrl?: string;
  text: string;
  html: string;
}

/**
 * RFC 4151 tag URI: the site's host, the day the correction was first published and its id, none
 * of which an amendment changes, so readers update the entry they have rather than add one.
 */
function entryId(site: Site, correction: { id: string; publishedAt: string }): string {
  const host = new URL(site.home()).hostname;
  return `tag:${host},${correction.publishedAt.slice(0, 10)}:correction:${encodeURIComponent(correction.id)}`;
}

export function feedEntry(correction: PublicCorrection, context: FeedContext): FeedEntry {
  const { language } = correction;
  const words = publicWords[language];
  const url = context.site.permalink(correction.id);
  const note = correction.versions.at(-1)?.note;
  const amendment =
    correction.version > 1
      ? `${words.version(correction.version)}${note ? ` · ${words.note}${note}` : ''}`
      : '';
  const label = correctionLabel(correction, language);
  return {
    id: entryId(context.site, correction),
    url,
    title: printable(labelledHeadline(correction, language)),
    language,
    published: correction.publishedAt,
    updated: correction.updatedAt,
    topic: { key: correction.topic, name: topicName(context.topics, correction.topic, language) },
    ...(correction.affectedUrl ? { affectedUrl: correction.affectedUrl } : {}),
    text: printable(
      [label, amendment, correction.body, `${words.readMore}: ${url}`].filter(Boolean).join('\n\n'),
    ),
    html: [
      `<p><strong>${markup(label)}</strong></p>`,
      amendment ? `<p><em>${markup(amendment)}</em></p>` : '',
      paragraphs(correction.body),
      `<p><a href="${markup(url)}">${markup(words.readMore)}</a></p>`,
    ]
      .filter(Boolean)
      .join('\n'),
  };
}

/** When the feed last changed: its newest entry's update, or now for an empty feed. */
export const feedUpdated = (entries: ReadonlyArray<FeedEntry>, now: string): string =>
  entries
    .map((entry) => entry.updated)
    .sort()
    .at(-1) ?? now;
