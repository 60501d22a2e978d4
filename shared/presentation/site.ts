/**
 * The public site's addresses: the corrections page (with its language, topic and cursor), each
 * permalink, the two feeds and the topic catalogue. Chinese is the default language, so only English is spelled out.
 */
import type { Language } from '../domain/case.ts';

export const languageParameter = 'lang';

export interface Site {
  home(options?: { language?: Language; topic?: string; cursor?: string }): string;
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
}

function withQuery(url: string, parameters: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) if (value) query.set(name, value);
  const text = query.toString();
  return text ? `${url}?${text}` : url;
}

const languageValue = (language: Language | undefined) => (language === 'en' ? 'en' : undefined);

/** `permalink` is the one every message carries (usecases/links.ts), so pages and SMS agree. */
export function publicSite(publicBaseUrl: string, permalink: (correctionId: string) => string): Site {
  const base = publicBaseUrl.replace(/\/+$/, '');
  return {
    home: ({ language, topic, cursor } = {}) =>
      withQuery(`${base}/`, { [languageParameter]: languageValue(language), topic, cursor }),
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
  };
}
