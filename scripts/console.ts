/**
 * `npm run console`: bundles the console's browser code (shared/console/client, with the
 * domain modules it imports: lifecycle, roles, SMS, messages) into shared/console/script.generated.js,
 * which the page inlines. The page reads it on its first request (the stack copies it beside the
 * public function's bundle), so it weighs nothing at cold start. A test fails while the two disagree.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const consoleEntry = 'shared/console/client/main.ts';
const consoleScriptFile = `${root}shared/console/script.generated.js`;

/** The bundle: one ES module for current browsers, ASCII only, readable (it is reviewed like code). */
export async function bundleConsoleScript(): Promise<string> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [consoleEntry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: ['chrome111', 'firefox111', 'safari16.4'],
    charset: 'ascii',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no output');
  return output.text;
}

async function main(): Promise<void> {
  await writeFile(consoleScriptFile, await bundleConsoleScript(), 'utf8');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
