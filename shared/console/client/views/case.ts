/**
 * One case: every field, the history, and the actions its status allows your groups. Every change
 * sends If-Match with the case's ETag; when the case changed meanwhile (412) or its status no longer
 * allows the action (409), the case is reloaded and what you typed is put back into the form.
 */

import {
  type Case,
  type CorrectionType,
  correctionTypes,
  type HistoryEntry,
  severities,
  verdicts,
} from '../../../domain/case.ts';
import type { DiffPart } from '../../../presentation/word-diff.ts';
import { typeLabels } from '../../../presentation/words.ts';
import type { MessagePreview } from '../../../usecases/preview-messages.ts';
import { ApiError } from '../api.ts';
import { type Context, dueOf, severityBadge, statusBadge, timeOf, topicLabel } from '../context.ts';
import { type Child, h, replaceChildren, webLink } from '../dom.ts';
import {
  confirmAction,
  errorBox,
  field,
  form,
  formValues,
  input,
  problemMessage,
  restoreValues,
  select,
  showError,
  showProblem,
  textarea,
} from '../forms.ts';
import { type CaseView, ifMatchOf, measureSms, type OfferedAction, offeredActions } from '../model.ts';
import type { CaseField, ConsoleAction, Words } from '../words.ts';
import { deliveriesPanel } from './deliveries.ts';

/** While a case waits for the publisher, it is read again this often until it is published. */
const publicationPollMs = 2000;

interface Notice {
  message: string;
  kind: 'done' | 'problem';
  /** What was typed into an action's form before a reload, to put back. */
  preserve?: { action: ConsoleAction; values: Map<string, string> };
  /** The draft was saved by someone else meanwhile: show theirs beside what is being put back. */
  conflict?: boolean;
}

/** History entries whose note is what a person wrote (findings, reasons), shown as they wrote it. */
const typedNotes = new Set(['review', 'request-changes', 'close', 'amend']);

const shownFields: CaseField[] = [
  'id',
  'status',
  'severity',
  'topic',
  'source',
  'language',
  'text',
  'url',
  'evidence',
  'reportCount',
  'assignee',
  'dueAt',
  'createdAt',
  'updatedAt',
  'version',
  'amends',
  'amendmentNote',
  'review',
  'draft',
  'approval',
  'correctionId',
  'resolution',
];

const definitions = (rows: Array<[label: string, value: Child]>): HTMLElement =>
  h(
    'dl',
    {},
    ...rows
      .filter(([, value]) => value !== undefined && value !== null && value !== '')
      .flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]),
  );

const caseLink = (id: string): HTMLElement => h('a', { href: `#/cases/${encodeURIComponent(id)}` }, id);

/** A published correction's public page. */
const permalink = (context: Context, correctionId: string): HTMLElement =>
  h(
    'a',
    {
      href: new URL(`c/${encodeURIComponent(correctionId)}`, context.apiBase).href,
      target: '_blank',
      rel: 'noopener',
    },
    correctionId,
  );

function fieldValue(context: Context, c: CaseView, name: CaseField): Child {
  const { words } = context;
  switch (name) {
    case 'status':
      return statusBadge(context, c);
    case 'severity':
      return severityBadge(context, c);
    case 'topic':
      return `${topicLabel(context, c.topic)} (${c.topic})`;
    case 'source':
      return words.sources[c.source];
    case 'language':
      return words.languages[c.language] ?? c.language;
    case 'text':
      return h('p', { class: 'prose', lang: c.language }, c.text);
    case 'url':
      return c.url && webLink(c.url);
    case 'evidence':
      return c.evidence?.length ? h('ul', {}, ...c.evidence.map((url) => h('li', {}, webLink(url)))) : null;
    case 'dueAt':
      return dueOf(context, c);
    case 'createdAt':
    case 'updatedAt':
      return timeOf(context, c[name]);
    case 'amends':
      return c.amends && permalink(context, c.amends);
    case 'correctionId':
      return c.correctionId && permalink(context, c.correctionId);
    case 'review':
      return (
        c.review &&
        definitions([
          [words.verdict, words.verdicts[c.review.verdict]],
          [words.findings, h('p', { class: 'prose' }, c.review.findings)],
          [words.duplicateOf, c.review.duplicateOf && caseLink(c.review.duplicateOf)],
          [words.reviewer, c.review.reviewer],
          [words.at, timeOf(context, c.review.at)],
        ])
      );
    case 'draft':
      return (
        c.draft &&
        definitions([
          [words.draftType, typeLabels[context.language][c.draft.type]],
          [words.headline, h('p', { lang: c.language }, c.draft.headline)],
          [words.body, h('p', { class: 'prose', lang: c.language }, c.draft.body)],
          [words.smsText, c.draft.smsText && h('p', { lang: c.language }, c.draft.smsText)],
          [words.affectedUrl, c.draft.affectedUrl && webLink(c.draft.affectedUrl)],
          [words.author, c.draft.author],
          [words.at, timeOf(context, c.draft.at)],
        ])
      );
    case 'approval':
      return (
        c.approval &&
        definitions([
          [words.approver, c.approval.approver],
          [words.at, timeOf(context, c.approval.at)],
        ])
      );
    case 'resolution':
      return (
        c.resolution &&
        definitions([
          [words.fields.resolution, words.resolutionKinds[c.resolution.kind]],
          [words.reason, h('p', { class: 'prose' }, c.resolution.reason)],
          [words.duplicateOf, c.resolution.duplicateOf && caseLink(c.resolution.duplicateOf)],
        ])
      );
    default: {
      const value = c[name];
      return value === undefined ? null : String(value);
    }
  }
}

function details(context: Context, c: CaseView): HTMLElement {
  const known = new Set<string>([...shownFields, 'history']);
  // Fields this console does not know yet are still shown, as the API gives them.
  const others = Object.entries(c).filter(([name]) => !known.has(name));
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'case-details' },
    h('h2', { id: 'case-details' }, context.words.details),
    definitions(shownFields.map((name) => [context.words.fields[name], fieldValue(context, c, name)])),
    others.length
      ? h(
          'details',
          {},
          h('summary', {}, context.words.otherFields),
          definitions(others.map(([name, value]) => [name, JSON.stringify(value)])),
        )
      : null,
  );
}

/** One history entry's facts in the reader's language, from its structured details. */
function historyFacts(context: Context, entry: HistoryEntry): string[] {
  const { words } = context;
  const d = entry.details;
  if (!d) return entry.note ? [entry.note] : [];
  const t = words.historyDetails;
  return [
    d.source && t.source(words.sources[d.source] ?? d.source),
    d.assignee && t.assignee(d.assignee),
    d.verdict && t.verdict(words.verdicts[d.verdict] ?? d.verdict),
    d.duplicateOf && t.duplicateOf(d.duplicateOf),
    entry.action === 'draft' && d.headline ? t.headline(d.headline) : '',
    d.topic && t.topic(topicLabel(context, d.topic.from), topicLabel(context, d.topic.to)),
    d.severity && t.severity(words.severities[d.severity.from], words.severities[d.severity.to]),
    d.mergedCase ? t.merged(d.mergedCase, d.reportCount ?? 0) : d.reportCount ? t.reports(d.reportCount) : '',
    d.correctionId && t.correction(d.correctionId),
    entry.action === 'update' && !d.topic && !d.severity ? t.noChange : '',
    typedNotes.has(entry.action) && entry.note ? entry.note : '',
  ].filter((fact): fact is string => Boolean(fact));
}

function history(context: Context, entries: HistoryEntry[]): HTMLElement {
  const { words } = context;
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'case-history' },
    h('h2', { id: 'case-history' }, words.history),
    h(
      'ol',
      { class: 'timeline' },
      ...entries.map((entry) =>
        h(
          'li',
          { 'data-action': entry.action },
          h('p', { class: 'meta' }, timeOf(context, entry.at), ` · ${entry.actor}`),
          h(
            'p',
            {},
            h('strong', {}, words.historyActions[entry.action] ?? words.unknownAction),
            entry.from && entry.to && entry.from !== entry.to
              ? ` ${words.statuses[entry.from]} → ${words.statuses[entry.to]}`
              : entry.to && !entry.from
                ? ` → ${words.statuses[entry.to]}`
                : null,
          ),
          ...historyFacts(context, entry).map((fact) => h('p', { class: 'prose' }, fact)),
        ),
      ),
    ),
  );
}

/** Text with what was removed struck through and what was added underlined. */
const diffLine = (parts: DiffPart[], words: Words, lang: string) =>
  h(
    'p',
    { class: 'diff prose', lang },
    ...parts.map((part) =>
      part.op === 'same'
        ? part.text
        : h(
            part.op === 'added' ? 'ins' : 'del',
            { 'aria-label': `${part.op === 'added' ? words.added : words.removed}${part.text}` },
            part.text,
          ),
    ),
  );

/** The messages approving would send, per language, and (amendments) what changed. */
function previewPanel(context: Context, c: CaseView, preview: MessagePreview): HTMLElement {
  const { words } = context;
  const changes = preview.changes;
  return h(
    'section',
    { class: 'preview', 'aria-labelledby': 'preview-title' },
    h('h4', { id: 'preview-title' }, words.preview),
    changes
      ? h(
          'div',
          { class: 'message changes' },
          h('h5', {}, words.changes(changes.fromVersion)),
          definitions([
            [words.headline, diffLine(changes.headline, words, c.language)],
            [words.body, diffLine(changes.body, words, c.language)],
            [words.smsText, changes.smsText && diffLine(changes.smsText, words, c.language)],
          ]),
        )
      : null,
    ...preview.languages.map((one) =>
      h(
        'div',
        { class: 'message', 'data-language': one.language },
        h(
          'h5',
          {},
          words.previewLanguage(
            words.languages[one.language] ?? one.language,
            one.audience.email,
            one.audience.sms,
          ),
        ),
        definitions([
          [words.emailSubject, h('pre', { class: 'email-subject', lang: one.language }, one.email.subject)],
          [words.emailBody, h('pre', { class: 'email-body', lang: one.language }, one.email.text)],
          [
            words.smsMessage(one.sms.segments, one.sms.encoding),
            h('pre', { class: 'sms-text', lang: one.language }, one.sms.text),
          ],
        ]),
      ),
    ),
    preview.placeholders.correctionId
      ? h('p', { class: 'meta' }, words.placeholderId(preview.placeholders.correctionId))
      : null,
    h('p', { class: 'meta' }, words.placeholderUnsubscribe(preview.placeholders.unsubscribeLink)),
  );
}

export function caseView(context: Context, id: string): HTMLElement {
  const { words } = context;
  const heading = h('h1', { tabindex: -1 }, words.caseTitle(id));
  const body = h('div', { class: 'case-body' }, h('p', { role: 'status' }, words.loading));
  const view = h(
    'section',
    { class: 'case' },
    h('p', {}, h('a', { href: '#/queue' }, words.back)),
    heading,
    body,
  );
  let current: CaseView | undefined;
  let etag: string | null = null;
  /** The draft form on screen: whether it holds unsaved text, and what saving it sends. */
  let draft: { form: HTMLFormElement; unsaved(): boolean; body(): Record<string, string> } | undefined;
  context.protectUnsaved(view, () => draft?.unsaved() ?? false);

  const load = async (notice?: Notice): Promise<void> => {
    try {
      const answer = await context.api.call<CaseView>('GET', `admin/cases/${encodeURIComponent(id)}`);
      if (!context.isCurrent(view)) return;
      const previous = current;
      current = answer.data;
      etag = answer.etag;
      // A poll that finds nothing new leaves the page (and whatever has focus) alone.
      if (notice || previous?.version !== current.version) render(current, notice);
      if (!notice && previous && previous.status !== current.status) {
        context.announce(words.statuses[current.status]);
      }
    } catch (error) {
      // A failed poll keeps the case on screen; the next poll tries again.
      if (!context.isCurrent(view) || (current && !notice)) return;
      const box = errorBox();
      showError(box, words, problemMessage(error, words));
      replaceChildren(body, box);
    }
    if (current?.status === 'approved') {
      setTimeout(() => {
        if (context.isCurrent(view)) void load();
      }, publicationPollMs);
    }
  };

  const render = (c: CaseView, notice?: Notice) => {
    const top: Child[] = [];
    if (notice?.kind === 'problem') {
      const box = errorBox();
      showError(box, words, notice.message);
      top.push(box);
    } else if (notice) {
      top.push(h('p', { class: 'notice' }, notice.message));
    }
    if (c.status === 'approved') top.push(h('p', { class: 'notice' }, words.waitingForPublication));
    if (c.status === 'published' && c.correctionId) {
      top.push(h('p', { class: 'notice' }, words.published, ' ', permalink(context, c.correctionId)));
      top.push(deliveriesPanel(context, c.correctionId));
    }
    draft = undefined;
    const forms = offeredActions(c, context.actor).map((offered) => actionPanel(c, offered, notice));
    replaceChildren(
      body,
      ...top,
      h(
        'p',
        { class: 'case-line' },
        severityBadge(context, c),
        ' ',
        statusBadge(context, c),
        ' ',
        topicLabel(context, c.topic),
      ),
      h(
        'div',
        { class: 'case-grid' },
        details(context, c),
        h(
          'section',
          { class: 'panel actions', 'aria-labelledby': 'case-actions' },
          h('h2', { id: 'case-actions' }, words.actions),
          ...(forms.length ? forms : [h('p', { class: 'meta' }, words.noActions)]),
        ),
        history(context, c.history ?? []),
      ),
    );
    if (notice?.preserve) {
      const again = body.querySelector<HTMLFormElement>(`form[data-action="${notice.preserve.action}"]`);
      if (again) restoreValues(again, notice.preserve.values);
    }
    if (notice) heading.focus();
  };

  /**
   * One change of the case: `run` makes its calls with If-Match; on 412 or 409 the case is
   * reloaded with the problem and what was typed put back (the draft's beside the version someone
   * else saved meanwhile), else the case as it now is.
   */
  const perform = async (
    action: ConsoleAction,
    formElement: HTMLFormElement,
    run: (ifMatch: string) => Promise<void>,
  ): Promise<void> => {
    if (!current) return;
    try {
      await run(ifMatchOf(current, etag));
    } catch (error) {
      if (error instanceof ApiError && (error.status === 412 || error.status === 409)) {
        const message =
          error.status === 412
            ? words.errors.changed
            : `${words.errors.conflict} ${problemMessage(error, words)}`.trim();
        // Unsaved wording is what matters most: it is the draft form's values that are put back.
        const kept = draft && (action === 'draft' || draft.unsaved()) ? draft.form : formElement;
        const keptAction = kept === formElement ? action : 'draft';
        await load({
          message,
          kind: 'problem',
          preserve: { action: keptAction, values: formValues(kept) },
          conflict: keptAction === 'draft' && error.status === 412,
        });
        return;
      }
      throw error;
    }
    context.announce(words.actionDone[action]);
    await load({ message: words.actionDone[action], kind: 'done' });
  };

  const casePath = (path: string) => `admin/cases/${encodeURIComponent(id)}${path}`;
  const change = (
    action: ConsoleAction,
    formElement: HTMLFormElement,
    method: string,
    path: string,
    requestBody?: unknown,
  ): Promise<void> =>
    perform(action, formElement, async (ifMatch) => {
      await context.api.call<Case>(method, casePath(path), {
        ...(requestBody === undefined ? {} : { body: requestBody }),
        ifMatch,
      });
    });

  /**
   * Submitting with unsaved wording saves it first, so what is approved is what was on screen; when
   * the save is refused, its problems show in the draft form and nothing is submitted.
   */
  const submitDraft = (formElement: HTMLFormElement): Promise<void> =>
    perform('submit', formElement, async (ifMatch) => {
      let version = ifMatch;
      if (draft?.unsaved()) {
        try {
          const saved = await context.api.call<Case>('PUT', casePath('/draft'), {
            body: draft.body(),
            ifMatch,
          });
          version = saved.etag ?? `"${saved.data.version}"`;
        } catch (error) {
          if (error instanceof ApiError && error.status === 400) {
            showProblem(draft.form, draft.form.querySelector('.problem') as HTMLElement, error, words);
            throw new Error(words.unsavedNotSaved);
          }
          throw error;
        }
      }
      await context.api.call<Case>('POST', casePath('/submit'), { ifMatch: version });
    });

  const actionPanel = (c: CaseView, offered: OfferedAction, notice?: Notice): HTMLElement => {
    const { action } = offered;
    const title = words.actionTitles[action];
    const titleId = `action-${action}`;
    const panel = (...content: Child[]) =>
      h(
        'section',
        { class: 'action', 'aria-labelledby': titleId },
        h('h3', { id: titleId }, title),
        ...content,
      );
    const tone = action === 'approve' ? 'publish' : action === 'close' ? 'danger' : undefined;
    const make = (content: Child[], submit: (f: HTMLFormElement) => Promise<void>, disabled = false) => {
      const element = form({
        label: title,
        words,
        content,
        button: words.actionButtons[action],
        ...(tone ? { tone } : {}),
        disabled,
        submit,
      });
      element.dataset.action = action;
      return element;
    };
    const value = (f: HTMLFormElement, name: string): string =>
      (f.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '';

    switch (action) {
      case 'assign':
        return panel(
          make(
            [
              field(
                words.assignee,
                input('assignee', { value: context.actor.id, required: true }),
                words.assignHint,
              ),
            ],
            (f) => change(action, f, 'POST', '/assign', { assignee: value(f, 'assignee').trim() }),
          ),
        );
      case 'review': {
        const verdict = select(
          'verdict',
          verdicts.map((v) => [v, words.verdicts[v]] as const),
          'correction',
        );
        const duplicateOf = input('duplicateOf', { autocomplete: 'off' });
        const duplicateField = field(words.duplicateOf, duplicateOf);
        const sync = () => {
          duplicateField.hidden = verdict.value !== 'duplicate';
          duplicateOf.required = verdict.value === 'duplicate';
        };
        verdict.addEventListener('change', sync);
        verdict.addEventListener('input', sync);
        sync();
        return panel(
          make(
            [
              field(words.verdict, verdict),
              field(words.findings, textarea('findings', '', { required: true })),
              duplicateField,
            ],
            (f) =>
              change(action, f, 'POST', '/review', {
                verdict: verdict.value,
                findings: value(f, 'findings'),
                ...(verdict.value === 'duplicate' ? { duplicateOf: duplicateOf.value.trim() } : {}),
              }),
          ),
        );
      }
      case 'draft':
        return panel(...draftForm(c, make, notice?.conflict === true));
      case 'submit': {
        const savesFirst = h(
          'p',
          { class: 'hint unsaved', id: 'submit-saves-first', hidden: true },
          words.submitSavesFirst,
        );
        // Shown while the draft form holds unsaved text, which submitting will save first.
        const sync = () => {
          savesFirst.hidden = !draft?.unsaved();
        };
        queueMicrotask(() => {
          sync();
          draft?.form.addEventListener('input', sync);
          draft?.form.addEventListener('change', sync);
        });
        return panel(
          offered.blocked === 'needs-draft' ? h('p', { class: 'hint' }, words.submitNeedsDraft) : null,
          savesFirst,
          make([], (f) => submitDraft(f), offered.blocked !== undefined),
        );
      }
      case 'request-changes':
        return panel(
          make([field(words.note, textarea('note', '', { required: true }))], (f) =>
            change(action, f, 'POST', '/request-changes', { note: value(f, 'note') }),
          ),
        );
      case 'approve': {
        const own = offered.blocked === 'own-draft';
        // The preview loads beside the button; approving never waits for it, but asks first.
        let counts: { email: number; sms: number; reporters: number } | undefined;
        const approveForm = make(
          [],
          async (f) => {
            const confirmed = await confirmAction({
              title: words.confirmTitle,
              message: counts
                ? words.confirmPublish(counts.email, counts.sms, counts.reporters)
                : words.confirmAudienceUnknown,
              confirm: words.confirmButton,
              cancel: words.cancel,
              tone: 'publish',
            });
            if (confirmed) await change(action, f, 'POST', '/approve');
          },
          own,
        );
        const audience = h('div', { class: 'audience', 'aria-live': 'polite' });
        const messages = h('div', { class: 'messages' });
        const showMessages = async () => {
          replaceChildren(messages, h('p', { class: 'meta' }, words.previewLoading));
          try {
            const { data } = await context.api.call<MessagePreview>('GET', casePath('/preview-messages'));
            if (context.isCurrent(view)) replaceChildren(messages, previewPanel(context, c, data));
          } catch (error) {
            const retry = h('button', { type: 'button', class: 'secondary' }, words.retry);
            retry.addEventListener('click', () => void showMessages());
            replaceChildren(
              messages,
              h('p', { role: 'alert' }, `${words.previewFailed} ${problemMessage(error, words)}`),
              retry,
            );
          }
        };
        const showAudience = async () => {
          replaceChildren(audience, h('p', { class: 'meta' }, words.audienceLoading));
          try {
            const { data } = await context.api.call<{
              email: number;
              sms: number;
              reporters: number;
              pages?: Array<{ email: number; sms: number }>;
              digests?: { email: number; sms: number };
              approximate?: true;
              smsSegments?: number;
            }>('GET', `admin/cases/${encodeURIComponent(id)}/audience`);
            const page = data.pages?.[0];
            counts = data;
            replaceChildren(
              audience,
              h(
                'p',
                {},
                h('strong', {}, `${words.audience}: `),
                words.audienceCounts(data.email, data.sms, data.reporters),
              ),
              page && page.email + page.sms > 0
                ? h('p', { class: 'meta' }, words.audiencePage(page.email, page.sms))
                : null,
              data.digests && data.digests.email + data.digests.sms > 0
                ? h('p', { class: 'meta' }, words.audienceDigests(data.digests.email, data.digests.sms))
                : null,
              data.approximate ? h('p', { class: 'meta' }, words.audienceApproximate) : null,
              data.smsSegments === undefined
                ? null
                : h('p', { class: 'meta' }, words.audienceSegments(data.smsSegments)),
            );
          } catch (error) {
            const retry = h('button', { type: 'button', class: 'secondary' }, words.retry);
            retry.addEventListener('click', () => void showAudience());
            replaceChildren(
              audience,
              h('p', { role: 'alert' }, `${words.audienceFailed} ${problemMessage(error, words)}`),
              retry,
            );
          }
        };
        void showAudience();
        void showMessages();
        return panel(
          audience,
          own ? h('p', { class: 'hint', id: 'own-draft' }, words.ownDraft) : null,
          approveForm,
          messages,
        );
      }
      case 'close':
        return panel(
          make([field(words.reason, textarea('reason', '', { required: true }))], async (f) => {
            const confirmed = await confirmAction({
              title: words.confirmCloseTitle,
              message: words.confirmClose,
              confirm: words.confirmCloseButton,
              cancel: words.cancel,
              tone: 'danger',
            });
            if (confirmed) await change(action, f, 'POST', '/close', { reason: value(f, 'reason') });
          }),
        );
      case 'update': {
        const topic = select(
          'topic',
          context.topics.map((t) => [t.key, topicLabel(context, t.key)] as const),
          c.topic,
        );
        const severity = select(
          'severity',
          severities.map((s) => [s, words.severities[s]] as const),
          c.severity,
        );
        return panel(
          make([field(words.topic, topic), field(words.fields.severity, severity)], async (f) => {
            const changes = {
              ...(topic.value !== c.topic ? { topic: topic.value } : {}),
              ...(severity.value !== c.severity ? { severity: severity.value } : {}),
            };
            if (Object.keys(changes).length === 0) throw new Error(words.nothingChanged);
            await change(action, f, 'PATCH', '', changes);
          }),
        );
      }
      case 'amend':
        return panel(
          h('p', { class: 'hint' }, words.amendHint),
          make([field(words.note, textarea('note', '', { required: true }))], async (f) => {
            const { data } = await context.api.call<Case>(
              'POST',
              `admin/corrections/${encodeURIComponent(c.correctionId ?? '')}/amend`,
              { body: { note: value(f, 'note') } },
            );
            context.announce(words.actionDone.amend);
            context.navigate(`#/cases/${encodeURIComponent(data.id)}`);
          }),
        );
    }
  };

  /**
   * The wording form, with the SMS it would send measured as you type. It knows when it holds text
   * that is not saved (and says so); after a 412 on saving, the version someone else saved is shown
   * beside the one being put back into the form.
   */
  const draftForm = (
    c: CaseView,
    make: (content: Child[], submit: (f: HTMLFormElement) => Promise<void>) => HTMLFormElement,
    conflict: boolean,
  ): Child[] => {
    const saved = c.draft;
    const type = select(
      'type',
      correctionTypes.map((t) => [t, typeLabels[context.language][t]] as const),
      saved?.type ?? (c.review?.verdict === 'clarification' ? 'clarification' : 'correction'),
    );
    const headline = input('headline', { value: saved?.headline ?? '', required: true, lang: c.language });
    const bodyText = textarea('body', saved?.body ?? '', { required: true, rows: '8', lang: c.language });
    const smsText = textarea('smsText', saved?.smsText ?? '', { rows: '2', lang: c.language });
    const affectedUrl = input('affectedUrl', { type: 'url', value: saved?.affectedUrl ?? '' });
    const savedValues = new Map([
      ['type', type.value],
      ['headline', headline.value],
      ['body', bodyText.value],
      ['smsText', smsText.value],
      ['affectedUrl', affectedUrl.value],
    ]);
    const meter = h('div', { class: 'sms-meter' });
    const measure = () => {
      const measured = measureSms(
        {
          type: type.value as CorrectionType,
          headline: headline.value,
          body: bodyText.value,
          smsText: smsText.value,
        },
        c,
        context.settings.smsLink,
      );
      const tooLong = measured.segments > 1;
      meter.classList.toggle('too-long', tooLong);
      replaceChildren(
        meter,
        h(
          'p',
          { 'data-sms-segments': measured.segments },
          words.smsMeter(measured.units, measured.limit, measured.encoding, measured.segments),
        ),
        measured.derived ? h('p', { class: 'meta' }, words.smsDerived) : null,
        measured.derived ? h('p', { class: 'sms-preview', lang: c.language }, measured.text) : null,
        tooLong ? h('p', { class: 'warning', role: 'alert' }, words.smsTooLong) : null,
      );
    };
    for (const control of [type, headline, bodyText, smsText]) control.addEventListener('input', measure);
    type.addEventListener('change', measure);
    measure();
    const body = () => ({
      type: type.value,
      headline: headline.value,
      body: bodyText.value,
      ...(smsText.value.trim() ? { smsText: smsText.value } : {}),
      ...(affectedUrl.value.trim() ? { affectedUrl: affectedUrl.value.trim() } : {}),
    });
    const element = make(
      [
        field(words.draftType, type),
        field(words.headline, headline),
        field(words.body, bodyText),
        field(words.smsText, smsText, undefined, meter),
        field(words.affectedUrl, affectedUrl),
      ],
      (f) => change('draft', f, 'PUT', '/draft', body()),
    );
    const unsaved = () =>
      [type, headline, bodyText, smsText, affectedUrl].some(
        (control) => control.value !== savedValues.get(control.name),
      );
    const mark = h('p', { class: 'unsaved', role: 'status', hidden: true }, words.unsavedMark);
    const syncMark = () => {
      mark.hidden = !unsaved();
    };
    element.addEventListener('input', syncMark);
    element.addEventListener('change', syncMark);
    element.querySelector('.buttons')?.append(mark);
    draft = { form: element, unsaved, body };
    if (!conflict || !saved) return [element];
    // Theirs, as now saved; yours goes back into the form once it is drawn (see render).
    const theirs = h(
      'div',
      { class: 'compare-theirs' },
      h('h5', {}, words.theirVersion(saved.author)),
      definitions([
        [words.headline, h('pre', { lang: c.language }, saved.headline)],
        [words.body, h('pre', { lang: c.language }, saved.body)],
        [words.smsText, saved.smsText && h('pre', { lang: c.language }, saved.smsText)],
      ]),
    );
    const yours = h('div', { class: 'compare-yours' }, h('h5', {}, words.yourVersion));
    const useTheirs = h('button', { type: 'button', class: 'secondary' }, words.useTheirs);
    useTheirs.addEventListener('click', () => {
      restoreValues(element, savedValues);
      syncMark();
      compare.remove();
    });
    const compare = h(
      'section',
      { class: 'compare', 'aria-labelledby': 'conflict-title' },
      h('h4', { id: 'conflict-title' }, words.conflictTitle),
      theirs,
      yours,
      h('p', { class: 'hint' }, words.conflictHint),
      h('div', { class: 'buttons' }, useTheirs),
    );
    // Filled from the form once the typed values are back in it.
    queueMicrotask(() => {
      const typed = formValues(element);
      replaceChildren(
        yours,
        h('h5', {}, words.yourVersion),
        definitions([
          [words.headline, h('pre', { lang: c.language }, typed.get('headline') ?? '')],
          [words.body, h('pre', { lang: c.language }, typed.get('body') ?? '')],
          [words.smsText, typed.get('smsText') && h('pre', { lang: c.language }, typed.get('smsText') ?? '')],
        ]),
      );
      syncMark();
    });
    return [compare, element];
  };

  void load();
  return view;
}
