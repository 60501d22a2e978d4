/**
 * Request validation: every bad field in one InvalidInput, lengths counted in characters (code
 * points, so Chinese and emoji count one each), strings required to be well-formed Unicode.
 */

import * as z from 'zod/mini';
import english from 'zod/v4/locales/en.js';
import { type FieldError, InvalidInput } from '../domain/errors.ts';
import { isWebUrl } from '../domain/url.ts';

// zod's mini build registers no messages of its own; a few of the English ones show through (an
// unknown option, a field of the wrong type) and `fieldErrors` recognizes a missing field by its words.
z.config(english());

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
    const missing = issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
    return [{ path: pathOf(issue.path), message: missing ? 'is required' : issue.message }];
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
