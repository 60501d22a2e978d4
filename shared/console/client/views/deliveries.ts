/** On a published correction: how its latest version's delivery is going, and re-announcing it. */
import { channelWords } from '../channel-words.ts';
import type { Context } from '../context.ts';
import { h, replaceChildren } from '../dom.ts';
import { errorBox, problemMessage, showError } from '../forms.ts';

type Counts = Record<'planned' | 'sent' | 'pending' | 'failed' | 'parked' | 'suppressed', number>;
interface Summary {
  correctionId: string;
  version: number;
  email: Counts;
  sms: Counts;
  webhooks?: Counts;
}

const columns = ['planned', 'sent', 'pending', 'failed', 'parked', 'suppressed'] as const;

export function deliveriesPanel(context: Context, correctionId: string): HTMLElement {
  const w = channelWords[context.language];
  const box = errorBox();
  const table = h('div', {}, h('p', { role: 'status' }, context.words.loading));
  const announce = h('button', { type: 'button', class: 'secondary' }, w.reannounce);
  const refresh = h('button', { type: 'button', class: 'secondary' }, w.refresh);
  const outcome = h('div', {});
  const path = `admin/corrections/${encodeURIComponent(correctionId)}`;
  const load = async () => {
    try {
      const { data } = await context.api.call<Summary>('GET', `${path}/deliveries`);
      const rows = (['email', 'sms', 'webhooks'] as const).flatMap((channel) => {
        const counts = data[channel];
        // A desk without webhooks (or a version published before any) shows email and SMS only.
        const shown = counts && (channel !== 'webhooks' || columns.some((c) => counts[c] > 0));
        return shown
          ? [
              h(
                'tr',
                {},
                h('th', { scope: 'row' }, w.channels[channel]),
                ...columns.map((c) => h('td', {}, counts[c])),
              ),
            ]
          : [];
      });
      replaceChildren(
        table,
        h(
          'table',
          {},
          h('caption', {}, w.deliveriesOf(data.version)),
          h('tr', {}, h('td', {}), ...columns.map((c) => h('th', { scope: 'col' }, w.outcomes[c]))),
          ...rows,
        ),
      );
    } catch (error) {
      showError(box, context.words, problemMessage(error, context.words));
    }
  };
  announce.addEventListener('click', async () => {
    if (!window.confirm(w.reannounceConfirm)) return;
    announce.disabled = true;
    try {
      await context.api.call('POST', `${path}/announce`);
      replaceChildren(outcome, h('p', { class: 'notice' }, w.reannounced));
      context.announce(w.reannounced);
      await load();
    } catch (error) {
      showError(box, context.words, problemMessage(error, context.words));
    } finally {
      announce.disabled = false;
    }
  });
  refresh.addEventListener('click', () => {
    replaceChildren(outcome);
    void load();
  });
  void load();
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'deliveries-title' },
    h('h2', { id: 'deliveries-title' }, w.deliveries),
    box,
    table,
    outcome,
    h('div', { class: 'buttons' }, refresh, announce),
  );
}
