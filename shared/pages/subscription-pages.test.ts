import { describe, expect, it } from 'vitest';
import { site } from '../../tests/support/corrections.ts';
import { contentSecurityPolicy } from './layout.ts';
import {
  confirmedHtml,
  confirmHtml,
  deadLinkHtml,
  type PageSubscription,
  unsubscribedHtml,
  unsubscribeHtml,
} from './subscription-pages.ts';

const subscription = (extra: Partial<PageSubscription> = {}): PageSubscription => ({
  language: 'en',
  maskedAddress: 'l***@example.org',
  topics: { 'zh-CN': ['灭火与救援', '<b>新闻</b>'], en: ['Firefighting and rescue', 'News & "quotes"'] },
  everyTopic: false,
  follows: [],
  ...extra,
});

const manage = 'https://corrections.example.org/subscriptions/s1/manage?token=m';

describe('subscription pages', () => {
  it('put the subscriber language first and the other after it, in the site frame', () => {
    const en = confirmedHtml(site, subscription(), false, manage);
    expect(en).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(en.indexOf('<section lang="en">\n<h1>Subscription confirmed')).toBeLessThan(
      en.indexOf('<section lang="zh-CN">\n<h2>订阅已确认'),
    );
    const zh = confirmedHtml(site, subscription({ language: 'zh-CN' }), false, manage);
    expect(zh.indexOf('订阅已确认')).toBeLessThan(zh.indexOf('Subscription confirmed'));
    expect(zh).toContain('<title>订阅已确认 · Subscription confirmed · 示例市消防救援支队</title>');
    expect(zh).toContain(`href="${manage.replace(/&/g, '&#38;')}"`);
  });

  it('escape every value', () => {
    const page = confirmedHtml(site, subscription(), true, manage);
    expect(page).toContain('&#60;b&#62;新闻&#60;/b&#62;');
    expect(page).toContain('News &#38; &#34;quotes&#34;');
    expect(page).not.toContain('<b>');
    expect(page).toContain('This subscription was confirmed before');
    const form = unsubscribeHtml(site, subscription(), 'tok"en<', true);
    expect(form).toContain('value="tok&#34;en&#60;"');
  });

  it('name every topic when following all of them, and the articles followed', () => {
    const page = confirmedHtml(
      site,
      subscription({ topics: { 'zh-CN': [], en: [] }, everyTopic: true, follows: ['https://a.example/x'] }),
      false,
      manage,
    );
    expect(page).toContain('全部主题，以及您关注的 1 篇文章');
    expect(page).toContain('all topics, and the 1 article you follow');
  });

  it('confirm by a button: the link only shows the form, which posts the token without JavaScript', () => {
    const page = confirmHtml(site, subscription(), 'abc');
    expect(page).toContain(
      '<form method="post" action="confirm"><input type="hidden" name="token" value="abc" /><button type="submit">Confirm · 确认订阅</button></form>',
    );
    expect(page).not.toContain('<script');
  });

  it('post the unsubscribe form to the unsubscribe address, without JavaScript', () => {
    const page = unsubscribeHtml(site, subscription(), 'abc', true);
    expect(page).toContain(
      '<form method="post" action="unsubscribe"><input type="hidden" name="token" value="abc" /><button type="submit">Unsubscribe · 退订</button></form>',
    );
    expect(page).toContain('l***@example.org');
    expect(page).toContain('Firefighting and rescue');
    expect(page).not.toContain('<script');
    const done = unsubscribeHtml(site, subscription(), 'abc', false);
    expect(done).not.toContain('<form');
    expect(done).toContain('This address is unsubscribed');
    const after = unsubscribedHtml(site, subscription());
    expect(after).toContain('will receive no more corrections');
    // Where to subscribe again is a link, not a sentence.
    expect(after).toContain(
      '<a href="https://corrections.example.org/subscribe?lang=en">Subscribe to corrections</a>',
    );
    expect(after).toContain('<a href="https://corrections.example.org/subscribe">订阅更正通知</a>');
  });

  it('answer a dead link the same whatever made it dead, Chinese first, with the way to subscribe', () => {
    const dead = deadLinkHtml(site);
    expect(dead).toContain(
      '<title>链接无效或已过期 · This link is invalid or has expired · 示例市消防救援支队</title>',
    );
    expect(dead).toContain('href="https://corrections.example.org/subscribe"');
  });

  it('allow their own style, icon and forms posting to the site only', () => {
    expect(contentSecurityPolicy()).toMatch(
      /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src 'self'; base-uri 'none'; form-action 'self'/,
    );
  });
});
