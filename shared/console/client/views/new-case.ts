/**
 * Opening a case from monitoring or staff. Each submission carries an Idempotency-Key: sending the same
 * form again (a second click, a retry after a lost answer) reuses it, so the case is opened once.
 */
import { type Case, languages, severities } from '../../../domain/case.ts';
import { type Context, topicLabel } from '../context.ts';
import { h } from '../dom.ts';
import { field, form, input, select, textarea } from '../forms.ts';
import { idempotencyKeyFor } from '../model.ts';
import { randomToken } from '../oauth.ts';

export function newCaseView(context: Context): HTMLElement {
  const { words } = context;
  let attempt: { key: string; body: string } | undefined;
  const text = textarea('text', '', { required: true, rows: '6' });
  const url = input('url', { type: 'url', autocomplete: 'off' });
  const topic = select(
    'topic',
    context.topics.map((t) => [t.key, topicLabel(context, t.key)] as const),
  );
  const severity = select('severity', [
    ['', words.topicDefault],
    ...severities.map((s) => [s, words.severities[s]] as const),
  ]);
  const source = select(
    'source',
    (['monitoring', 'staff'] as const).map((s) => [s, words.sources[s]] as const),
    'monitoring',
  );
  const evidence = textarea('evidence', '', { rows: '3' });
  const language = select(
    'language',
    languages.map((l) => [l, words.languages[l]] as const),
    context.language,
  );
  const created = form({
    label: words.openCase,
    words,
    button: words.create,
    content: [
      field(words.caseText, text),
      field(words.caseUrl, url),
      field(words.topic, topic),
      field(words.caseSeverity, severity),
      field(words.caseSource, source),
      field(words.caseEvidence, evidence),
      field(words.caseLanguage, language),
    ],
    async submit() {
      const links = evidence.value
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      const body = {
        text: text.value,
        topic: topic.value,
        source: source.value,
        language: language.value,
        ...(url.value.trim() ? { url: url.value.trim() } : {}),
        ...(severity.value ? { severity: severity.value } : {}),
        ...(links.length ? { evidence: links } : {}),
      };
      attempt = idempotencyKeyFor(attempt, JSON.stringify(body), () => randomToken(16));
      const { data } = await context.api.call<Case>('POST', 'admin/cases', {
        body,
        idempotencyKey: attempt.key,
      });
      context.navigate(`#/cases/${encodeURIComponent(data.id)}`);
    },
  });
  return h(
    'section',
    { 'aria-labelledby': 'new-case-title' },
    h('h1', { id: 'new-case-title', tabindex: -1 }, words.openCase),
    created,
  );
}
