/** Importing subscribers (admins): choose a CSV, dry run first, then import; rejected rows by line. */
import { channelWords, type ImportCounts, type ImportJob } from '../channel-words.ts';
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
      const label = dry ? w.dryRunDone : data.job ? w.importStarted : w.importDone;
      show(h('p', { class: 'notice' }, label, ' ', w.counts(data)), data.rejected);
      context.announce(`${label} ${w.counts(data)}`);
      // A long file is written after the answer: follow its job until every row is written.
      if (!dry && data.job) await follow(data, data.job);
    } catch (error) {
      showError(box, context.words, problemMessage(error, context.words));
    } finally {
      dryRun.disabled = false;
      run.disabled = checked !== chosen;
    }
  };
  const show = (summary: HTMLElement, rejected: ImportCounts['rejected'], progress?: HTMLElement) =>
    replaceChildren(
      result,
      summary,
      progress ?? null,
      rejected.length
        ? h(
            'div',
            {},
            h('h2', {}, w.rejectedRows),
            h(
              'ul',
              {},
              ...rejected.map((row) =>
                h('li', {}, h('strong', {}, w.line(row.line)), ' ', row.errors.join('; ')),
              ),
            ),
          )
        : null,
    );

  const follow = async (data: ImportCounts, started: ImportJob) => {
    const summary = h('p', { class: 'notice' }, w.importStarted, ' ', w.counts(data));
    let job = started;
    while (job.status !== 'done' && context.isCurrent(view)) {
      show(summary, data.rejected, h('p', { role: 'status' }, w.importWriting(job.rowsWritten, job.rows)));
      await new Promise((resolve) => setTimeout(resolve, 2000));
      job = (
        await context.api.call<ImportJob>('GET', `admin/subscribers/imports/${encodeURIComponent(job.id)}`)
      ).data;
    }
    if (job.status !== 'done') return;
    const written = { ...job.written, skipped: data.skipped };
    show(
      h('p', { class: 'notice' }, w.importWritten, ' ', w.counts(written)),
      [...data.rejected, ...job.written.rejected].sort((a, b) => a.line - b.line),
    );
    context.announce(`${w.importWritten} ${w.counts(written)}`);
  };

  dryRun.addEventListener('click', () => void send(true));
  run.addEventListener('click', () => void send(false));

  const view = h(
    'section',
    { 'aria-labelledby': 'import-title' },
    h('h1', { id: 'import-title', tabindex: -1 }, w.importTitle),
    h('p', { class: 'hint' }, w.importIntro),
    box,
    field(w.file, file),
    h('div', { class: 'buttons' }, dryRun, run),
    result,
  );
  return view;
}
