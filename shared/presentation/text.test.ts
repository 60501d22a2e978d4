import { describe, expect, it } from 'vitest';
import { markup, paragraphs, printable } from './text.ts';

describe('public text as markup', () => {
  it('drops the characters XML 1.0 cannot carry and keeps everything else', () => {
    const forbidden = '\u0000\u0001\u0008\u000B\u000C\u000E\u001F\uFFFE\uFFFF\uD800';
    expect(printable(`a${forbidden}b`)).toBe('ab');
    const kept = '\t\n\r 更正：受伤人数为1人 😀 \u00A0\u2028\uE000\uFFFD';
    expect(printable(kept)).toBe(kept);
  });

  it('escapes what could end text or an attribute, in HTML and XML alike', () => {
    expect(markup(`<a href="x">Tom & Jerry's ]]></a>`)).toBe(
      '&#60;a href=&#34;x&#34;&#62;Tom &#38; Jerry&#39;s ]]&#62;&#60;/a&#62;',
    );
  });

  it('makes paragraphs of blank-line-separated text and line breaks of single newlines', () => {
    expect(paragraphs('第一段\r\n第二行\n\n  \n<第二段>\n')).toBe(
      '<p>第一段<br />第二行</p>\n<p>&#60;第二段&#62;</p>',
    );
  });
});
