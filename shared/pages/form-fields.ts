/**
 * The parts of the pages' forms: labelled fields that keep what the person typed and show their own
 * message beside them (linked with aria-describedby, marked aria-invalid), and the summary at the top
 * of a form sent back with mistakes. Plain HTML forms: they work with JavaScript off.
 */
import type { Language } from '../domain/case.ts';
import type { FieldError } from '../domain/errors.ts';
import { markup } from '../presentation/text.ts';
import { type FormField, fixBelow, formFields, pageWords } from './page-words.ts';

export type FieldErrors = Partial<Record<FormField, string>>;

const isFormField = (name: string): name is FormField => (formFields as ReadonlyArray<string>).includes(name);

/**
 * The validator's errors as one message per form field, in the page's language: `topics[2]`,
 * `contact.email` and the like name the field the person sees.
 */
export function fieldErrorsFor(errors: ReadonlyArray<FieldError>, language: Language): FieldErrors {
  const found: FieldErrors = {};
  for (const { path } of errors) {
    const name = path.replace(/^contact\./, '').replace(/[.[].*$/, '');
    if (isFormField(name)) found[name] = pageWords(language).fields[name];
  }
  return found;
}

const describedBy = (name: string, hint: boolean, error: boolean): string => {
  const ids = [...(hint ? [`${name}-hint`] : []), ...(error ? [`${name}-error`] : [])];
  return ids.length ? ` aria-describedby="${ids.join(' ')}"` : '';
};

const hintAndError = (name: string, hint: string | undefined, error: string | undefined): string =>
  (hint ? `<span class="hint" id="${name}-hint">${markup(hint)}</span>\n` : '') +
  (error ? `<span class="error" id="${name}-error">${markup(error)}</span>\n` : '');

export interface TextField {
  name: string;
  label: string;
  value?: string;
  error?: string;
  hint?: string;
  type?: 'text' | 'email' | 'tel' | 'url';
  multiline?: boolean;
  required?: boolean;
  /** Extra attributes, already markup (autocomplete, inputmode, maxlength...). */
  attributes?: string;
}

export function textField(field: TextField): string {
  const { name, error } = field;
  const common = `id="${name}" name="${name}"${field.required ? ' required=""' : ''}${error ? ' aria-invalid="true"' : ''}${describedBy(name, Boolean(field.hint), Boolean(error))}${field.attributes ?? ''}`;
  const control = field.multiline
    ? `<textarea ${common}>${markup(field.value ?? '')}</textarea>`
    : `<input type="${field.type ?? 'text'}" ${common} value="${markup(field.value ?? '')}" />`;
  return `<div class="field">
<label for="${name}">${markup(field.label)}</label>
${hintAndError(name, field.hint, error)}${control}
</div>`;
}

export interface Choices {
  name: string;
  legend: string;
  type: 'radio' | 'checkbox';
  options: ReadonlyArray<{ value: string; label: string; lang?: string }>;
  selected: ReadonlyArray<string>;
  error?: string;
  hint?: string;
}

export function choices(group: Choices): string {
  const { name, error } = group;
  const options = group.options.map((option, i) => {
    const id = `${name}-${i}`;
    const checked = group.selected.includes(option.value) ? ' checked=""' : '';
    const lang = option.lang ? ` lang="${markup(option.lang)}"` : '';
    return `<label class="choice" for="${id}"${lang}><input type="${group.type}" id="${id}" name="${name}" value="${markup(option.value)}"${checked} />${markup(option.label)}</label>`;
  });
  return `<fieldset${describedBy(name, Boolean(group.hint), Boolean(error))}>
<legend>${markup(group.legend)}</legend>
${hintAndError(name, group.hint, error)}${options.join('\n')}
</fieldset>`;
}

export const hidden = (name: string, value: string): string =>
  `<input type="hidden" name="${markup(name)}" value="${markup(value)}" />`;

/** The line above a form sent back: how many fields to change, or why the whole form was refused. */
export function formSummary(language: Language, errors: FieldErrors, refusal?: string): string {
  const count = Object.keys(errors).length;
  const text = refusal ?? (count ? fixBelow(language, count) : '');
  return text ? `<p class="summary" role="alert">${markup(text)}</p>` : '';
}
