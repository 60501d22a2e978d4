/**
 * Every deployed function's bundle, built as the stack builds it (bench/bundles.ts `buildBundle`):
 * no heavier than its goal, and carrying exactly the AWS SDK
 * clients the function calls, the ones its import-time reference is built from.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltBundle, buildBundle, bundleGoalBytes, sdkClients } from '../../bench/bundles.ts';
import {
  type FunctionDefinition,
  type FunctionKey,
  functionDefinitions,
} from '../../shared/resources/functions.ts';

const root = resolve(import.meta.dirname, '../..');
const keys = Object.keys(functionDefinitions) as FunctionKey[];
const bundles = new Map<FunctionKey, BuiltBundle>();
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-bundles-test-'));
  for (const key of keys) {
    bundles.set(key, await buildBundle(join(root, functionDefinitions[key].entry), join(dir, `${key}.mjs`)));
  }
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('function bundles', () => {
  it.each(keys)('%s weighs no more than its goal', (key) => {
    const bundle = bundles.get(key);
    expect(bundle?.bytes, `${key}: ${bundle?.bytes} bytes`).toBeLessThanOrEqual(bundleGoalBytes);
  });

  it.each(keys)('%s bundles exactly the SDK clients bench/bundles.ts lists for it', (key) => {
    expect(bundles.get(key)?.clients).toEqual([...sdkClients[key]].sort());
  });

  it.each(keys)('%s reads beside its bundle only the files the stack copies there', async (key) => {
    const definition: FunctionDefinition = functionDefinitions[key];
    const files = definition.files ?? [];
    for (const file of files) expect(existsSync(join(root, file)), file).toBe(true);
    const bundle = await readFile(bundles.get(key)?.file ?? '', 'utf8');
    const read = [...bundle.matchAll(/new URL\("\.\/([^"]+)",import\.meta\.url\)/g)].map((match) => match[1]);
    expect(read.sort()).toEqual(files.map((file) => basename(file)).sort());
  });
});
