/**
 * The queue: open cases soonest due first (the API's order), or one status's, filtered by topic and
 * assignee, a page at a time with "more". The filters live in the route so a link or reload keeps them.
 */
import { type Case, caseStatuses } from '../../../domain/case.ts';
import { type Context, dueOf, severityBadge, statusBadge, topicLabel } from '../context.ts';
import { h, replaceChildren } from '../dom.ts';
import { errorBox, field, input, problemMessage, select, showError } from '../forms.ts';

const pageSize = 20;

/** A case as one line of a list (the queue's and the digest's): what it is, how urgent, whose. */
export function caseItem(context: Context, c: Case): HTMLElement {
  const { words } = context;
  return h(
    'li',
    { class: 'case-item' },
    h(
      'p',
      { class: 'case-line' },
      severityBadge(context, c),
      ' ',
      statusBadge(context, c),
      ' ',
      h('a', { href: `#/cases/${encodeURIComponent(c.id)}` }, c.id),
      ' · ',
      topicLabel(context, c.topic),
    ),
    h('p', { class: 'case-text', lang: c.language }, c.text),
    h(
      'p',
      { class: 'meta' },
      `${words.due}: `,
      dueOf(context, c),
      ` · ${words.assignee}: ${c.assignee ?? words.unassigned} · ${words.reports(c.reportCount)}`,
    ),
  );
}

export function queueView(context: Context, filters: URLSearchParams): HTMLElement {
  const { words } = context;
  const status = select(
    'status',
    [['', words.allOpen], ...caseStatuses.map((value) => [value, words.statuses[value]] as const)],
    filters.get('status') ?? '',
  );
  const topic = select(
    'topic',
    [['', words.allTopics], ...context.topics.map((t) => [t.key, topicLabel(context, t.key)] as const)],
    filters.get('topic') ?? '',
  );
  const assignee = input('assignee', { value: filters.get('assignee') ?? '', autocomplete: 'off' });
  const mine = h('button', { type: 'button', class: 'secondary' }, words.mine);
  mine.addEventListener('click', () => {
    assignee.value = context.actor.id;
    filterForm.requestSubmit();
  });
  const filterForm = h(
    'form',
    { class: 'filters', 'aria-label': words.filters },
    field(words.status, status),
    field(words.topic, topic),
    field(words.assignee, assignee),
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, words.apply), mine),
  );
  filterForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const control of [status, topic, assignee])
      if (control.value.trim()) query.set(control.name, control.value.trim());
    context.navigate(`#/queue${query.size ? `?${query}` : ''}`);
  });

  const list = h('ol', { class: 'cases' });
  const box = errorBox();
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, words.more);
  const progress = h('p', { class: 'meta', role: 'status' });
  const view = h(
    'section',
    { 'aria-labelledby': 'queue-title' },
    h('h1', { id: 'queue-title', tabindex: -1 }, words.queue),
    filterForm,
    box,
    progress,
    list,
    more,
  );

  let cursor: string | null = null;
  const load = async () => {
    more.disabled = true;
    replaceChildren(progress, words.loading);
    const query = new URLSearchParams(filters);
    query.set('limit', String(pageSize));
    if (cursor) query.set('cursor', cursor);
    try {
      const { data } = await context.api.call<{ items: Case[]; nextCursor: string | null }>(
        'GET',
        `admin/cases?${query}`,
      );
      if (!context.isCurrent(view)) return;
      list.append(...data.items.map((c) => caseItem(context, c)));
      cursor = data.nextCursor;
      more.hidden = cursor === null;
      replaceChildren(progress, list.children.length ? '' : words.noCases);
    } catch (error) {
      replaceChildren(progress);
      showError(box, words, problemMessage(error, words));
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener('click', () => void load());
  void load();
  return view;
}
