import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../domain/errors.ts';
import { subscriptionRequest, unsubscribeForm, verifyRequest } from './schemas.ts';
import { parse } from './validation.ts';

const known = new Set(['public-information', 'firefighting-rescue']);
const errorsOf = (schema: Parameters<typeof parse>[0], body: unknown) => {
  try {
    parse(schema, body);
  } catch (error) {
    if (error instanceof InvalidInput) return error.errors;
    throw error;
  }
  return [];
};

describe('a subscription request', () => {
  it('takes an email or an E.164 phone number, known topics deduplicated, and a language', () => {
    expect(
      parse(subscriptionRequest(known), {
        channel: 'email',
        address: 'li.hua@example.org',
        topics: ['public-information', 'firefighting-rescue', 'public-information'],
      }),
    ).toEqual({
      channel: 'email',
      address: 'li.hua@example.org',
      topics: ['public-information', 'firefighting-rescue'],
    });
    expect(
      parse(subscriptionRequest(known), {
        channel: 'sms',
        address: '+8613800138000',
        topics: ['*'],
        language: 'en',
      }),
    ).toMatchObject({ topics: ['*'], language: 'en' });
  });

  it('lists every bad field at once', () => {
    expect(
      errorsOf(subscriptionRequest(known), {
        channel: 'email',
        address: 'not-an-address',
        topics: ['nope', 'public-information'],
        language: 'fr',
        extra: 1,
        other: true,
      }).map((error) => error.path),
    ).toEqual(expect.arrayContaining(['extra', 'other', 'topics[0]', 'language', 'address']));
    expect(errorsOf(subscriptionRequest(known), {}).map((error) => [error.path, error.message])).toEqual([
      ['channel', 'is required'],
      ['address', 'is required'],
      ['topics', 'name at least one topic ("*" for every topic) or one page to follow'],
    ]);
    expect(
      errorsOf(subscriptionRequest(known), { channel: 'fax', address: 42, topics: ['*'] }).map((error) => [
        error.path,
        error.message,
      ]),
    ).toEqual([
      ['channel', 'must be one of "email", "sms"'],
      ['address', 'must be a string, not a number'],
    ]);
  });

  it('checks the address by its channel', () => {
    const sms = (address: string) =>
      errorsOf(subscriptionRequest(known), { channel: 'sms', address, topics: ['*'] });
    expect(sms('+8613800138000')).toEqual([]);
    expect(sms('13800138000')[0]?.path).toBe('address');
    expect(sms('+86138001380')[0]?.message).toMatch(/valid phone number/);
    expect(sms('li.hua@example.org')[0]?.path).toBe('address');
    const email = (address: string) =>
      errorsOf(subscriptionRequest(known), { channel: 'email', address, topics: ['*'] });
    expect(email(`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.org`)).toEqual([]);
    expect(
      email(`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.org`)[0]?.message,
    ).toBe('must be at most 254 characters');
    expect(email('+8613800138000')[0]?.message).toBe('must be an email address');
  });

  it('wants at least one topic, and "*" alone', () => {
    const topics = (value: unknown) =>
      errorsOf(subscriptionRequest(known), { channel: 'sms', address: '+8613800138000', topics: value });
    expect(topics([])[0]?.message).toMatch(/at least one topic/);
    expect(topics(['*', 'public-information'])[0]?.message).toMatch(/cannot be combined/);
    expect(topics(['*', '*'])).toEqual([]);
    expect(topics('public-information')[0]?.path).toBe('topics');
    expect(topics([42])[0]?.path).toBe('topics[0]');
  });
});

describe('the other subscription bodies', () => {
  it('want a 6-digit code', () => {
    expect(parse(verifyRequest, { code: '012345' })).toEqual({ code: '012345' });
    expect(errorsOf(verifyRequest, { code: '12345' })[0]?.message).toMatch(/6-digit/);
    expect(errorsOf(verifyRequest, { code: 123456 })[0]?.path).toBe('code');
  });

  it('take the RFC 8058 one-click field only as One-Click', () => {
    expect(parse(unsubscribeForm, { token: 't', 'List-Unsubscribe': 'One-Click' })).toMatchObject({
      token: 't',
    });
    expect(errorsOf(unsubscribeForm, { token: 't', 'List-Unsubscribe': 'yes' })[0]?.path).toBe(
      'List-Unsubscribe',
    );
    expect(errorsOf(unsubscribeForm, {})[0]).toEqual({ path: 'token', message: 'is required' });
    expect(errorsOf(unsubscribeForm, { token: '\uD800' })[0]?.message).toBe('must be valid Unicode text');
  });
});
