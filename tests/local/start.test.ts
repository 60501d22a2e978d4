/**
 * `npm start` as a developer runs it: the real functions and the demo data, on a free port, then
 * Ctrl-C. It must come up, answer, and on SIGINT stop everything and exit 0, DynamoDB Local included.
 * Linux only: the processes are looked up in /proc.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let child: ChildProcess | undefined;

afterAll(() => {
  if (child?.exitCode === null) child.kill('SIGKILL');
});

/** Every process descended from `ancestor`, with its command line. */
async function descendants(ancestor: number): Promise<Array<{ pid: number; command: string }>> {
  const parents = new Map<number, number>();
  const commands = new Map<number, string>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      commands.set(Number(entry), (await readFile(`/proc/${entry}/cmdline`, 'utf8')).replaceAll('\0', ' '));
    } catch {
      // The process ended while we looked.
    }
  }
  const isDescendant = (pid: number): boolean => {
    for (let parent = parents.get(pid); parent !== undefined && parent > 1; parent = parents.get(parent)) {
      if (parent === ancestor) return true;
    }
    return false;
  };
  return [...parents.keys()].filter(isDescendant).map((pid) => ({ pid, command: commands.get(pid) ?? '' }));
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

it.skipIf(!existsSync('/proc'))(
  'starts with demo data, answers, and stops cleanly on SIGINT',
  async () => {
    child = spawn(
      process.execPath,
      [`${root}node_modules/tsx/dist/cli.mjs`, 'local/start.ts', '--port', '0'],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'SILENT' },
      },
    );
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));

    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const ready =
          /Corrections desk running at (http:\/\/localhost:\d+)[\s\S]*Ctrl-C stops everything/.exec(output);
        if (ready?.[1]) {
          clearInterval(timer);
          resolve(ready[1]);
        } else if (child?.exitCode !== null) {
          clearInterval(timer);
          reject(new Error(`npm start ended early:\n${output}`));
        }
      }, 100);
    });
    expect(output).toContain(`${url}/dev/token`);
    expect(output).toContain(`${url}/dev/outbox`);
    expect(output).toContain(`${url}/console`);

    const outbox = await fetch(`${url}/dev/outbox`);
    expect(outbox.status).toBe(200);
    expect(Array.isArray((await outbox.json()).items)).toBe(true);
    const java = (await descendants(child.pid as number)).filter(({ command }) =>
      command.includes('DynamoDBLocal'),
    );
    expect(java).toHaveLength(1);

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(isRunning(java[0]?.pid as number)).toBe(false);
    await expect(fetch(`${url}/dev/outbox`)).rejects.toThrow();
  },
  180_000,
);
