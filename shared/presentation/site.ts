/**
 * The public site: who publishes it (the body's name in each language) and its addresses: the
 * corrections page (with its language, topic and cursor), each permalink, the two feeds, the topic
 * catalogue, and the subscribe and report pages. Chinese is the default language, so only English is
 * spelled out.
 */
import type { Language } from '../domain/case.ts';

export const languageParameter = 'lang';

/** The body that publishes the corrections, named in each language (configuration). */
export type Publisher = Record<Language, string>;

export interface Site {
  publisher: Publisher;
  home(options?: { language?: Language; topic?: string; cursor?: string }): string;
  /** The subscribe page, optionally with a topic or a page to follow chosen already. */
  subscribe(options?: { language?: Language; topic?: string; follow?: string }): string;
  /** The report-an-error page, optionally about one page (an article links here with its address). */
  report(options?: { language?: Language; url?: string }): string;
  permalink(correctionId: string, language?: Language): string;
  atomFeed: string;
  jsonFeed: string;
  topics: string;
  /** The public log and its head (JSON). */
  log: string;
  logHead: string;
  /** How fast corrections are published: the page, and the same figures as JSON. */
  transparency(language?: Language): string;
  stats: string;
  favicon: string;
}

function withQuery(url: string, parameters: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) if (value) query.set(name, value);
  const text = query.toString();
  return text ? `${url}?${text}` : url;
}

const languageValue = (language: Language | undefined) => (language === 'en' ? 'en' : undefined);

/** `permalink` is the one every message carries (usecases/links.ts), so pages and SMS agree. */
export function publicSite(
  publicBaseUrl: string,
  permalink: (correctionId: string) => string,
  publisher: Publisher,
): Site {
  const base = publicBaseUrl.replace(/\/+$/, '');
  return {
    publisher,
    home: ({ language, topic, cursor } = {}) =>
      withQuery(`${base}/`, { [languageParameter]: languageValue(language), topic, cursor }),
    subscribe: ({ language, topic, follow } = {}) =>
      withQuery(`${base}/subscribe`, { [languageParameter]: languageValue(language), topic, follow }),
    report: ({ language, url } = {}) =>
      withQuery(`${base}/report`, { [languageParameter]: languageValue(language), url }),
    permalink: (correctionId, language) =>
      withQuery(permalink(correctionId), { [languageParameter]: languageValue(language) }),
    atomFeed: `${base}/corrections/feed.atom`,
    jsonFeed: `${base}/corrections/feed.json`,
    topics: `${base}/topics`,
    log: `${base}/corrections/log`,
    logHead: `${base}/corrections/log/head`,
    transparency: (language) =>
      withQuery(`${base}/transparency`, { [languageParameter]: languageValue(language) }),
    stats: `${base}/stats`,
    favicon: `${base}/favicon.svg`,
  };
}
