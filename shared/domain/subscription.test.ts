import { describe, expect, it } from 'vitest';
import { recipientHash } from './recipient.ts';
import {
  checkSecret,
  confirmed,
  maskAddress,
  maxFailedCodes,
  requested,
  requestView,
  type Subscription,
  type SubscriptionRequest,
  subscriptionView,
  unsubscribed,
} from './subscription.ts';

const t0 = '2026-11-26T08:00:00.000Z';
const later = (minutes: number) => new Date(Date.parse(t0) + minutes * 60_000).toISOString();

const emailRequest = (extra: Partial<SubscriptionRequest> = {}): SubscriptionRequest => ({
  channel: 'email',
  address: 'Li.Hua@Example.org',
  addressHash: recipientHash({ channel: 'email', address: 'Li.Hua@Example.org' }),
  topics: ['public-information'],
  follows: [],
  frequency: 'immediate',
  language: 'zh-CN',
  ...extra,
});

const smsRequest: SubscriptionRequest = {
  channel: 'sms',
  address: '+8613800138000',
  addressHash: recipientHash({ channel: 'sms', address: '+8613800138000' }),
  topics: ['*'],
  follows: [],
  frequency: 'immediate',
  language: 'en',
};

describe('masking', () => {
  it('keeps the first character and the domain of an email, the ends of a phone number', () => {
    expect(maskAddress('email', 'li.hua@example.org')).toBe('l***@example.org');
    expect(maskAddress('email', '李华@example.cn')).toBe('李***@example.cn');
    expect(maskAddress('sms', '+8613800138000')).toBe('+86*******8000');
  });

  it('shows no address in the view', () => {
    const s = requested(undefined, emailRequest(), 'secret', t0, 'sub1');
    expect(JSON.stringify(subscriptionView(s))).not.toContain('li.hua');
    expect(subscriptionView(s).maskedAddress).toBe('l***@example.org');
  });
});

describe('a request', () => {
  it('starts a pending subscription with a salted secret, erased if nobody confirms it', () => {
    const s = requested(undefined, emailRequest(), 'the-token', t0, 'sub1');
    expect(s).toMatchObject({
      id: 'sub1',
      address: 'li.hua@example.org',
      status: 'pending_confirmation',
      topics: ['public-information'],
      version: 1,
      createdAt: t0,
    });
    expect(JSON.stringify(s)).not.toContain('the-token');
    expect(s.confirmation?.expiresAt).toBe(later(3 * 24 * 60));
    expect(s.eraseAt).toBe(later(4 * 24 * 60));
    const again = requested(undefined, emailRequest(), 'the-token', t0, 'sub2');
    expect(again.confirmation?.secretHash).not.toBe(s.confirmation?.secretHash);
  });

  it('replaces the topics of a pending subscription', () => {
    const first = requested(undefined, emailRequest(), 'a', t0, 'sub1');
    const second = requested(
      first,
      emailRequest({ topics: ['firefighting-rescue'], language: 'en' }),
      'b',
      later(5),
      'x',
    );
    expect(second).toMatchObject({ id: 'sub1', topics: ['firefighting-rescue'], language: 'en', version: 2 });
    expect(second.createdAt).toBe(t0);
    expect(checkSecret(second, 'a', later(6))).toBe('wrong');
    expect(checkSecret(second, 'b', later(6))).toBe('right');
  });

  it('leaves an active subscription as it is until the new request is confirmed', () => {
    const active = confirmed(requested(undefined, emailRequest(), 'a', t0, 'sub1'), later(1));
    const change = requested(active, emailRequest({ topics: ['*'], language: 'en' }), 'b', later(10), 'x');
    expect(change).toMatchObject({ status: 'active', topics: ['public-information'], language: 'zh-CN' });
    expect(change.eraseAt).toBeUndefined();
    expect(requestView(change)).toMatchObject({
      status: 'pending_confirmation',
      topics: ['*'],
      language: 'en',
      createdAt: later(10),
    });
    const applied = confirmed(change, later(11));
    expect(applied).toMatchObject({ status: 'active', topics: ['*'], language: 'en', version: 4 });
    expect(applied.consent).toEqual({
      at: later(11),
      topics: ['*'],
      follows: [],
      frequency: 'immediate',
      language: 'en',
      method: 'email-link',
    });
  });

  it('starts over after unsubscribing: same id, new double opt-in, the old consent gone', () => {
    const active = confirmed(requested(undefined, emailRequest(), 'a', t0, 'sub1'), later(1));
    const stopped = unsubscribed(active, later(2), 30);
    const back = requested(stopped, emailRequest(), 'b', later(60), 'other');
    expect(back).toMatchObject({
      id: 'sub1',
      status: 'pending_confirmation',
      createdAt: later(60),
      version: 4,
    });
    expect(back.consent).toBeUndefined();
    expect(back.unsubscribedAt).toBeUndefined();
  });
});

describe('checking a secret', () => {
  const pending = requested(undefined, smsRequest, '123456', t0, 'sub1');

  it('tells right, wrong, expired, used and locked apart', () => {
    expect(checkSecret(pending, '123456', later(14))).toBe('right');
    expect(checkSecret(pending, '654321', later(14))).toBe('wrong');
    expect(checkSecret(pending, '123456', later(15))).toBe('expired');
    const done = confirmed(pending, later(1));
    expect(checkSecret(done, '123456', later(60))).toBe('used');
    expect(checkSecret(done, '000000', later(60))).toBe('wrong');
    const locked: Subscription = {
      ...pending,
      confirmation: {
        ...(pending.confirmation as NonNullable<Subscription['confirmation']>),
        failedAttempts: maxFailedCodes,
      },
    };
    expect(checkSecret(locked, '123456', later(1))).toBe('locked');
    expect(checkSecret(unsubscribed(pending, later(1), 30), '123456', later(1))).toBe('none');
  });

  it('records consent by code for SMS', () => {
    expect(confirmed(pending, later(1)).consent).toEqual({
      at: later(1),
      topics: ['*'],
      follows: [],
      frequency: 'immediate',
      language: 'en',
      method: 'sms-code',
    });
  });
});

describe('unsubscribing', () => {
  it('stops everything, drops a pending request and sets the erasure after the retention window', () => {
    const s = unsubscribed(requested(undefined, emailRequest(), 'a', t0, 'sub1'), later(1), 30);
    expect(s).toMatchObject({
      status: 'unsubscribed',
      unsubscribedAt: later(1),
      eraseAt: later(1 + 30 * 24 * 60),
    });
    expect(s.confirmation).toBeUndefined();
  });
});
