/** The daily digest as of now: open cases by status, what came and went in 24 hours, the overdue ones. */
import type { Case, CaseStatus } from '../../../domain/case.ts';
import { type Context, timeOf } from '../context.ts';
import { h, replaceChildren } from '../dom.ts';
import { errorBox, problemMessage, showError } from '../forms.ts';
import { caseItem } from './queue.ts';

interface Digest {
  generatedAt: string;
  counts: Partial<Record<CaseStatus, number>>;
  overdue: Case[];
  newSince: number;
  publishedSince: number;
}

export function digestView(context: Context): HTMLElement {
  const { words } = context;
  const content = h('div', {}, h('p', { role: 'status' }, words.loading));
  const view = h(
    'section',
    { 'aria-labelledby': 'digest-title' },
    h('h1', { id: 'digest-title', tabindex: -1 }, words.digestTitle),
    content,
  );
  void context.api.call<Digest>('GET', 'admin/digest').then(
    ({ data }) => {
      if (!context.isCurrent(view)) return;
      const counts = Object.entries(data.counts) as Array<[CaseStatus, number]>;
      replaceChildren(
        content,
        h('p', { class: 'meta' }, `${words.generatedAt}: `, timeOf(context, data.generatedAt)),
        h(
          'dl',
          { class: 'figures' },
          h('dt', {}, words.newSince),
          h('dd', {}, data.newSince),
          h('dt', {}, words.publishedSince),
          h('dd', {}, data.publishedSince),
        ),
        h('h2', {}, words.openByStatus),
        h(
          'dl',
          { class: 'figures' },
          ...counts.flatMap(([status, count]) => [
            h('dt', {}, h('a', { href: `#/queue?status=${status}` }, words.statuses[status])),
            h('dd', {}, count),
          ]),
        ),
        h('h2', {}, `${words.overdueCases} (${data.overdue.length})`),
        data.overdue.length
          ? h('ol', { class: 'cases' }, ...data.overdue.map((c) => caseItem(context, c)))
          : h('p', {}, words.noOverdue),
      );
    },
    (error: unknown) => {
      const box = errorBox();
      showError(box, words, problemMessage(error, words));
      replaceChildren(content, box);
    },
  );
  return view;
}
