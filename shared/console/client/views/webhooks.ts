/** Webhooks (admins): add one (its secret shown once), see each one's latest calls, re-enable, remove. */
import type { WebhookAttempt, WebhookView } from '../../../domain/webhook.ts';
import { channelWords } from '../channel-words.ts';
import { type Context, timeOf } from '../context.ts';
import { h, replaceChildren } from '../dom.ts';
import { errorBox, field, form, input, problemMessage, showError } from '../forms.ts';

export function webhooksView(context: Context): HTMLElement {
  const w = channelWords[context.language];
  const list = h('div', {}, h('p', { role: 'status' }, context.words.loading));
  const secretBox = h('div', { role: 'status' });
  const url = input('url', { type: 'url', required: true, autocomplete: 'off', placeholder: 'https://' });
  const description = input('description', { maxlength: '200' });
  const addForm = form({
    label: w.add,
    words: context.words,
    content: [field(w.url, url), field(w.description, description)],
    button: w.add,
    async submit() {
      const created = await context.api.call<WebhookView & { secret: string }>('POST', 'admin/webhooks', {
        body: { url: url.value, ...(description.value ? { description: description.value } : {}) },
      });
      url.value = '';
      description.value = '';
      replaceChildren(
        secretBox,
        h('p', { class: 'notice' }, w.secretOnce, ' ', h('code', {}, created.data.secret)),
      );
      context.announce(w.secretOnce);
      await load();
    },
  });
  const view = h(
    'section',
    { 'aria-labelledby': 'webhooks-title' },
    h('h1', { id: 'webhooks-title', tabindex: -1 }, w.webhooksTitle),
    h('p', { class: 'hint' }, w.webhooksIntro),
    addForm,
    secretBox,
    list,
  );

  async function load(): Promise<void> {
    try {
      const { data } = await context.api.call<{ items: WebhookView[] }>('GET', 'admin/webhooks');
      if (!context.isCurrent(view)) return;
      replaceChildren(
        list,
        data.items.length ? h('ol', { class: 'cases' }, ...data.items.map(item)) : h('p', {}, w.noWebhooks),
      );
    } catch (error) {
      const box = errorBox();
      showError(box, context.words, problemMessage(error, context.words));
      replaceChildren(list, box);
    }
  }

  function item(webhook: WebhookView): HTMLElement {
    const box = errorBox();
    const attempts = h('div', {});
    const act = async (work: () => Promise<unknown>) => {
      try {
        await work();
        await load();
      } catch (error) {
        showError(box, context.words, problemMessage(error, context.words));
      }
    };
    const buttons: HTMLElement[] = [];
    if (webhook.status === 'disabled') {
      const enable = h('button', { type: 'button' }, w.reEnable);
      enable.addEventListener('click', () =>
        act(() => context.api.call('PATCH', `admin/webhooks/${webhook.id}`, { body: { status: 'active' } })),
      );
      buttons.push(enable);
    }
    const remove = h('button', { type: 'button', class: 'danger' }, w.remove);
    remove.addEventListener('click', () => {
      if (window.confirm(w.removeConfirm))
        void act(() => context.api.call('DELETE', `admin/webhooks/${webhook.id}`));
    });
    buttons.push(remove);
    const showAttempts = async (cursor?: string) => {
      const query = cursor ? `?limit=10&cursor=${encodeURIComponent(cursor)}` : '?limit=10';
      const { data } = await context.api.call<{ items: WebhookAttempt[]; nextCursor: string | null }>(
        'GET',
        `admin/webhooks/${webhook.id}/attempts${query}`,
      );
      const rows = data.items.map((a) =>
        h(
          'li',
          {},
          timeOf(context, a.at),
          ' ',
          w.attemptLine(a.eventId, a.attempt, a.statusCode ? `HTTP ${a.statusCode}` : (a.error ?? ''), a.ms),
        ),
      );
      const more = data.nextCursor ? h('button', { type: 'button', class: 'link' }, w.more) : null;
      more?.addEventListener('click', () => act(() => showAttempts(data.nextCursor ?? undefined)));
      if (!cursor)
        replaceChildren(attempts, rows.length ? h('ul', {}, ...rows) : h('p', {}, w.noAttempts), more);
      else {
        attempts.querySelector('button.link')?.remove();
        attempts.querySelector('ul')?.append(...rows);
        if (more) attempts.append(more);
      }
    };
    const details = h('details', {}, h('summary', {}, w.attempts), attempts);
    details.addEventListener('toggle', () => {
      if (details.open)
        void showAttempts().catch((error) =>
          showError(box, context.words, problemMessage(error, context.words)),
        );
    });
    return h(
      'li',
      { class: 'case-item' },
      h(
        'p',
        { class: 'case-line' },
        h(
          'span',
          { class: `badge${webhook.status === 'disabled' ? ' severity-critical' : ''}` },
          w.status[webhook.status],
        ),
        ' ',
        h('code', {}, webhook.url),
      ),
      webhook.description ? h('p', { class: 'meta' }, webhook.description) : null,
      h(
        'p',
        { class: 'meta' },
        w.failures(webhook.consecutiveFailures),
        ' · ',
        timeOf(context, webhook.createdAt),
      ),
      box,
      h('div', { class: 'buttons' }, ...buttons),
      details,
    );
  }

  void load();
  return view;
}
