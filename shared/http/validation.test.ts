import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { InvalidInput } from '../domain/errors.ts';
import { withCode } from './problem.ts';
import { pageQuery } from './queries.ts';
import { topicRequest } from './schemas.ts';
import { parse, type Validator } from './validation.ts';

const errorsOf = <T>(validator: Validator<T>, value: unknown) => {
  try {
    parse(validator, value);
  } catch (error) {
    if (error instanceof InvalidInput) return error.errors.map(withCode);
    throw error;
  }
  return [];
};

describe("the desk's words for what a schema leaves unsaid", () => {
  it('names a missing field, a wrong type and the allowed values', () => {
    const schema = z.strictObject({ kind: z.enum(['a', 'b']), name: z.string(), on: z.boolean() });
    expect(errorsOf(schema, { name: [], on: null, extra: 1 })).toEqual([
      { path: 'kind', message: 'is required', code: 'required' },
      { path: 'name', message: 'must be a string, not an array', code: 'invalid' },
      { path: 'on', message: 'must be true or false, not null', code: 'invalid' },
      { path: 'extra', message: 'is not a known field', code: 'unknown-field' },
    ]);
    expect(errorsOf(schema, { kind: 'c', name: 'x', on: true })).toEqual([
      { path: 'kind', message: 'must be one of "a", "b"', code: 'invalid' },
    ]);
    expect(errorsOf(z.literal('One'), 'Two')[0]?.message).toBe('must be "One"');
  });

  it('says lengths and bounds so that a client reads the limit', () => {
    expect(errorsOf(pageQuery, { cursor: 'x'.repeat(4097), limit: '0' })).toEqual([
      { path: 'limit', message: 'must be at least 1', code: 'invalid' },
      { path: 'cursor', message: 'must be at most 4096 characters', code: 'too-long', limit: 4096 },
    ]);
    expect(errorsOf(z.array(z.string()).check(z.minLength(2)), ['a'])[0]?.message).toBe(
      'must be at least 2 items',
    );
    expect(errorsOf(z.number().check(z.gt(0)), 0)[0]?.message).toBe('must be more than 0');
  });

  it("passes a record key's own message on, and names a format", () => {
    expect(
      errorsOf(topicRequest, { names: { 'zh-CN': '公共信息', en: 'Public', '!!': 'x' }, desk: 'News' }),
    ).toEqual([{ path: 'names.!!', message: 'must be a language tag', code: 'invalid' }]);
    expect(errorsOf(z.email(), 'nobody')[0]?.message).toBe('must be an email address');
    expect(errorsOf(z.string().check(z.regex(/^\d+$/)), 'x')[0]?.message).toBe('must match /^\\d+$/');
    expect(errorsOf(z.iso.date(), 'soon')[0]?.message).toBe('must be a valid date');
  });
});
