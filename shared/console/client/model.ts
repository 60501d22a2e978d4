/**
 * The console's decisions that need no page: who the token says you are, which actions a case offers
 * you, how urgent it is, what the SMS would be, how a problem maps to form fields. The rules are the
 * domain's own (lifecycle, roles, SMS, messages), bundled into the page rather than restated.
 */
import type { Case, CorrectionType, HistoryEntry, Language } from '../../domain/case.ts';
import { allowedActions, draftAuthors, requireAction } from '../../domain/lifecycle.ts';
import { type Actor, can, type Role, roles } from '../../domain/roles.ts';
import { type SmsEncoding, smsEncoding, smsSegments, smsUnits } from '../../domain/sms.ts';
import { correctionSms } from '../../presentation/sms-messages.ts';
import type { ConsoleAction } from './words.ts';

/** A case as GET /admin/cases/{id} answers it. */
export type CaseView = Case & { history?: HistoryEntry[] };

export interface Claims {
  sub: string;
  /** For display only: the API writes the sub into history. */
  name?: string;
  groups: Role[];
  /** Expiry, in seconds since the epoch. */
  exp: number;
}

function base64UrlDecode(text: string): string {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

/**
 * The claims of a token, to show who is signed in and which actions to offer. Not a check: the
 * gateway verifies every request's token, and the API every action.
 */
export function readClaims(token: string): Claims {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('not a JWT');
  const claims = JSON.parse(base64UrlDecode(payload)) as Record<string, unknown>;
  if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') throw new Error('no sub or exp');
  const groups = Array.isArray(claims['cognito:groups']) ? claims['cognito:groups'] : [];
  // Who to show: the name, else (a Cognito user without one) the email address.
  const name = [claims.name, claims.email].find((value) => typeof value === 'string' && value);
  return {
    sub: claims.sub,
    ...(typeof name === 'string' ? { name } : {}),
    groups: roles.filter((role) => groups.includes(role)),
    exp: claims.exp,
  };
}

export const actorOf = (claims: Claims): Actor => ({ id: claims.sub, roles: claims.groups });

export interface OfferedAction {
  action: ConsoleAction;
  /** Why it is shown but cannot be taken (the two-person rule, a missing draft). */
  blocked?: 'own-draft' | 'needs-draft';
}

const mayTake = (actor: Actor, action: Exclude<ConsoleAction, 'amend'>): boolean => {
  try {
    requireAction(actor, action);
    return true;
  } catch {
    return false;
  }
};

/** What the case's status allows and the actor's groups grant, plus amending a published correction. */
export function offeredActions(c: Case, actor: Actor): OfferedAction[] {
  const offered: OfferedAction[] = allowedActions(c.status)
    .filter((action): action is Exclude<ConsoleAction, 'amend'> => action !== 'publish')
    .filter((action) => mayTake(actor, action))
    .map((action) => {
      if (action === 'approve' && draftAuthors(c).includes(actor.id)) return { action, blocked: 'own-draft' };
      if (action === 'submit' && !c.draft) return { action, blocked: 'needs-draft' };
      return { action };
    });
  if (c.status === 'published' && c.correctionId && can(actor, 'amend')) offered.push({ action: 'amend' });
  return offered;
}

/** Open (or approved, not yet published) and past its review deadline. */
export const isOverdue = (c: Pick<Case, 'status' | 'dueAt'>, now: number): boolean =>
  !['published', 'closed'].includes(c.status) && Date.parse(c.dueAt) < now;

/** "3 h", "2 days": the distance between two instants in the largest unit that fits, in the language. */
export function duration(milliseconds: number, language: Language): string {
  const minutes = Math.max(1, Math.round(Math.abs(milliseconds) / 60_000));
  const [value, unit]: [number, Intl.NumberFormatOptions['unit']] =
    minutes < 60
      ? [minutes, 'minute']
      : minutes < 48 * 60
        ? [Math.round(minutes / 60), 'hour']
        : [Math.round(minutes / 1440), 'day'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** The units one segment holds in an encoding, found with the shared rules so the two cannot drift. */
function oneSegmentUnits(encoding: SmsEncoding): number {
  const sample = encoding === 'GSM-7' ? 'a' : '中';
  let units = 1;
  while (smsSegments(sample.repeat(units + 1)) === 1) units++;
  return units;
}
const limits: Record<SmsEncoding, number> = {
  'GSM-7': oneSegmentUnits('GSM-7'),
  'UCS-2': oneSegmentUnits('UCS-2'),
};

export interface SmsMeter {
  /** The SMS as it would be sent, link included. */
  text: string;
  /** Made from the headline, because no SMS text was given. */
  derived: boolean;
  encoding: SmsEncoding;
  units: number;
  /** Units one segment holds in that encoding. */
  limit: number;
  segments: number;
}

/**
 * The SMS a draft would send, measured: with the editor's SMS text, or the one made from the headline,
 * and the longest permalink (ids are not known before publication; an amendment's keeps its length).
 */
export function measureSms(
  draft: { type: CorrectionType; headline: string; body: string; smsText: string },
  c: Pick<Case, 'language' | 'amends'>,
  link: string,
): SmsMeter {
  const smsText = draft.smsText.trim() ? draft.smsText : undefined;
  // As the audience preview does: an amendment publishes version 2 or later, labelled as updated.
  const text = correctionSms(
    { type: draft.type, headline: draft.headline, body: draft.body, smsText, version: c.amends ? 2 : 1 },
    c.language,
    link,
  );
  const encoding = smsEncoding(text);
  return {
    text,
    derived: !smsText,
    encoding,
    units: smsUnits(text, encoding),
    limit: limits[encoding],
    segments: smsSegments(text),
  };
}

export interface FieldProblem {
  path: string;
  message: string;
  /** The desk's stable code for the message (and the number it names), translated by the console. */
  code?: string;
  limit?: number;
}

/** A field problem in the reader's language where its code is known, else as the server wrote it. */
export const fieldMessage = (
  error: FieldProblem,
  translations: Record<string, (limit?: number) => string>,
): string => (error.code && translations[error.code]?.(error.limit)) || error.message;

/**
 * A problem's field errors by form field: `evidence[2]` and `draft.headline` belong to the fields
 * `evidence` and `headline`; errors naming no field of the form are listed apart.
 */
export function errorsByField(
  errors: ReadonlyArray<FieldProblem>,
  fields: ReadonlyArray<string>,
  translations: Record<string, (limit?: number) => string> = {},
): { byField: Map<string, string[]>; other: FieldProblem[] } {
  const byField = new Map<string, string[]>();
  const other: FieldProblem[] = [];
  for (const error of errors) {
    const field = error.path
      .split(/[.[\]]/)
      .filter(Boolean)
      .reverse()
      .find((part) => fields.includes(part));
    if (field) byField.set(field, [...(byField.get(field) ?? []), fieldMessage(error, translations)]);
    else other.push({ ...error, message: fieldMessage(error, translations) });
  }
  return { byField, other };
}

/**
 * The Idempotency-Key of a form submission: a retry of the same body (after a lost answer, or a second
 * click) reuses the key, so the case is opened once; a changed body gets a new one.
 */
export function idempotencyKeyFor(
  previous: { key: string; body: string } | undefined,
  body: string,
  newKey: () => string,
): { key: string; body: string } {
  return previous?.body === body ? previous : { key: newKey(), body };
}

/** The If-Match of a case: the ETag it came with, else its version as the API writes ETags. */
export const ifMatchOf = (c: Pick<Case, 'version'>, etag: string | null | undefined): string =>
  etag ?? `"${c.version}"`;
