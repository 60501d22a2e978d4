/**
 * GET /report (an article links here with ?url= its own address) and the reporter's tracking page,
 * GET /submissions/{id}?token= in a browser: where the report stands, and the correction once
 * published. The tracking page's address is the reporter's secret: it is never indexed or cached.
 */
import { type Language, languages } from '../domain/case.ts';
import type { Topic } from '../domain/topic.ts';
import type { Site } from '../presentation/site.ts';
import { markup } from '../presentation/text.ts';
import { publicWords, topicName } from '../presentation/words.ts';
import type { SubmissionStatus } from '../usecases/read-submission.ts';
import { choices, type FieldErrors, formSummary, hidden, textField } from './form-fields.ts';
import { page, timeElement } from './layout.ts';
import { languageNames, pageWords } from './page-words.ts';

export interface ReportValues {
  url: string;
  text: string;
  topic: string;
  evidence: string;
  language: string;
  email: string;
  phone: string;
}

export const reportDefaults = (language: Language, url = ''): ReportValues => ({
  url,
  text: '',
  topic: '',
  evidence: '',
  language,
  email: '',
  phone: '',
});

export interface ReportPageInput {
  language: Language;
  site: Site;
  topics: ReadonlyArray<Topic>;
  values: ReportValues;
  errors: FieldErrors;
  formToken: string;
  refusal?: string;
}

export function reportPage(input: ReportPageInput): string {
  const { language, site, values, errors } = input;
  const w = pageWords(language).report;
  const optional = (label: string) => `${label}${language === 'zh-CN' ? '（选填）' : ' (optional)'}`;
  const error = (name: keyof FieldErrors) => (errors[name] ? { error: errors[name] } : {});
  const form = `<form method="post" action="${language === 'en' ? '/report?lang=en' : '/report'}" novalidate="">
${hidden('formToken', input.formToken)}
${textField({ name: 'url', label: optional(w.url), type: 'url', value: values.url, hint: w.urlHint, attributes: ' inputmode="url" spellcheck="false" maxlength="2048"', ...error('url') })}
${textField({ name: 'text', label: w.text, value: values.text, hint: w.textHint, multiline: true, required: true, attributes: ' maxlength="5000"', ...error('text') })}
${choices({
  name: 'topic',
  legend: optional(w.topic),
  type: 'radio',
  options: [
    { value: '', label: w.unknownTopic },
    ...input.topics.map((topic) => ({
      value: topic.key,
      label: topicName(input.topics, topic.key, language),
    })),
  ],
  selected: [values.topic],
  ...error('topic'),
})}
${textField({ name: 'evidence', label: optional(w.evidence), value: values.evidence, hint: w.evidenceHint, multiline: true, attributes: ' spellcheck="false"', ...error('evidence') })}
${choices({
  name: 'language',
  legend: w.language,
  type: 'radio',
  options: languages.map((l) => ({ value: l, label: languageNames[l], lang: l })),
  selected: [values.language],
  ...error('language'),
})}
<fieldset aria-describedby="contact-hint">
<legend>${markup(optional(w.contact))}</legend>
<span class="hint" id="contact-hint">${markup(w.contactHint)}</span>
${textField({ name: 'email', label: w.email, type: 'email', value: values.email, attributes: ' autocomplete="email" spellcheck="false" maxlength="254"', ...error('email') })}
${textField({ name: 'phone', label: w.phone, type: 'tel', value: values.phone, attributes: ' autocomplete="tel" maxlength="16"', ...error('phone') })}
</fieldset>
<button type="submit">${markup(w.submit)}</button>
</form>`;
  return page({
    language,
    site,
    title: w.title,
    description: w.intro,
    canonical: site.report({ language }),
    otherLanguage: site.report({
      language: publicWords[language].switchTo.language,
      ...(values.url ? { url: values.url } : {}),
    }),
    main: `<h1>${markup(w.title)}</h1>
<p>${markup(w.intro)}</p>
${formSummary(language, errors, input.refusal)}
${form}`,
  });
}

export function trackingPage(input: {
  language: Language;
  site: Site;
  timeZone: string;
  status: SubmissionStatus;
}): string {
  const { language, site, status } = input;
  const w = pageWords(language).report;
  const correction = status.correctionId
    ? `<p>${markup(w.correction)}<a href="${markup(site.permalink(status.correctionId, language))}">${markup(site.permalink(status.correctionId, language))}</a></p>\n`
    : '';
  return page({
    language,
    site,
    title: w.trackingTitle,
    description: w.statuses[status.status],
    head: '<meta name="robots" content="noindex" />',
    main: `<h1>${markup(w.trackingTitle)}</h1>
<dl class="status">
<dt>${markup(w.status)}</dt>
<dd>${markup(w.statuses[status.status])}</dd>
<dt>${markup(w.updated)}</dt>
<dd>${timeElement(status.updatedAt, language, input.timeZone)}</dd>
</dl>
${correction}<p class="note">${markup(w.bookmark)}</p>
<p><a href="${markup(site.home({ language }))}">${markup(publicWords[language].backHome)}</a></p>`,
  });
}
