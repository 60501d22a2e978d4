import { describe, expect, it } from 'vitest';
import {
  confirmedHtml,
  deadLinkHtml,
  type PageSubscription,
  subscriptionPagePolicy,
  unsubscribedHtml,
  unsubscribeHtml,
} from './subscription-pages.ts';

const subscription = (extra: Partial<PageSubscription> = {}): PageSubscription => ({
  language: 'en',
  maskedAddress: 'l***@example.org',
  topics: { 'zh-CN': ['灭火与救援', '<b>新闻</b>'], en: ['Firefighting and rescue', 'News & "quotes"'] },
  ...extra,
});

describe('subscription pages', () => {
  it('put the subscriber language first and the other after it', () => {
    const en = confirmedHtml(subscription(), false);
    expect(en).toMatch(/^<!doctype html><html lang="en">/);
    expect(en.indexOf('lang="en"><h1>Subscription confirmed')).toBeLessThan(
      en.indexOf('lang="zh-CN"><h1>订阅已确认'),
    );
    const zh = confirmedHtml(subscription({ language: 'zh-CN' }), false);
    expect(zh.indexOf('订阅已确认')).toBeLessThan(zh.indexOf('Subscription confirmed'));
    expect(zh).toContain('<title>订阅已确认 · Subscription confirmed</title>');
  });

  it('escape every value', () => {
    const page = confirmedHtml(subscription(), true);
    expect(page).toContain('&#60;b&#62;新闻&#60;/b&#62;');
    expect(page).toContain('News &#38; &#34;quotes&#34;');
    expect(page).not.toContain('<b>');
    expect(page).toContain('This subscription was confirmed before');
    const form = unsubscribeHtml(subscription(), 'tok"en<', true);
    expect(form).toContain('value="tok&#34;en&#60;"');
  });

  it('name every topic when following all of them', () => {
    const page = confirmedHtml(subscription({ topics: { 'zh-CN': [], en: [] } }), false);
    expect(page).toContain('全部主题');
    expect(page).toContain('all topics');
  });

  it('post the unsubscribe form to the unsubscribe address, without JavaScript', () => {
    const page = unsubscribeHtml(subscription(), 'abc', true);
    expect(page).toContain(
      '<form method="post" action="unsubscribe"><input type="hidden" name="token" value="abc"><button type="submit">Unsubscribe · 退订</button></form>',
    );
    expect(page).toContain('l***@example.org');
    expect(page).toContain('Firefighting and rescue');
    expect(page).not.toContain('<script');
    const done = unsubscribeHtml(subscription(), 'abc', false);
    expect(done).not.toContain('<form');
    expect(done).toContain('This address is unsubscribed');
    expect(unsubscribedHtml(subscription())).toContain('will receive no more corrections');
  });

  it('answer a dead link the same whatever made it dead, Chinese first', () => {
    expect(deadLinkHtml()).toContain('<title>链接无效或已过期 · This link is invalid or has expired</title>');
  });

  it('allow their own style and form only', () => {
    expect(subscriptionPagePolicy).toMatch(
      /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; form-action 'self'/,
    );
  });
});
