import { describe, expect, it } from 'vitest';
import { tokens, wordDiff } from './word-diff.ts';

describe('the word diff', () => {
  it('splits Latin text into words and Chinese into characters', () => {
    expect(tokens('The total is 1.5 million.')).toEqual([
      'The',
      ' ',
      'total',
      ' ',
      'is',
      ' ',
      '1',
      '.',
      '5',
      ' ',
      'million',
      '.',
    ]);
    expect(tokens('受伤人数为1人，GDP不变')).toEqual([
      '受',
      '伤',
      '人',
      '数',
      '为',
      '1',
      '人',
      '，',
      'GDP',
      '不',
      '变',
    ]);
  });

  it('marks whole words in English and single characters in Chinese', () => {
    expect(wordDiff('The total is 15 million.', 'The total is 1.5 million yuan.')).toEqual([
      { op: 'same', text: 'The total is ' },
      { op: 'removed', text: '15' },
      { op: 'added', text: '1.5' },
      { op: 'same', text: ' million' },
      { op: 'added', text: ' yuan' },
      { op: 'same', text: '.' },
    ]);
    expect(wordDiff('受伤人数为3人。', '受伤人数为1人，已出院。')).toEqual([
      { op: 'same', text: '受伤人数为' },
      { op: 'removed', text: '3' },
      { op: 'added', text: '1' },
      { op: 'same', text: '人' },
      { op: 'added', text: '，已出院' },
      { op: 'same', text: '。' },
    ]);
  });

  it('gives back both texts exactly, whatever they are', () => {
    const pairs: Array<[string, string]> = [
      ['', 'new'],
      ['old', ''],
      ['same', 'same'],
      ['a b c', 'c b a'],
      ['😀 emoji 中文', '中文 😀'],
    ];
    for (const [before, after] of pairs) {
      const parts = wordDiff(before, after);
      expect(
        parts
          .filter((p) => p.op !== 'added')
          .map((p) => p.text)
          .join(''),
      ).toBe(before);
      expect(
        parts
          .filter((p) => p.op !== 'removed')
          .map((p) => p.text)
          .join(''),
      ).toBe(after);
    }
  });
});
