/**
 * GET /subscribe and what follows its form: the form (email or SMS; topics, an article to follow,
 * frequency, language), "check your inbox" for email, and the code step for SMS, which confirms in
 * the browser. Sent back with mistakes, the form keeps what was typed and says what to change beside
 * each field.
 */
import { type Language, languages } from '../domain/case.ts';
import { frequencies } from '../domain/subscription.ts';
import { allTopics, type Topic } from '../domain/topic.ts';
import type { Site } from '../presentation/site.ts';
import { markup } from '../presentation/text.ts';
import { publicWords, topicName } from '../presentation/words.ts';
import { choices, type FieldErrors, formSummary, hidden, textField } from './form-fields.ts';
import { page } from './layout.ts';
import { languageNames, pageWords } from './page-words.ts';

/** What the form holds: as the person typed it, or as a link preselected it. */
export interface SubscribeValues {
  channel: string;
  address: string;
  topics: string[];
  follows: string[];
  frequency: string;
  language: string;
}

export interface SubscribePageInput {
  language: Language;
  site: Site;
  topics: ReadonlyArray<Topic>;
  values: SubscribeValues;
  errors: FieldErrors;
  formToken: string;
  /** Why the whole form came back (rate limit, expired form), if not its fields. */
  refusal?: string;
}

/** The form's starting values: every topic unless a link chose a topic or an article. */
export function subscribeDefaults(
  language: Language,
  preselect: { topic?: string | undefined; follow?: string | undefined },
): SubscribeValues {
  const topics = preselect.topic ? [preselect.topic] : preselect.follow ? [] : [allTopics];
  return {
    channel: 'email',
    address: '',
    topics,
    follows: preselect.follow ? [preselect.follow] : [],
    frequency: 'immediate',
    language,
  };
}

const here = (path: string, language: Language) => (language === 'en' ? `${path}?lang=en` : path);

export function subscribePage(input: SubscribePageInput): string {
  const { language, site, values, errors } = input;
  const w = pageWords(language).subscribe;
  const form = `<form method="post" action="${markup(here('/subscribe', language))}" novalidate="">
${hidden('formToken', input.formToken)}
${choices({
  name: 'channel',
  legend: w.channel,
  type: 'radio',
  options: [
    { value: 'email', label: w.email },
    { value: 'sms', label: w.sms },
  ],
  selected: [values.channel],
  ...(errors.channel ? { error: errors.channel } : {}),
})}
${textField({
  name: 'address',
  label: w.address,
  value: values.address,
  hint: w.addressHint,
  required: true,
  attributes: ' autocomplete="email" spellcheck="false" maxlength="254"',
  ...(errors.address ? { error: errors.address } : {}),
})}
${choices({
  name: 'topics',
  legend: w.topics,
  type: 'checkbox',
  hint: w.topicsHint,
  options: [
    { value: allTopics, label: w.everyTopic },
    ...input.topics.map((topic) => ({
      value: topic.key,
      label: topicName(input.topics, topic.key, language),
    })),
  ],
  selected: values.topics,
  ...(errors.topics ? { error: errors.topics } : {}),
})}
${textField({
  name: 'follows',
  label: w.follows,
  type: 'url',
  value: values.follows.join('\n'),
  hint: w.followsHint,
  attributes: ' inputmode="url" spellcheck="false" maxlength="2048"',
  ...(errors.follows ? { error: errors.follows } : {}),
})}
${choices({
  name: 'frequency',
  legend: w.frequency,
  type: 'radio',
  options: frequencies.map((frequency) => ({
    value: frequency,
    label: pageWords(language).frequency[frequency],
  })),
  selected: [values.frequency],
  ...(errors.frequency ? { error: errors.frequency } : {}),
})}
${choices({
  name: 'language',
  legend: w.language,
  type: 'radio',
  options: languages.map((l) => ({ value: l, label: languageNames[l], lang: l })),
  selected: [values.language],
  ...(errors.language ? { error: errors.language } : {}),
})}
<button type="submit">${markup(w.submit)}</button>
</form>`;
  const main = `<h1>${markup(w.title)}</h1>
<p>${markup(w.intro)}</p>
${formSummary(language, errors, input.refusal)}
${form}
<p>${markup(w.feeds)}<a href="${markup(site.atomFeed)}" type="application/atom+xml">Atom</a> · <a href="${markup(site.jsonFeed)}" type="application/feed+json">JSON Feed</a></p>`;
  return page({
    language,
    site,
    title: w.title,
    description: w.intro,
    canonical: site.subscribe({ language }),
    // The other language keeps what a link chose: one article, or one topic.
    otherLanguage: site.subscribe({
      language: publicWords[language].switchTo.language,
      ...(values.follows.length === 1 ? { follow: values.follows[0] } : {}),
      ...(values.topics.length === 1 && values.topics[0] !== allTopics ? { topic: values.topics[0] } : {}),
    }),
    main,
  });
}

/** After an email request: what happens next. */
export function checkInboxPage(language: Language, site: Site): string {
  const w = pageWords(language).subscribe;
  return page({
    language,
    site,
    title: w.sentTitle,
    description: w.sent,
    head: '<meta name="robots" content="noindex" />',
    main: `<h1>${markup(w.sentTitle)}</h1>
<p class="done" role="status">${markup(w.sent)}</p>
<p>${markup(w.sentLater)}</p>
<p><a href="${markup(site.home({ language }))}">${markup(publicWords[language].backHome)}</a></p>`,
  });
}

/** After an SMS request: the code, typed here, confirms the subscription. */
export function codePage(input: {
  language: Language;
  site: Site;
  subscriptionId: string;
  code?: string;
  error?: string;
}): string {
  const { language, site } = input;
  const w = pageWords(language).subscribe;
  const action = here(`/subscriptions/${encodeURIComponent(input.subscriptionId)}/verify`, language);
  return page({
    language,
    site,
    title: w.codeTitle,
    description: w.codeIntro,
    head: '<meta name="robots" content="noindex" />',
    main: `<h1>${markup(w.codeTitle)}</h1>
<p>${markup(w.codeIntro)}</p>
${input.error ? formSummary(language, { code: input.error }) : ''}
<form method="post" action="${markup(action)}" novalidate="">
${textField({
  name: 'code',
  label: w.code,
  value: input.code ?? '',
  required: true,
  attributes: ' inputmode="numeric" autocomplete="one-time-code" maxlength="6" pattern="[0-9]{6}"',
  ...(input.error ? { error: input.error } : {}),
})}
<button type="submit">${markup(w.confirm)}</button>
</form>`,
  });
}
