/**
 * What each deployed function costs before it serves anyone: its bundle, built the way the CDK stack
 * builds it (esbuild, minified ESM, the same banner), and its import time in a fresh Node.js process,
 * against a reference bundle that imports only the AWS SDK clients that function uses.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build, type Metafile } from 'esbuild';
import { bundling } from '../infra/constructs/desk-function.ts';
import { type FunctionKey, functionDefinitions } from '../shared/resources/functions.ts';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..');

/** The goal per function: minified, before zip. */
export const bundleGoalBytes = 400_000;
/** The goal per function: median import time at most this many times its reference's. */
export const initGoalRatio = 1.3;

/** The SDK clients each function calls, by package; its reference bundle imports exactly these. */
export const sdkClients: Record<FunctionKey, ReadonlyArray<SdkClient>> = {
  publicRead: ['dynamodb'],
  publicWrite: ['dynamodb', 'sqs'],
  adminCases: ['dynamodb'],
  adminSubscribers: ['dynamodb', 'sqs'],
  adminSettings: ['dynamodb', 'sqs'],
  publisher: ['dynamodb', 'sns'],
  notifier: ['dynamodb', 'sns', 'sqs'],
  planner: ['dynamodb', 'sqs'],
  webhooks: ['dynamodb', 'sns', 'sqs'],
  emailSender: ['dynamodb', 'sesv2', 'sqs'],
  smsSender: ['dynamodb', 'sns', 'sqs'],
  sweeper: ['dynamodb', 'sns'],
  suppressor: ['dynamodb'],
  optOutCheck: ['dynamodb', 'sns'],
  digest: ['dynamodb', 'sns', 'sqs'],
};

const clientClass = {
  dynamodb: 'DynamoDBClient',
  sesv2: 'SESv2Client',
  sns: 'SNSClient',
  sqs: 'SQSClient',
} as const;
export type SdkClient = keyof typeof clientClass;

export interface BuiltBundle {
  file: string;
  bytes: number;
  /** The SDK client packages the bundle contains. */
  clients: string[];
}

/** Builds one entry as NodejsFunction does (same esbuild options), into `outdir`. */
export async function buildBundle(entry: string, outfile: string): Promise<BuiltBundle> {
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: bundling.target,
    minify: bundling.minify,
    charset: bundling.charset,
    mainFields: bundling.mainFields,
    banner: { js: bundling.banner ?? '' },
    external: bundling.externalModules ?? [],
    metafile: true,
    logLevel: 'error',
    absWorkingDir: root,
    // References are written outside the repository; they resolve its packages all the same.
    nodePaths: [join(root, 'node_modules')],
  });
  return { file: outfile, bytes: (await stat(outfile)).size, clients: sdkClientsIn(result.metafile) };
}

/** The SDK client packages that left code in the bundle (the metafile's inputs include shaken ones). */
function sdkClientsIn(metafile: Metafile): string[] {
  const found = new Set<string>();
  const contributed = Object.values(metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path),
  );
  for (const input of contributed) {
    const match = /node_modules\/@aws-sdk\/client-([a-z0-9-]+)\//.exec(input);
    if (match?.[1]) found.add(match[1]);
  }
  return [...found].sort();
}

/** The reference: the same clients constructed, nothing else. */
function referenceSource(clients: ReadonlyArray<SdkClient>): string {
  return clients
    .map(
      (client, i) =>
        `import { ${clientClass[client]} as C${i} } from '@aws-sdk/client-${client}';\nexport const c${i} = new C${i}({});`,
    )
    .join('\n');
}

/** What the deployed functions see at import: the stack's variables, with placeholder values. */
const deployedEnvironment = {
  ...process.env,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  STAGE: 'bench',
  TABLE_NAME: 'corrections-desk',
  LINK_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:links',
  EMAIL_TRANSPORT: 'ses',
  SMS_TRANSPORT: 'sns',
  POWERTOOLS_LOG_LEVEL: 'ERROR',
  NODE_OPTIONS: '',
};

/** Milliseconds to import `file` once in a fresh process. */
async function importMs(file: string): Promise<number> {
  const script = `const t=performance.now();await import(${JSON.stringify(`file://${file}`)});process.stdout.write(String(performance.now()-t));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    env: deployedEnvironment,
  });
  return Number(stdout);
}

const median = (times: number[]): number =>
  [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? Number.NaN;

/**
 * The median import time of each file over `runs` rounds, one import of each per round, in turns:
 * a load that comes and goes on the machine weighs on both alike, and the ratio stays fair.
 */
async function medianImportsInTurn(files: ReadonlyArray<string>, runs: number): Promise<number[]> {
  const times = files.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    for (const [j, file] of files.entries()) times[j]?.push(await importMs(file));
  }
  return times.map(median);
}

export interface BundleFigures {
  function: FunctionKey;
  bytes: number;
  initMs: number;
  referenceInitMs: number;
  initRatio: number;
  referenceBytes: number;
}

/**
 * Every deployed function against its reference, measured alternately so load affects both alike.
 * 11 runs, not the 7 the goal asks at least: a median of 7 moved by ±0.05 between runs.
 */
export async function measureBundles(runs = 11): Promise<BundleFigures[]> {
  const dir = await mkdtemp(join(tmpdir(), 'desk-bundles-'));
  try {
    const figures: BundleFigures[] = [];
    for (const [key, definition] of Object.entries(functionDefinitions) as [
      FunctionKey,
      (typeof functionDefinitions)[FunctionKey],
    ][]) {
      const bundle = await buildBundle(join(root, definition.entry), join(dir, `${key}.mjs`));
      const referenceEntry = join(dir, `${key}.reference-src.mjs`);
      await writeFile(referenceEntry, referenceSource(sdkClients[key]));
      const reference = await buildBundle(referenceEntry, join(dir, `${key}.reference.mjs`));
      // Warm the file cache for both, then measure. Three untimed rounds, not one: the first function
      // measured read 1.29 in a whole run and 1.15 alone, as if the machine were still settling.
      await medianImportsInTurn([bundle.file, reference.file], 3);
      const [initMs = Number.NaN, referenceInitMs = Number.NaN] = await medianImportsInTurn(
        [bundle.file, reference.file],
        runs,
      );
      figures.push({
        function: key,
        bytes: bundle.bytes,
        initMs,
        referenceInitMs,
        initRatio: initMs / referenceInitMs,
        referenceBytes: reference.bytes,
      });
    }
    return figures;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
