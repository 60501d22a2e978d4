/** Erasing a person (admins): an address out of every subscription, contact and delivery record. */
import type { Context } from '../context.ts';
import { h, replaceChildren } from '../dom.ts';
import { confirmAction, field, form, input, select } from '../forms.ts';
import { type ErasureCounts, privacyWords } from '../privacy-words.ts';

export function eraseView(context: Context): HTMLElement {
  const w = privacyWords[context.language];
  const channel = select(
    'channel',
    (['email', 'sms'] as const).map((c) => [c, w.channels[c]] as const),
    'email',
  );
  const address = input('address', { required: true, autocomplete: 'off', spellcheck: false });
  const result = h('div', { role: 'status' });
  const erase = form({
    label: w.eraseTitle,
    words: context.words,
    tone: 'danger',
    button: w.erase,
    content: [field(w.channel, channel), field(w.address, address, w.addressHint)],
    async submit() {
      replaceChildren(result);
      const sure = await confirmAction({
        title: w.confirmTitle,
        message: w.confirmMessage,
        confirm: w.erase,
        cancel: context.words.cancel,
        tone: 'danger',
      });
      if (!sure) return;
      const { data } = await context.api.call<ErasureCounts>('POST', 'admin/erasures', {
        body: { channel: channel.value, address: address.value.trim() },
      });
      // The address leaves the page too: nothing of it stays on screen after the erasure.
      address.value = '';
      replaceChildren(result, h('p', { class: 'notice' }, w.erased(data)));
      context.announce(w.erased(data));
    },
  });
  return h(
    'section',
    { 'aria-labelledby': 'erase-title' },
    h('h1', { id: 'erase-title', tabindex: -1 }, w.eraseTitle),
    h('p', { class: 'hint' }, w.eraseIntro),
    erase,
    result,
  );
}
