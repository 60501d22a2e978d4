import { describe, expect, it } from 'vitest';
import { isWebUrl, normalizeUrl } from './url.ts';

describe('normalizeUrl', () => {
  it('treats the same page as the same, whatever the spelling', () => {
    const key = normalizeUrl('https://www.example.gov.cn/news/2026/fire.html');
    for (const variant of [
      'http://example.gov.cn/news/2026/fire.html',
      'HTTPS://WWW.EXAMPLE.GOV.CN/news/2026/fire.html#top',
      'https://example.gov.cn:443/news/2026/fire.html/',
      'https://example.gov.cn/news/2026/fire.html?utm_source=wechat&spm=a.b',
    ]) {
      expect(normalizeUrl(variant)).toBe(key);
    }
  });

  it('keeps what makes pages different', () => {
    expect(normalizeUrl('https://example.org/a?id=1')).not.toBe(normalizeUrl('https://example.org/a?id=2'));
    expect(normalizeUrl('https://example.org/a?b=2&a=1')).toBe(normalizeUrl('https://example.org/a?a=1&b=2'));
    expect(normalizeUrl('https://example.org/新闻')).toBe(
      normalizeUrl('https://example.org/%E6%96%B0%E9%97%BB'),
    );
  });
});

describe('isWebUrl', () => {
  it('accepts http and https only', () => {
    expect(isWebUrl('https://example.org/x')).toBe(true);
    expect(isWebUrl('http://例子.中国/路径')).toBe(true);
    for (const bad of ['ftp://example.org', 'javascript:alert(1)', 'mailto:a@b.c', 'example.org', '']) {
      expect(isWebUrl(bad)).toBe(false);
    }
  });
});
