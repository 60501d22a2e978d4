/**
 * The pages a subscriber opens from a message: the confirmation (a button: opening the link changes
 * nothing), what its button leads to, the unsubscribe page and what follows its button, and the
 * answer to a dead link. In the site's frame, in Chinese and English with the subscriber's language
 * first, every value escaped; they show the masked address only. Each points to the subscribe page.
 */
import { type Language, languages } from '../domain/case.ts';
import type { Site } from '../presentation/site.ts';
import { markup } from '../presentation/text.ts';
import { hidden } from './form-fields.ts';
import { page } from './layout.ts';
import { fill, type PageWords, pageWords } from './page-words.ts';

export interface PageSubscription {
  language: Language;
  maskedAddress: string;
  /** Topic names in each language (none when following every topic, or pages only). */
  topics: Record<Language, string[]>;
  everyTopic: boolean;
  /** Pages followed, as given. */
  follows: string[];
}

type Words = PageWords['subscription'];
const words = (language: Language): Words => pageWords(language).subscription;

/** The subscriber's language first, then the other. */
const inOrder = (first: Language): Language[] => [first, ...languages.filter((l) => l !== first)];

interface Section {
  paragraphs: string[];
  /** Links under the paragraphs, already markup. */
  links?: string[];
}

function bilingual(
  site: Site,
  first: Language,
  title: (w: Words) => string,
  section: (w: Words, language: Language) => Section,
  form = '',
): string {
  const order = inOrder(first);
  const main = order
    .map((language, i) => {
      const w = words(language);
      const { paragraphs, links = [] } = section(w, language);
      const subscribeAgain = `<a href="${markup(site.subscribe({ language }))}">${markup(w.subscribe)}</a>`;
      const heading = i === 0 ? 'h1' : 'h2';
      return `<section lang="${language}">
<${heading}>${markup(title(w))}</${heading}>
${paragraphs.map((text) => `<p>${markup(text)}</p>`).join('\n')}
${i === 0 ? form : ''}<p>${[...links, subscribeAgain].join(' · ')}</p>
</section>`;
    })
    .join('\n');
  return page({
    language: first,
    site,
    title: order.map((language) => title(words(language))).join(' · '),
    description: title(words(first)),
    head: '<meta name="robots" content="noindex" />',
    main,
  });
}

const addressLine = (w: Words, s: PageSubscription) => `${w.address}${s.maskedAddress}`;
const followed = (w: Words, count: number): string =>
  count === 1 ? w.pagesOne : fill(w.pages, 'count', count);
/** "Topic A, topic B, and the 2 articles you follow". */
const interestsOf = (w: Words, s: PageSubscription, language: Language): string =>
  [
    s.everyTopic ? w.every : s.topics[language].join(w.listSeparator),
    s.follows.length ? followed(w, s.follows.length) : '',
  ]
    .filter(Boolean)
    .join(w.and);

const button = (first: Language, label: (w: Words) => string): string =>
  `<button type="submit">${markup(
    inOrder(first)
      .map((language) => label(words(language)))
      .join(' · '),
  )}</button>`;

/**
 * What the confirmation link opens: what would be confirmed and a button that POSTs it. Opening the
 * link changes nothing, so mail scanners that follow links confirm nobody. The form carries the token
 * the visitor came with (and no other), so it works without JavaScript.
 */
export function confirmHtml(site: Site, s: PageSubscription, token: string): string {
  const form = `<form method="post" action="confirm">${hidden('token', token)}${button(s.language, (w) => w.confirmButton)}</form>\n`;
  return bilingual(
    site,
    s.language,
    (w) => w.confirmTitle,
    (w, language) => ({
      paragraphs: [addressLine(w, s), fill(w.confirm, 'topics', interestsOf(w, s, language))],
    }),
    form,
  );
}

export function confirmedHtml(
  site: Site,
  s: PageSubscription,
  alreadyConfirmed: boolean,
  manageUrl: string,
): string {
  return bilingual(
    site,
    s.language,
    (w) => w.confirmedTitle,
    (w, language) => ({
      paragraphs: [
        addressLine(w, s),
        fill(w.confirmed, 'topics', interestsOf(w, s, language)),
        ...(alreadyConfirmed ? [w.alreadyConfirmed] : []),
      ],
      links: [`<a href="${markup(manageUrl)}">${markup(w.manage)}</a>`],
    }),
  );
}

/**
 * The page the unsubscribe link in every message opens. Opening it changes nothing: only its form's
 * POST unsubscribes, so mail scanners that follow links cannot.
 */
export function unsubscribeHtml(site: Site, s: PageSubscription, token: string, subscribed: boolean): string {
  const form = `<form method="post" action="unsubscribe">${hidden('token', token)}${button(s.language, (w) => w.button)}</form>\n`;
  return bilingual(
    site,
    s.language,
    (w) => w.unsubscribeTitle,
    (w, language) => ({
      paragraphs: [
        addressLine(w, s),
        subscribed ? fill(w.unsubscribe, 'topics', interestsOf(w, s, language)) : w.alreadyUnsubscribed,
      ],
    }),
    subscribed ? form : '',
  );
}

export function unsubscribedHtml(site: Site, s: PageSubscription): string {
  return bilingual(
    site,
    s.language,
    (w) => w.unsubscribedTitle,
    (w) => ({ paragraphs: [addressLine(w, s), w.unsubscribed] }),
  );
}

/** Unknown id, wrong or expired token: one answer, so none of them can be told apart. */
export const deadLinkHtml = (site: Site): string =>
  bilingual(
    site,
    'zh-CN',
    (w) => w.deadLinkTitle,
    (w) => ({ paragraphs: [w.deadLink] }),
  );
