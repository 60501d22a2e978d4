/**
 * The permalink's schema.org description: a CorrectionComment (the notice itself, with its dates and
 * version) whose parentItem is the corrected page, which names the notice as its `correction`.
 */
import type { Topic } from '../domain/topic.ts';
import type { Site } from '../presentation/site.ts';
import { topicName } from '../presentation/words.ts';
import type { PublicCorrection } from '../usecases/read-corrections.ts';

export function correctionJsonLd(correction: PublicCorrection, site: Site, topics: ReadonlyArray<Topic>) {
  const url = site.permalink(correction.id);
  return {
    '@context': 'https://schema.org',
    '@type': 'CorrectionComment',
    '@id': url,
    url,
    headline: correction.headline,
    text: correction.body,
    inLanguage: correction.language,
    datePublished: correction.publishedAt,
    dateModified: correction.updatedAt,
    version: correction.version,
    genre: correction.type,
    keywords: topicName(topics, correction.topic, correction.language),
    publisher: { '@type': 'Organization', name: site.publisher[correction.language], url: site.home() },
    ...(correction.affectedUrl
      ? { parentItem: { '@type': 'CreativeWork', url: correction.affectedUrl, correction: { '@id': url } } }
      : {}),
  };
}

/**
 * JSON inside <script>: the characters that could end the element or open a comment (<, >, &), the
 * line separators old parsers choke on and the two noncharacters are written as \u escapes, which
 * JSON reads back as the same text.
 */
export function jsonLdScript(data: unknown): string {
  const json = JSON.stringify(data).replace(
    /[<>&\u2028\u2029\uFFFE\uFFFF]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `<script type="application/ld+json">${json}</script>`;
}
