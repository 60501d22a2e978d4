/**
 * Forms with labels, hints and per-field errors: a refused request shows each of its problem's
 * `errors` beside the field it names (announced, and the first bad field focused), the rest above.
 */
import { ApiError } from './api.ts';
import { type Child, h, replaceChildren, uniqueId } from './dom.ts';
import { errorsByField } from './model.ts';
import type { Words } from './words.ts';

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * A labelled control, with an optional hint and room for its errors, all tied to it for screen readers;
 * `after` (a counter, say) follows the control and describes it too.
 */
export function field(label: string, control: Control, hint?: Child, after?: HTMLElement): HTMLElement {
  control.id ||= uniqueId(control.name || 'field');
  const hintId = hint ? `${control.id}-hint` : undefined;
  const errorId = `${control.id}-error`;
  if (after) after.id ||= `${control.id}-after`;
  control.setAttribute('aria-describedby', [hintId, after?.id, errorId].filter(Boolean).join(' '));
  return h(
    'div',
    { class: 'field' },
    h('label', { for: control.id }, label),
    hint ? h('div', { class: 'hint', id: hintId }, hint) : null,
    control,
    after,
    h('p', { class: 'field-error', id: errorId, hidden: true }),
  );
}

export const input = (name: string, attributes: Record<string, string | boolean | undefined> = {}) =>
  h('input', { name, type: 'text', ...attributes });

export const textarea = (name: string, value = '', attributes: Record<string, string | boolean> = {}) => {
  const element = h('textarea', { name, rows: 4, ...attributes });
  element.value = value;
  return element;
};

export function select(
  name: string,
  options: ReadonlyArray<readonly [value: string, label: string]>,
  selected = '',
): HTMLSelectElement {
  const element = h('select', { name });
  for (const [value, label] of options)
    element.append(h('option', { value, selected: value === selected }, label));
  element.value = selected;
  return element;
}

/** The message of a refused or failed call, in the console's words where the status says enough. */
export function problemMessage(error: unknown, words: Words): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const code = error.problem?.code;
  const translated = code ? words.problems[code] : undefined;
  if (translated && error.status !== 429) return translated;
  // A code this console does not know yet: the server's own words beat saying nothing.
  const detail = error.problem?.detail ?? error.problem?.title;
  switch (error.status) {
    case 0:
      return words.errors.network;
    case 403:
      return words.errors.forbidden;
    case 404:
      return detail ?? words.errors.notFound;
    case 412:
      return words.errors.changed;
    case 428:
      return words.errors.ifMatch;
    case 429:
      return words.errors.rateLimited(error.retryAfter ?? '60');
    default:
      return error.status >= 500 ? words.errors.server : (detail ?? words.errors.server);
  }
}

/** A box for a form's (or a view's) errors, announced when filled. */
export const errorBox = (): HTMLElement =>
  h('div', { class: 'problem', role: 'alert', tabindex: -1, hidden: true });

export function showError(box: HTMLElement, words: Words, message: string, list: string[] = []): void {
  replaceChildren(
    box,
    h('p', {}, h('strong', {}, `${words.errors.title}: `), message),
    list.length ? h('ul', {}, ...list.map((item) => h('li', {}, item))) : null,
  );
  box.hidden = false;
}

function clearErrors(form: HTMLFormElement, box: HTMLElement): void {
  box.hidden = true;
  box.replaceChildren();
  for (const control of controls(form)) {
    control.removeAttribute('aria-invalid');
    const error = document.getElementById(`${control.id}-error`);
    if (error) {
      error.hidden = true;
      error.replaceChildren();
    }
  }
}

const controls = (form: HTMLFormElement): Control[] =>
  [...form.elements].filter(
    (element): element is Control =>
      element instanceof HTMLInputElement ||
      element instanceof HTMLSelectElement ||
      element instanceof HTMLTextAreaElement,
  );

/** Shows an error in the form: each field error beside its field, the rest in the box; focus follows. */
export function showProblem(form: HTMLFormElement, box: HTMLElement, error: unknown, words: Words): void {
  const fieldErrors = error instanceof ApiError && error.status === 400 ? (error.problem?.errors ?? []) : [];
  const named = controls(form).filter((control) => control.name);
  const { byField, other } = errorsByField(
    fieldErrors,
    named.map((control) => control.name),
    words.fieldProblems,
  );
  let first: Control | undefined;
  for (const control of named) {
    const messages = byField.get(control.name);
    const slot = document.getElementById(`${control.id}-error`);
    if (!messages || !slot) continue;
    control.setAttribute('aria-invalid', 'true');
    replaceChildren(slot, messages.join('; '));
    slot.hidden = false;
    first ??= control;
  }
  const message = fieldErrors.length ? words.errors.fieldsIntro : problemMessage(error, words);
  const list = [
    ...other.map((problem) => (problem.path ? `${problem.path}: ${problem.message}` : problem.message)),
    ...[...byField.entries()]
      .filter(([name]) => !named.some((control) => control.name === name))
      .flatMap(([name, messages]) => messages.map((text) => `${name}: ${text}`)),
  ];
  showError(box, words, message, list);
  (first ?? box).focus();
}

/** The values of a form's named controls, to put back into the same form drawn anew. */
export function formValues(form: HTMLFormElement): Map<string, string> {
  return new Map(
    controls(form)
      .filter((control) => control.name)
      .map((control) => [control.name, control.value]),
  );
}

export function restoreValues(form: HTMLFormElement, values: Map<string, string>): void {
  for (const control of controls(form)) {
    const value = values.get(control.name);
    if (value !== undefined) {
      control.value = value;
      control.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }
}

/**
 * A form whose submission runs `submit` once at a time: the button is disabled and the form busy
 * meanwhile, and whatever is thrown is shown as a problem.
 */
export function form(options: {
  /** Names the form as a landmark; left out where the form's section already has the name. */
  label?: string;
  words: Words;
  content: Child[];
  button: string;
  /** Publishing and destructive actions look unlike the rest, so nobody takes one for the other. */
  tone?: 'publish' | 'danger';
  disabled?: boolean;
  submit(form: HTMLFormElement): Promise<void>;
}): HTMLFormElement {
  const box = errorBox();
  const button = h(
    'button',
    { type: 'submit', disabled: options.disabled, class: options.tone ?? false },
    options.button,
  );
  const element = h(
    'form',
    { 'aria-label': options.label, novalidate: true },
    box,
    ...options.content,
    h('div', { class: 'buttons' }, button),
  );
  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (element.getAttribute('aria-busy') === 'true') return;
    clearErrors(element, box);
    const invalid = controls(element).find((control) => !control.checkValidity());
    if (invalid) {
      // The browser's own check, announced the same way as the server's.
      invalid.setAttribute('aria-invalid', 'true');
      const slot = document.getElementById(`${invalid.id}-error`);
      if (slot) {
        replaceChildren(slot, invalid.validationMessage);
        slot.hidden = false;
      }
      invalid.focus();
      return;
    }
    element.setAttribute('aria-busy', 'true');
    button.disabled = true;
    try {
      await options.submit(element);
    } catch (error) {
      if (element.isConnected) showProblem(element, box, error, options.words);
    } finally {
      element.removeAttribute('aria-busy');
      button.disabled = options.disabled ?? false;
    }
  });
  return element;
}

/**
 * Asks before an action that cannot be undone: a modal dialog naming what will happen, whose
 * confirming button looks like the action. Resolves true only when that button is pressed.
 */
export function confirmAction(options: {
  title: string;
  message: string;
  confirm: string;
  cancel: string;
  tone: 'publish' | 'danger';
}): Promise<boolean> {
  return new Promise((resolve) => {
    const titleId = uniqueId('confirm-title');
    const yes = h('button', { type: 'button', class: options.tone }, options.confirm);
    const no = h('button', { type: 'button', class: 'secondary' }, options.cancel);
    const dialog = h(
      'dialog',
      { 'aria-labelledby': titleId, class: 'confirm' },
      h('h2', { id: titleId }, options.title),
      h('p', {}, options.message),
      h('div', { class: 'buttons' }, yes, no),
    );
    const finish = (answer: boolean) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    yes.addEventListener('click', () => finish(true));
    no.addEventListener('click', () => finish(false));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(false);
    });
    document.body.append(dialog);
    dialog.showModal();
    no.focus();
  });
}
