/** Importing subscribers (admins): choose a CSV, dry run first, then import; rejected rows by line. */
import { channelWords, type ImportCounts } from '../channel-words.ts';
import type { Context } from '../context.ts';
import { h, replaceChildren } from '../dom.ts';
import { errorBox, field, input, problemMessage, showError } from '../forms.ts';

export function importView(context: Context): HTMLElement {
  const w = channelWords[context.language];
  const file = input('file', { type: 'file', accept: '.csv,text/csv', required: true });
  const box = errorBox();
  const result = h('div', { role: 'status' });
  const dryRun = h('button', { type: 'button', class: 'secondary' }, w.dryRun);
  const run = h('button', { type: 'button', disabled: true }, w.runImport);
  let checked: File | undefined;
  file.addEventListener('change', () => {
    // A new file needs its own dry run before it can be imported.
    checked = undefined;
    run.disabled = true;
    replaceChildren(result);
  });

  const send = async (dry: boolean) => {
    replaceChildren(box);
    box.hidden = true;
    const chosen = file.files?.[0];
    if (!chosen) {
      showError(box, context.words, w.chooseFile);
      return;
    }
    dryRun.disabled = true;
    run.disabled = true;
    try {
      const { data } = await context.api.call<ImportCounts>(
        'POST',
        `admin/subscribers/import${dry ? '?dryRun=true' : ''}`,
        { raw: { body: await chosen.text(), contentType: 'text/csv; charset=utf-8' } },
      );
      if (dry) checked = chosen;
      replaceChildren(
        result,
        h('p', { class: 'notice' }, dry ? w.dryRunDone : w.importDone, ' ', w.counts(data)),
        data.rejected.length
          ? h(
              'div',
              {},
              h('h2', {}, w.rejectedRows),
              h(
                'ul',
                {},
                ...data.rejected.map((row) =>
                  h('li', {}, h('strong', {}, w.line(row.line)), ' ', row.errors.join('; ')),
                ),
              ),
            )
          : null,
      );
      context.announce(`${dry ? w.dryRunDone : w.importDone} ${w.counts(data)}`);
    } catch (error) {
      showError(box, context.words, problemMessage(error, context.words));
    } finally {
      dryRun.disabled = false;
      run.disabled = checked !== chosen;
    }
  };
  dryRun.addEventListener('click', () => void send(true));
  run.addEventListener('click', () => void send(false));

  return h(
    'section',
    { 'aria-labelledby': 'import-title' },
    h('h1', { id: 'import-title', tabindex: -1 }, w.importTitle),
    h('p', { class: 'hint' }, w.importIntro),
    box,
    field(w.file, file),
    h('div', { class: 'buttons' }, dryRun, run),
    result,
  );
}
