import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixBelow, formFields, pageWords, smsOnlyIn, wrongCode } from './page-words.ts';

const file = JSON.parse(readFileSync(new URL('./page-words.json', import.meta.url), 'utf8'));

/** Every path to a word: "form.send", "report.statuses.closed". */
const paths = (words: object, prefix = ''): string[] =>
  Object.entries(words).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : paths(value as object, `${prefix}${key}.`),
  );

describe('the pages’ words', () => {
  it('hold the same words in both languages, none blank, a message for every form field', () => {
    expect(Object.keys(file).sort()).toEqual(['en', 'zh-CN']);
    expect(paths(file['zh-CN']).sort()).toEqual(paths(file.en).sort());
    for (const language of ['zh-CN', 'en'] as const) {
      for (const path of paths(file[language])) {
        const word = path.split('.').reduce((at, key) => at[key], file[language]);
        expect(word.trim(), `${language} ${path}`).not.toBe('');
      }
      expect(Object.keys(pageWords(language).fields).sort()).toEqual([...formFields].sort());
    }
  });

  it('put counts and places where they go', () => {
    expect(fixBelow('en', 1)).toBe('1 field needs changing: see the messages below.');
    expect(fixBelow('en', 3)).toBe('3 fields need changing: see the messages below.');
    expect(fixBelow('zh-CN', 2)).toBe('有 2 处需要修改，请查看下方标出的字段。');
    expect(wrongCode('en', 2)).toBe('The code is wrong; 2 tries left.');
    expect(wrongCode('en', 1)).toBe('The code is wrong; 1 try left.');
    expect(wrongCode('en', 0)).toBe('The code is wrong, and no tries are left.');
    expect(wrongCode('zh-CN', 4)).toBe('验证码不正确，还可以再试 4 次。');
    expect(smsOnlyIn('en', 'China, Hong Kong')).toBe(
      'We send SMS only to mobile numbers in China, Hong Kong. Subscribe by email instead.',
    );
  });
});
