/**
 * GET / : the public corrections page, newest first, a page at a time, optionally one topic's. Each
 * correction shows its label (with "updated" once amended), topic, dates and text, and links to its
 * permalink; the page links to the next page with the cursor, and to both feeds.
 */
import type { Language } from '../domain/case.ts';
import type { Topic } from '../domain/topic.ts';
import type { Site } from '../presentation/site.ts';
import { markup, paragraphs } from '../presentation/text.ts';
import { correctionLabel, publicWords, topicName } from '../presentation/words.ts';
import type { PublicCorrection } from '../usecases/read-corrections.ts';
import { page, timeElement } from './layout.ts';

export const correctionsPerPage = 20;

export interface CorrectionsPageInput {
  language: Language;
  site: Site;
  timeZone: string;
  topics: ReadonlyArray<Topic>;
  /** The topic the list is filtered to, if any. */
  topic?: string;
  cursor?: string;
  page: { items: ReadonlyArray<PublicCorrection>; nextCursor: string | null };
}

function topicNavigation(input: CorrectionsPageInput): string {
  const { language, site, topic } = input;
  const words = publicWords[language];
  const link = (href: string, text: string, current: boolean) =>
    `<li><a href="${markup(href)}"${current ? ' aria-current="page"' : ''}>${markup(text)}</a></li>`;
  return [
    `<nav aria-label="${markup(words.topics)}"><ul>`,
    link(site.home({ language }), words.allTopics, topic === undefined),
    ...input.topics.map((t) =>
      link(site.home({ language, topic: t.key }), topicName(input.topics, t.key, language), t.key === topic),
    ),
    '</ul></nav>',
  ].join('\n');
}

/** One correction in a list of them (this page's, a digest period's). */
export function listItem(
  correction: PublicCorrection,
  input: Pick<CorrectionsPageInput, 'language' | 'site' | 'timeZone' | 'topics'>,
): string {
  const { language, site, timeZone } = input;
  const words = publicWords[language];
  const note = correction.version > 1 ? correction.versions.at(-1)?.note : undefined;
  const dates = [
    `${markup(words.published)} ${timeElement(correction.publishedAt, language, timeZone)}`,
    ...(correction.version > 1
      ? [`${markup(words.lastUpdated)} ${timeElement(correction.updatedAt, language, timeZone)}`]
      : []),
  ];
  return `<li><article>
<p class="meta"><span class="label">${markup(correctionLabel(correction, language))}</span> ${markup(topicName(input.topics, correction.topic, language))}</p>
<h2 lang="${markup(correction.language)}"><a href="${markup(site.permalink(correction.id, language))}">${markup(correction.headline)}</a></h2>
${note ? `<p class="note"><span>${markup(words.note)}</span><span lang="${markup(correction.language)}">${markup(note)}</span></p>\n` : ''}<div lang="${markup(correction.language)}">
${paragraphs(correction.body)}
</div>
<p class="meta">${dates.join(' · ')}</p>
</article></li>`;
}

export function correctionsPage(input: CorrectionsPageInput): string {
  const { language, site, topic, cursor } = input;
  const words = publicWords[language];
  const heading = topic
    ? `${words.siteTitle} · ${topicName(input.topics, topic, language)}`
    : words.siteTitle;
  const { items, nextCursor } = input.page;
  const main = [
    `<h1>${markup(heading)}</h1>`,
    `<p>${markup(words.siteDescription)} ${markup(words.newerFirst)}</p>`,
    topicNavigation(input),
    items.length
      ? `<ol class="list">\n${items.map((correction) => listItem(correction, input)).join('\n')}\n</ol>`
      : `<p>${markup(words.none)}</p>`,
    nextCursor
      ? `<a class="more" rel="next" href="${markup(site.home({ language, ...(topic ? { topic } : {}), cursor: nextCursor }))}">${markup(words.more)}</a>`
      : '',
  ]
    .filter(Boolean)
    .join('\n');
  const here = (lang: Language) =>
    site.home({ language: lang, ...(topic ? { topic } : {}), ...(cursor ? { cursor } : {}) });
  return page({
    language,
    site,
    title: heading,
    description: words.siteDescription,
    canonical: here(language),
    otherLanguage: here(words.switchTo.language),
    main,
  });
}
