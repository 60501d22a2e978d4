/**
 * GET /subscriptions/{id}/manage?token=: what a subscription receives, as a form that changes it
 * (topics, articles followed, frequency, language), posted back to the same address with its token.
 * Linked from every message beside unsubscribe; opening it changes nothing.
 */
import { type Language, languages } from '../domain/case.ts';
import { frequencies } from '../domain/subscription.ts';
import { allTopics, type Topic } from '../domain/topic.ts';
import type { Site } from '../presentation/site.ts';
import { markup } from '../presentation/text.ts';
import { topicName } from '../presentation/words.ts';
import { choices, type FieldErrors, formSummary, hidden, textField } from './form-fields.ts';
import { page } from './layout.ts';
import { languageNames, pageWords } from './page-words.ts';
import type { SubscribeValues } from './subscribe-page.ts';

export type ManageValues = Omit<SubscribeValues, 'channel' | 'address'>;

export interface ManagePageInput {
  language: Language;
  site: Site;
  topics: ReadonlyArray<Topic>;
  maskedAddress: string;
  /** Only an active subscription can be changed here. */
  active: boolean;
  values: ManageValues;
  errors: FieldErrors;
  token: string;
  unsubscribeUrl: string;
  /** What just happened, said at the top: saved, or confirmed by the SMS code. */
  notice?: 'saved' | 'confirmed';
}

export function managePage(input: ManagePageInput): string {
  const { language, site, values, errors } = input;
  const w = pageWords(language).manage;
  const s = pageWords(language).subscribe;
  const error = (name: keyof FieldErrors) => (errors[name] ? { error: errors[name] } : {});
  const form = `<form method="post" action="manage${language === 'en' ? '?lang=en' : ''}" novalidate="">
${hidden('token', input.token)}
${choices({
  name: 'topics',
  legend: s.topics,
  type: 'checkbox',
  hint: s.topicsHint,
  options: [
    { value: allTopics, label: s.everyTopic },
    ...input.topics.map((topic) => ({
      value: topic.key,
      label: topicName(input.topics, topic.key, language),
    })),
  ],
  selected: values.topics,
  ...error('topics'),
})}
${textField({ name: 'follows', label: w.follows, value: values.follows.join('\n'), hint: w.followsHint, multiline: true, attributes: ' spellcheck="false"', ...error('follows') })}
${choices({
  name: 'frequency',
  legend: s.frequency,
  type: 'radio',
  options: frequencies.map((frequency) => ({
    value: frequency,
    label: pageWords(language).frequency[frequency],
  })),
  selected: [values.frequency],
  ...error('frequency'),
})}
${choices({
  name: 'language',
  legend: s.language,
  type: 'radio',
  options: languages.map((l) => ({ value: l, label: languageNames[l], lang: l })),
  selected: [values.language],
  ...error('language'),
})}
<button type="submit">${markup(w.submit)}</button>
</form>`;
  const notice = input.notice
    ? `<p class="done" role="status">${markup(input.notice === 'saved' ? w.saved : w.confirmed)}</p>\n`
    : '';
  const body = input.active
    ? `${formSummary(language, errors)}\n${form}\n<p><a href="${markup(input.unsubscribeUrl)}">${markup(w.unsubscribe)}</a></p>`
    : `<p>${markup(w.notActive)}</p>\n<p><a href="${markup(site.subscribe({ language }))}">${markup(w.subscribeAgain)}</a></p>`;
  return page({
    language,
    site,
    title: w.title,
    description: w.intro,
    head: '<meta name="robots" content="noindex" />',
    main: `<h1>${markup(w.title)}</h1>
${notice}<p>${markup(w.intro)}</p>
<p>${markup(w.address)}${markup(input.maskedAddress)}</p>
${body}`,
  });
}
