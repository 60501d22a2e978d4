/** The bench's output: results.json, the goals table on the console, and the README's copy of it. */
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
export const resultsFile = resolve(root, 'bench/results.json');
const readme = resolve(root, 'README.md');
const begin = '<!-- bench:begin -->';
const end = '<!-- bench:end -->';

export interface Goal {
  section: string;
  name: string;
  value: number;
  unit: string;
  goal: string;
  ok: boolean;
  /** Why a missed goal was missed, as far as the section can tell (shown under the table). */
  why?: string;
}

export const machine = () => ({
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  date: new Date().toISOString().slice(0, 10),
});

const figure = (value: number) =>
  Number.isInteger(value) ? value.toLocaleString('en') : value < 10 ? value.toFixed(2) : value.toFixed(1);

/** Columns padded to their widest cell, as the formatter leaves a Markdown table (so lint passes on the README). */
function markdownTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(3, h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** Prints the table and returns it as Markdown. */
export function printGoals(goals: Goal[]): string {
  const rows = goals.map((g) => [
    g.section,
    g.name,
    `${figure(g.value)} ${g.unit}`.trim(),
    g.goal,
    g.ok ? 'met' : '**missed**',
  ]);
  const missed = goals
    .filter((g) => !g.ok)
    .map(
      (g) =>
        `- **${g.section}: ${g.name}** missed: ${figure(g.value)} ${g.unit}, goal ${g.goal}.${g.why ? ` ${g.why}` : ''}`,
    );
  const table = [
    ...markdownTable(['section', 'figure', 'value', 'goal', ''], rows),
    ...(missed.length ? ['', 'Missed goals:', '', ...missed] : []),
  ].join('\n');
  for (const g of goals)
    console.log(
      `${g.ok ? 'ok  ' : 'MISS'}  ${`${g.section}: ${g.name}`.padEnd(64)} ${`${figure(g.value)} ${g.unit}`.padEnd(40)} goal ${g.goal}`,
    );
  return table;
}

export async function updateReadme(table: string, on: ReturnType<typeof machine>): Promise<void> {
  const text = await readFile(readme, 'utf8');
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from < 0 || to < from) return;
  const body = `${begin}\nLatest \`npm run bench\`, ${on.date}, on ${on.cores} × ${on.cpu}, ${on.memoryGiB} GiB, Node.js ${on.node}:\n\n${table}\n`;
  await writeFile(readme, text.slice(0, from) + body + text.slice(to));
}
