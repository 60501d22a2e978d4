/**
 * `npm run contract`: writes shared/http/openapi.json (served at GET /openapi.json) from the
 * contract's YAML copy in contract/openapi.yaml and the desk's additions in contract/additions.yaml,
 * formatted the way the repository's formatter wants.
 * A test fails while the two disagree.
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const contractYaml = `${root}contract/openapi.yaml`;
const additionsYaml = `${root}contract/additions.yaml`;
export const contractJson = `${root}shared/http/openapi.json`;

/**
 * The YAML parser aws-cdk-lib bundles (yaml 1.x, YAML 1.2 core schema: no yes/no booleans, duplicate
 * keys rejected); it is a development dependency already, so the contract needs no package of its own.
 */
const yaml = createRequire(createRequire(import.meta.url).resolve('aws-cdk-lib/package.json'))('yaml') as {
  parse(text: string, options?: { prettyErrors?: boolean }): unknown;
};

type Document = { paths: Record<string, Record<string, unknown>> };

const parse = async (file: string) =>
  yaml.parse(await readFile(file, 'utf8'), { prettyErrors: true }) as Document;

/** The contract as written, untouched. */
export const contractFromYaml = (): Promise<Document> => parse(contractYaml);

/** The contract with the desk's additions: new paths and methods only, never a change to the contract's. */
export async function servedContract(): Promise<Document> {
  const [contract, additions] = await Promise.all([contractFromYaml(), parse(additionsYaml)]);
  const paths = { ...contract.paths };
  for (const [path, methods] of Object.entries(additions.paths)) {
    for (const method of Object.keys(methods)) {
      if (contract.paths[path]?.[method])
        throw new Error(`${method} ${path} is the contract's; an addition cannot change it`);
    }
    paths[path] = { ...contract.paths[path], ...methods };
  }
  return { ...contract, paths };
}

async function main(): Promise<void> {
  await writeFile(contractJson, `${JSON.stringify(await servedContract(), null, 2)}\n`, 'utf8');
  execFileSync(`${root}node_modules/.bin/biome`, ['format', '--write', contractJson], { stdio: 'inherit' });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
