/**
 * The proof that a browser is behind a public page's form POST (/subscribe, /report): the page puts a
 * signed token in a hidden field when it is served, and the POST must bring it back, for the same
 * form, within a few hours. A script that posts to the form without loading the page has none; one
 * that loads the page each time pays a page load per message it makes the desk send, and meets the
 * per-client, per-address, per-number-block and hourly caps all the same. JSON routes do not ask for
 * it (contract 1.1); deployed, a WAF challenge can stand in front of them.
 */
import { InvalidInput } from '../domain/errors.ts';
import { randomToken, type Signer } from './tokens.ts';

/** The hidden field that carries the token. */
export const formTokenField = 'formToken';
/** How long a served form can be posted: long enough to write a report, short enough to be worthless kept. */
export const formTokenMaxAgeSeconds = 4 * 60 * 60;

export type PublicForm = 'subscribe' | 'report';

const purpose = (form: PublicForm) => `form\n${form}`;

export function issueFormToken(signer: Signer, form: PublicForm, nowMs: number): string {
  return signer.seal(purpose(form), { at: Math.floor(nowMs / 1000), n: randomToken(9) });
}

/** Refuses (400 naming the field) a form posted without a token this desk issued for this form lately. */
export function requireFormToken(
  signer: Signer,
  form: PublicForm,
  fields: Record<string, string | string[] | undefined>,
  nowMs: number,
): void {
  const given = fields[formTokenField];
  const token = Array.isArray(given) ? given[0] : given;
  const opened = token ? (signer.open(purpose(form), token) as { at?: unknown } | undefined) : undefined;
  const age = typeof opened?.at === 'number' ? Math.floor(nowMs / 1000) - opened.at : Number.NaN;
  if (!(age >= 0 && age <= formTokenMaxAgeSeconds)) {
    throw new InvalidInput([
      {
        path: formTokenField,
        message: 'this form has expired or did not come from our page; reload the page and send it again',
      },
    ]);
  }
}
