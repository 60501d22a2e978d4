import { describe, expect, it } from 'vitest';
import { published } from '../../tests/support/corrections.ts';
import {
  amended,
  context,
  hostile,
  hostileHeadlineShown,
  newest,
  now,
  smsOnly,
} from '../../tests/support/feed-fixtures.ts';
import { childElements, parseXml, textOf, type XmlElement } from '../../tests/support/xml.ts';
import { atomFeed } from './atom.ts';

const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function only(parent: XmlElement, name: string): XmlElement {
  const found = childElements(parent, name);
  expect(found, `exactly one <${name}> in <${parent.name}>`).toHaveLength(1);
  return found[0]!;
}

const links = (parent: XmlElement) => childElements(parent, 'link').map((link) => link.attributes);
const entries = (xml: string) => childElements(parseXml(xml), 'entry');

describe('the Atom feed', () => {
  const xml = atomFeed(newest, context);
  const feed = parseXml(xml);

  it('is a well-formed UTF-8 Atom document with every feed element RFC 4287 requires', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true);
    expect(feed.name).toBe('feed');
    expect(feed.attributes).toEqual({ xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': 'zh-CN' });
    expect(textOf(only(feed, 'id'))).toBe('https://corrections.example.org/');
    expect(textOf(only(feed, 'title'))).toBe('更正与澄清');
    expect(only(feed, 'title').attributes.type).toBe('text');
    // The feed changed when its most recently amended entry did.
    expect(textOf(only(feed, 'updated'))).toBe('2026-11-22T09:30:00.000Z');
    expect(textOf(only(only(feed, 'author'), 'name'))).toBe('更正与澄清');
    expect(links(feed)).toEqual([
      {
        rel: 'self',
        type: 'application/atom+xml',
        href: 'https://corrections.example.org/corrections/feed.atom',
      },
      { rel: 'alternate', type: 'text/html', href: 'https://corrections.example.org/' },
      {
        rel: 'alternate',
        type: 'application/feed+json',
        href: 'https://corrections.example.org/corrections/feed.json',
      },
    ]);
  });

  it('has one entry per correction, in the given order, with every entry element', () => {
    const all = childElements(feed, 'entry');
    expect(all).toHaveLength(3);
    for (const [index, entry] of all.entries()) {
      const correction = newest[index]!;
      expect(textOf(only(entry, 'id'))).toMatch(
        /^tag:corrections\.example\.org,\d{4}-\d{2}-\d{2}:correction:/,
      );
      expect(textOf(only(entry, 'title')).length).toBeGreaterThan(0);
      expect(textOf(only(entry, 'updated'))).toMatch(rfc3339);
      expect(textOf(only(entry, 'published'))).toMatch(rfc3339);
      expect(links(entry)).toContainEqual({
        rel: 'alternate',
        type: 'text/html',
        href: `https://corrections.example.org/c/${correction.id}`,
      });
      expect(only(entry, 'content').attributes).toEqual({ type: 'html' });
      expect(only(entry, 'category').attributes).toMatchObject({
        term: correction.topic,
        scheme: 'https://corrections.example.org/topics',
      });
      expect(entry.attributes['xml:lang']).toBe(correction.language);
    }
  });

  it('shows an amended correction as updated: dates, label and note, under the id it always had', () => {
    const [entry] = childElements(feed, 'entry');
    expect(textOf(only(entry!, 'published'))).toBe('2026-11-20T08:00:00.000Z');
    expect(textOf(only(entry!, 'updated'))).toBe('2026-11-22T09:30:00.000Z');
    expect(textOf(only(entry!, 'title'))).toBe('【更正 · 更新】关于伤亡人数的更正（更新）');
    const content = textOf(only(entry!, 'content'));
    expect(content).toContain('<p><em>第2版 · 更新说明：补充说明受伤人员已出院</em></p>');
    expect(content).toContain('<p>受伤人数为1人，已出院。</p>');
    expect(only(entry!, 'category').attributes.label).toBe('灭火与救援');
    expect(links(entry!)).toContainEqual({ rel: 'related', href: 'https://example.org/news?id=1&lang=zh' });

    const firstVersionOnly = published(amended.id, [
      { headline: '关于伤亡人数的更正', body: '受伤人数为1人，不是3人。', at: '2026-11-20T08:00:00.000Z' },
    ]);
    const [before] = entries(atomFeed([firstVersionOnly], context));
    expect(textOf(only(before!, 'id'))).toBe(textOf(only(entry!, 'id')));
    expect(textOf(only(before!, 'title'))).toBe('【更正】关于伤亡人数的更正');
  });

  it('escapes hostile text and drops the characters XML forbids, changing nothing else', () => {
    expect(xml).not.toContain('<script');
    // parseXml has already refused any character XML forbids, anywhere in the document.
    const [, entry] = childElements(feed, 'entry');
    expect(textOf(only(entry!, 'title'))).toBe(`Clarification: ${hostileHeadlineShown}`);
    // The content is HTML: the hostile text is text in it, escaped once more.
    const content = textOf(only(entry!, 'content'));
    expect(content).toContain('<p>&#60;b&#62;bold&#60;/b&#62; &#38; &#34;quotes&#34;</p>');
    expect(content).toContain('<p>]]&#62; &#60;![CDATA[ x ]]&#62; &#60;!-- c --&#62;</p>');
    expect(content).not.toContain('<b>');
    expect(hostile.headline).toContain('\u0000');
  });

  it('round-trips Chinese text exactly', () => {
    const [entry, , plainEntry] = childElements(feed, 'entry');
    expect(textOf(only(plainEntry!, 'title'))).toBe('【撤回】撤回一则报道');
    expect(textOf(only(entry!, 'content'))).toContain('<p>受伤人数为1人，已出院。</p>');
  });

  it('carries nothing private: no SMS wording, no case', () => {
    expect(xml).not.toContain(smsOnly);
    expect(xml).not.toContain('case-');
  });

  it('is still a valid feed with no entries, updated now', () => {
    const empty = parseXml(atomFeed([], context));
    expect(textOf(only(empty, 'updated'))).toBe(now);
    expect(childElements(empty, 'entry')).toEqual([]);
    only(empty, 'author');
  });
});
