/**
 * Request validation: every bad field in one InvalidInput, lengths counted in characters (code
 * points, so Chinese and emoji count one each), strings required to be well-formed Unicode.
 */

import * as z from 'zod/mini';
import { type FieldError, InvalidInput } from '../domain/errors.ts';
import { isWebUrl } from '../domain/url.ts';

/** What a value is, as a message names it ("a number", "null", "an array"). */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const expectedKinds: Partial<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  record: 'an object',
};

const quoted = (values: ReadonlyArray<unknown>): string =>
  values.map((value) => JSON.stringify(value)).join(', ');

const units: Partial<Record<string, string>> = { string: ' characters', array: ' items', set: ' items' };
const unitOf = (origin: string): string => units[origin] ?? '';

/**
 * The desk's words for what zod finds wrong where a schema gives none of its own (zod's mini build
 * has no messages, and its English locale would weigh on every bundle): a field missing, of the wrong
 * type, not one of the allowed values, too long or short, in the wrong format. Missing fields say
 * "is required", and lengths say what `withCode` (problem.ts) reads a limit from.
 */
export function issueMessage(issue: z.core.$ZodRawIssue): string {
  // A field left out: whatever it should have been (a string, one of a few values), it is missing.
  if (issue.input === undefined) return 'is required';
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${expectedKinds[issue.expected] ?? issue.expected}, not ${kindOf(issue.input)}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${quoted(issue.values)}`
        : `must be one of ${quoted(issue.values)}`;
    case 'too_big': {
      const bound = issue.exact ? 'exactly' : issue.inclusive === false ? 'less than' : 'at most';
      return `must be ${bound} ${issue.maximum}${unitOf(issue.origin)}`;
    }
    case 'too_small': {
      const bound = issue.exact ? 'exactly' : issue.inclusive === false ? 'more than' : 'at least';
      return `must be ${bound} ${issue.minimum}${unitOf(issue.origin)}`;
    }
    case 'invalid_format':
      if (issue.format === 'email') return 'must be an email address';
      if (issue.format === 'regex') return `must match ${issue.pattern}`;
      return `must be a valid ${issue.format.replaceAll('_', ' ')}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return 'is not a known field';
    case 'invalid_key':
      return issue.issues[0]?.message ?? 'is not an allowed key';
    default:
      return 'is not valid';
  }
}

z.config({ customError: issueMessage });

const characters = (value: string): number => [...value].length;

/**
 * Control characters (C0, DEL, C1) other than tab and newline (a form's CRLF counts as a newline):
 * they mean nothing in a report or a correction, and a NUL or an escape sequence can break whatever
 * later shows or exports the text.
 */
const disallowedControl = /(?![\t\n])(?!\r\n)\p{Cc}/u;
export const hasControlCharacters = (value: string): boolean => disallowedControl.test(value);

/** Text of `min`..`max` characters, well-formed, and (when min > 0) not only white space. */
export const text = (min: number, max: number) =>
  z.string().check(
    z.refine((value) => value.isWellFormed(), { error: 'must be valid Unicode text' }),
    z.refine((value) => !hasControlCharacters(value), {
      error: 'must not contain control characters (only tab and newline)',
    }),
    z.refine((value) => characters(value) <= max, { error: `must be at most ${max} characters` }),
    z.refine((value) => min === 0 || value.trim().length > 0, { error: 'must not be blank' }),
    z.refine((value) => characters(value) >= min, { error: `must be at least ${min} characters` }),
  );

export const webUrl = (max = 2048) =>
  text(1, max).check(z.refine((value) => isWebUrl(value), { error: 'must be an http or https URL' }));

export const email = () =>
  z.pipe(
    z.string().check(z.maxLength(254, { error: 'must be at most 254 characters' })),
    z.email({ error: 'must be an email address' }),
  );

function pathOf(segments: ReadonlyArray<PropertyKey>): string {
  return segments
    .map((segment, i) =>
      typeof segment === 'number' ? `[${segment}]` : `${i > 0 ? '.' : ''}${String(segment)}`,
    )
    .join('');
}

/** Zod's issues as the contract's `errors`: one per bad field, unknown fields named one by one. */
export function fieldErrors(issues: ReadonlyArray<z.core.$ZodIssue>): FieldError[] {
  return issues.flatMap((issue): FieldError[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: pathOf([...issue.path, key]),
        message: 'is not a known field',
      }));
    }
    return [{ path: pathOf(issue.path), message: issue.message }];
  });
}

/**
 * A validator built on its first use and kept: importing a module builds no schema, because zod's
 * first schema costs a cold start milliseconds that only a request needs. Its calls carry esbuild's
 * pure annotation, so that a bundle drops the validators its function never uses.
 */
export function onFirstUse<T extends z.ZodMiniType>(build: () => T): () => T {
  let schema: T | undefined;
  return () => {
    schema ??= build();
    return schema;
  };
}

/** A schema, or a validator built on first use. */
export type Validator<T> = z.ZodMiniType<T> | (() => z.ZodMiniType<T>);

export function parse<T>(validator: Validator<T>, value: unknown): T {
  const schema = typeof validator === 'function' ? validator() : validator;
  const result = schema.safeParse(value);
  if (!result.success) throw new InvalidInput(fieldErrors(result.error.issues));
  return result.data;
}
