/** The pages' own errors, as pages: a person who follows a broken link gets a way back, not JSON. */
import type { Language } from '../domain/case.ts';
import type { Site } from '../presentation/site.ts';
import { markup } from '../presentation/text.ts';
import { publicWords } from '../presentation/words.ts';
import { page } from './layout.ts';

export function errorPage(status: 400 | 404, language: Language, site: Site): string {
  const words = publicWords[language];
  const [title, text] =
    status === 404 ? [words.notFound, words.notFoundText] : [words.badRequest, words.badRequestText];
  return page({
    language,
    site,
    title,
    description: text,
    otherLanguage: site.home({ language: words.switchTo.language }),
    head: '<meta name="robots" content="noindex" />',
    main: `<h1>${markup(title)}</h1>
<p>${markup(text)}</p>
<p><a href="${markup(site.home({ language }))}">${markup(words.backHome)}</a></p>`,
  });
}
