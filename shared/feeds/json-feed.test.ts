import { describe, expect, it } from 'vitest';
import {
  amended,
  context,
  hostileBody,
  hostileHeadlineShown,
  newest,
  smsOnly,
} from '../../tests/support/feed-fixtures.ts';
import { atomFeed } from './atom.ts';
import { jsonFeed } from './json-feed.ts';

describe('the JSON Feed', () => {
  const text = JSON.stringify(jsonFeed(newest, context));
  const feed = JSON.parse(text);

  it('has every top-level field JSON Feed 1.1 requires, and the ones readers rely on', () => {
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: '更正与澄清',
      home_page_url: 'https://corrections.example.org/',
      feed_url: 'https://corrections.example.org/corrections/feed.json',
      language: 'zh-CN',
      authors: [{ name: '更正与澄清', url: 'https://corrections.example.org/' }],
    });
    expect(feed.items).toHaveLength(3);
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string');
      expect(item.url).toMatch(/^https:\/\/corrections\.example\.org\/c\/\w+$/);
      expect(typeof item.content_html).toBe('string');
      expect(typeof item.content_text).toBe('string');
      expect(Number.isNaN(Date.parse(item.date_published))).toBe(false);
      expect(Number.isNaN(Date.parse(item.date_modified))).toBe(false);
      expect(item.tags).toHaveLength(1);
    }
  });

  it('shows an amended correction as updated, with the same id as the Atom entry', () => {
    const [item] = feed.items;
    expect(item).toMatchObject({
      url: `https://corrections.example.org/c/${amended.id}`,
      external_url: 'https://example.org/news?id=1&lang=zh',
      title: '【更正 · 更新】关于伤亡人数的更正（更新）',
      date_published: '2026-11-20T08:00:00.000Z',
      date_modified: '2026-11-22T09:30:00.000Z',
      tags: ['灭火与救援'],
      language: 'zh-CN',
    });
    expect(item.content_text).toContain('第2版 · 更新说明：补充说明受伤人员已出院');
    expect(item.content_html).toContain('<p><em>第2版 · 更新说明：补充说明受伤人员已出院</em></p>');
    expect(atomFeed(newest, context)).toContain(`<id>${item.id}</id>`);
  });

  it('keeps hostile text as text: as the Atom feed shows it in content_text, escaped in content_html', () => {
    const hostile = feed.items[1];
    expect(hostile.title).toBe(`Clarification: ${hostileHeadlineShown}`);
    expect(hostile.content_text).toContain(hostileBody.replace('\u0007', ''));
    expect(hostile.content_html).not.toContain('<b>');
    expect(hostile.content_html).toContain('&#60;b&#62;bold&#60;/b&#62; &#38; &#34;quotes&#34;');
    expect(hostile.content_html).not.toContain('\u0007');
  });

  it('carries nothing private', () => {
    expect(text).not.toContain(smsOnly);
    expect(text).not.toContain('case-');
  });
});
