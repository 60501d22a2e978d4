/**
 * `npm run contract`: writes shared/http/openapi.json (served at GET /openapi.json) from the
 * contract's YAML copy in contract/openapi.yaml, formatted the way the repository's formatter wants.
 * A test fails while the two disagree.
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const contractYaml = `${root}contract/openapi.yaml`;
export const contractJson = `${root}shared/http/openapi.json`;

/**
 * The YAML parser aws-cdk-lib bundles (yaml 1.x, YAML 1.2 core schema: no yes/no booleans, duplicate
 * keys rejected); it is a development dependency already, so the contract needs no package of its own.
 */
const yaml = createRequire(createRequire(import.meta.url).resolve('aws-cdk-lib/package.json'))('yaml') as {
  parse(text: string, options?: { prettyErrors?: boolean }): unknown;
};

export async function contractFromYaml(): Promise<unknown> {
  return yaml.parse(await readFile(contractYaml, 'utf8'), { prettyErrors: true });
}

async function main(): Promise<void> {
  await writeFile(contractJson, `${JSON.stringify(await contractFromYaml(), null, 2)}\n`, 'utf8');
  execFileSync(`${root}node_modules/.bin/biome`, ['format', '--write', contractJson], { stdio: 'inherit' });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
