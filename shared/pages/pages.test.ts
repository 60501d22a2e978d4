import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { site, topics } from '../../tests/support/corrections.ts';
import {
  amended,
  hostile,
  hostileHeadlineShown,
  newest,
  plain,
  smsOnly,
} from '../../tests/support/feed-fixtures.ts';
import { elements, parseXml, textOf, type XmlElement } from '../../tests/support/xml.ts';
import { correctionsPage } from './corrections-page.ts';
import { errorPage } from './error-page.ts';
import { contentSecurityPolicy } from './layout.ts';
import { permalinkPage } from './permalink-page.ts';

const timeZone = 'Asia/Shanghai';
const parse = (html: string) => parseXml(html, { html: true });
const byRel = (root: XmlElement, rel: string) =>
  elements(root, 'link')
    .filter((link) => link.attributes.rel === rel)
    .map((link) => link.attributes);
const hrefs = (root: XmlElement) => elements(root, 'a').map((a) => a.attributes.href);

describe('the corrections page', () => {
  const html = correctionsPage({
    language: 'zh-CN',
    site,
    timeZone,
    topics,
    page: { items: newest, nextCursor: 'next.cursor' },
  });
  const root = parse(html);

  it('is a well-formed Chinese page linking both feeds, the English version and each permalink', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
    expect(elements(root, 'meta')[0]?.attributes).toEqual({ charset: 'utf-8' });
    expect(byRel(root, 'alternate')).toEqual([
      { rel: 'alternate', hreflang: 'en', href: 'https://corrections.example.org/?lang=en' },
      {
        rel: 'alternate',
        type: 'application/atom+xml',
        title: '示例市消防救援支队 · 更正与澄清 (Atom)',
        href: 'https://corrections.example.org/corrections/feed.atom',
      },
      {
        rel: 'alternate',
        type: 'application/feed+json',
        title: '示例市消防救援支队 · 更正与澄清 (JSON Feed)',
        href: 'https://corrections.example.org/corrections/feed.json',
      },
    ]);
    const links = hrefs(root);
    for (const correction of newest)
      expect(links).toContain(`https://corrections.example.org/c/${correction.id}`);
    expect(links).toContain('https://corrections.example.org/corrections/feed.atom');
    expect(links).toContain('https://corrections.example.org/corrections/feed.json');
    expect(links).toContain('https://corrections.example.org/?lang=en');
  });

  it('lists newest first with labels per type, amended ones marked as updated, and a link to more', () => {
    const articles = elements(root, 'article');
    expect(articles.map((article) => textOf(elements(article, 'h2')[0]!))).toEqual([
      '关于伤亡人数的更正（更新）',
      hostileHeadlineShown,
      '撤回一则报道',
    ]);
    const labels = elements(root, 'span')
      .filter((span) => span.attributes.class === 'label')
      .map(textOf);
    expect(labels).toEqual(['更正 · 更新', '澄清', '撤回']);
    expect(textOf(articles[0]!)).toContain('补充说明受伤人员已出院');
    expect(elements(articles[0]!, 'time').map((time) => time.attributes.datetime)).toEqual([
      '2026-11-20T08:00:00.000Z',
      '2026-11-22T09:30:00.000Z',
    ]);
    expect(textOf(elements(articles[0]!, 'time')[0]!)).toBe('2026年11月20日 GMT+8 16:00');
    const more = elements(root, 'a').find((a) => a.attributes.rel === 'next');
    expect(more?.attributes.href).toBe('https://corrections.example.org/?cursor=next.cursor');
  });

  it('escapes hostile text and shows nothing private', () => {
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
    expect(textOf(root)).toContain('<b>bold</b> & "quotes"');
    expect(html).not.toContain(smsOnly);
    expect(html).not.toContain('case-');
  });

  it('in English, filtered to a topic: labels, names and links keep the language and the filter', () => {
    const english = parse(
      correctionsPage({
        language: 'en',
        site,
        timeZone,
        topics,
        topic: 'firefighting-rescue',
        page: { items: [amended], nextCursor: 'c2' },
      }),
    );
    expect(english.attributes.lang).toBe('en');
    expect(textOf(elements(english, 'h1')[0]!)).toBe(
      'Corrections and clarifications · Firefighting and rescue',
    );
    expect(textOf(elements(english, 'span').find((s) => s.attributes.class === 'label')!)).toBe(
      'Correction · updated',
    );
    const current = elements(english, 'a').find((a) => a.attributes['aria-current'] === 'page');
    expect(current?.attributes.href).toBe(
      'https://corrections.example.org/?lang=en&topic=firefighting-rescue',
    );
    expect(hrefs(english)).toContain(`https://corrections.example.org/c/${amended.id}?lang=en`);
    expect(elements(english, 'a').find((a) => a.attributes.rel === 'next')?.attributes.href).toBe(
      'https://corrections.example.org/?lang=en&topic=firefighting-rescue&cursor=c2',
    );
    // The Chinese correction keeps its own language inside the English page.
    expect(elements(english, 'h2')[0]?.attributes.lang).toBe('zh-CN');
  });

  it('says so when there is nothing, and has no "more" link on the last page', () => {
    const empty = parse(
      correctionsPage({ language: 'zh-CN', site, timeZone, topics, page: { items: [], nextCursor: null } }),
    );
    expect(textOf(elements(empty, 'main')[0]!)).toContain('暂无已发布的更正。');
    expect(elements(empty, 'a').some((a) => a.attributes.rel === 'next')).toBe(false);
  });
});

describe('the permalink page', () => {
  const html = permalinkPage({ language: 'zh-CN', site, timeZone, topics, correction: amended });
  const root = parse(html);

  it('shows the current version and every version with its date and note', () => {
    expect(textOf(elements(root, 'h1')[0]!)).toBe('关于伤亡人数的更正（更新）');
    const versions = elements(root, 'ol').find((ol) => ol.attributes.class === 'versions')!;
    const items = elements(versions, 'li');
    expect(items).toHaveLength(2);
    expect(textOf(items[0]!)).toContain('第1版');
    expect(textOf(items[0]!)).toContain('关于伤亡人数的更正');
    expect(textOf(items[0]!)).toContain('受伤人数为1人，不是3人。');
    expect(elements(items[0]!, 'time')[0]?.attributes.datetime).toBe('2026-11-20T08:00:00.000Z');
    expect(textOf(items[1]!)).toContain('第2版（当前版本）');
    expect(textOf(items[1]!)).toContain('更新说明：补充说明受伤人员已出院');
    expect(elements(items[1]!, 'time')[0]?.attributes.datetime).toBe('2026-11-22T09:30:00.000Z');
    expect(byRel(root, 'canonical')).toEqual([
      { rel: 'canonical', href: `https://corrections.example.org/c/${amended.id}` },
    ]);
    expect(hrefs(root)).toContain('https://example.org/news?id=1&lang=zh');
  });

  it('offers to follow the corrected article and to report another error in it', () => {
    const links = hrefs(root);
    expect(links).toContain(
      `https://corrections.example.org/subscribe?follow=${encodeURIComponent('https://example.org/news?id=1&lang=zh')}`,
    );
    expect(links).toContain(
      `https://corrections.example.org/report?url=${encodeURIComponent('https://example.org/news?id=1&lang=zh')}`,
    );
  });

  it('names the publisher in its title and header, with the subscribe and report pages and the icon', () => {
    expect(textOf(elements(root, 'title')[0]!)).toBe('关于伤亡人数的更正（更新） · 示例市消防救援支队');
    const header = elements(root, 'header')[0]!;
    expect(textOf(header)).toContain('示例市消防救援支队');
    expect(hrefs(header)).toEqual(
      expect.arrayContaining([
        'https://corrections.example.org/subscribe',
        'https://corrections.example.org/report',
      ]),
    );
    expect(byRel(root, 'icon')).toEqual([
      { rel: 'icon', type: 'image/svg+xml', href: 'https://corrections.example.org/favicon.svg' },
    ]);
  });

  it('describes itself in schema.org JSON-LD', () => {
    const [script] = elements(root, 'script');
    expect(script?.attributes.type).toBe('application/ld+json');
    expect(JSON.parse(textOf(script!))).toEqual({
      '@context': 'https://schema.org',
      '@type': 'CorrectionComment',
      '@id': `https://corrections.example.org/c/${amended.id}`,
      url: `https://corrections.example.org/c/${amended.id}`,
      headline: '关于伤亡人数的更正（更新）',
      text: '受伤人数为1人，已出院。',
      inLanguage: 'zh-CN',
      datePublished: '2026-11-20T08:00:00.000Z',
      dateModified: '2026-11-22T09:30:00.000Z',
      version: 2,
      genre: 'correction',
      keywords: '灭火与救援',
      publisher: {
        '@type': 'Organization',
        name: '示例市消防救援支队',
        url: 'https://corrections.example.org/',
      },
      parentItem: {
        '@type': 'CreativeWork',
        url: 'https://example.org/news?id=1&lang=zh',
        correction: { '@id': `https://corrections.example.org/c/${amended.id}` },
      },
    });
  });

  it('keeps hostile text inside the JSON-LD script and out of the markup', () => {
    const page = permalinkPage({ language: 'en', site, timeZone, topics, correction: hostile });
    expect(page.match(/<\/script>/g)).toHaveLength(1);
    expect(page).not.toContain('<b>');
    const root = parse(page);
    const data = JSON.parse(textOf(elements(root, 'script')[0]!));
    expect(data.headline).toBe(hostile.headline);
    expect(textOf(elements(root, 'h1')[0]!)).toBe(hostileHeadlineShown);
    expect(elements(root, 'script')).toHaveLength(1);
  });

  it('shows a single-version correction without an update', () => {
    const page = parse(permalinkPage({ language: 'en', site, timeZone, topics, correction: plain }));
    expect(textOf(elements(page, 'span').find((s) => s.attributes.class === 'label')!)).toBe('Retraction');
    expect(elements(page, 'time')).toHaveLength(2);
    expect(byRel(page, 'alternate')[0]).toEqual({
      rel: 'alternate',
      hreflang: 'zh-CN',
      href: `https://corrections.example.org/c/${plain.id}`,
    });
  });
});

describe('every page', () => {
  it('has a policy allowing its own inline style and nothing else', () => {
    const html = errorPage(404, 'zh-CN', site);
    const style = /<style>([\s\S]*)<\/style>/.exec(html)?.[1] ?? '';
    const hash = createHash('sha256').update(style, 'utf8').digest('base64');
    expect(contentSecurityPolicy()).toBe(
      `default-src 'none'; style-src 'sha256-${hash}'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
    );
  });

  it('answers a missing correction with a page that leads back, not indexed', () => {
    const root = parse(errorPage(404, 'en', site));
    expect(textOf(elements(root, 'h1')[0]!)).toBe('Page not found');
    expect(hrefs(root)).toContain('https://corrections.example.org/?lang=en');
    expect(elements(root, 'meta').map((meta) => meta.attributes)).toContainEqual({
      name: 'robots',
      content: 'noindex',
    });
    expect(byRel(root, 'canonical')).toEqual([]);
  });
});
