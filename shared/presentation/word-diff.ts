/**
 * What changed between two versions of a text, as a reader compares them: Latin-script words (and
 * numbers) are whole tokens, while each CJK character is a token of its own (Chinese has no spaces to
 * split words on); white space and punctuation are tokens too. The longest common subsequence of the
 * tokens is kept, the rest is shown removed or added.
 */

export type DiffPart = { op: 'same' | 'added' | 'removed'; text: string };

const cjkClass = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
// Built on the first comparison: parsing its Unicode script classes takes most of a millisecond, which
// a cold start of the editors' function would otherwise pay before any request compares anything.
let token: RegExp | undefined;

export const tokens = (text: string): string[] => {
  token ??= new RegExp(`[${cjkClass}]|(?:(?![${cjkClass}])[\\p{L}\\p{N}\\p{M}_'’-])+|\\s+|.`, 'gsu');
  return text.match(token) ?? [];
};

/** Past this many cells of the comparison table the middle is shown as replaced whole (still correct). */
const maxCells = 4_000_000;

export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string) => {
    const last = parts.at(-1);
    if (last?.op === op) last.text += text;
    else if (text) parts.push({ op, text });
  };
  for (const t of a.slice(0, start)) push('same', t);
  for (const part of middle(a.slice(start, endA), b.slice(start, endB))) push(part.op, part.text);
  for (const t of a.slice(endA)) push('same', t);
  return parts;
}

function middle(a: string[], b: string[]): DiffPart[] {
  const [n, m] = [a.length, b.length];
  if (n * m > maxCells || n === 0 || m === 0) {
    return [
      ...a.map((text) => ({ op: 'removed' as const, text })),
      ...b.map((text) => ({ op: 'added' as const, text })),
    ];
  }
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..], in one flat table.
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * width + j + 1] as number) + 1
          : Math.max(lcs[(i + 1) * width + j] as number, lcs[i * width + j + 1] as number);
    }
  }
  const parts: DiffPart[] = [];
  let [i, j] = [0, 0];
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      parts.push({ op: 'same', text: a[i++] as string });
      j++;
    } else if ((lcs[(i + 1) * width + j] as number) >= (lcs[i * width + j + 1] as number)) {
      parts.push({ op: 'removed', text: a[i++] as string });
    } else {
      parts.push({ op: 'added', text: b[j++] as string });
    }
  }
  while (i < n) parts.push({ op: 'removed', text: a[i++] as string });
  while (j < m) parts.push({ op: 'added', text: b[j++] as string });
  return parts;
}
