/**
 * The local stand-in for the Lambda runtime: imports each function's handler module once (after the
 * environment is set, because handlers read it at import) and invokes it the way Lambda does, with a
 * context object and the function's timeout.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { type FunctionKey, functionDefinitions } from '../shared/resources/functions.ts';
import { localAccountId, localRegion } from './engines.ts';
import { describeError } from './log.ts';

/** Resolves to the handler's module (which exports `handler`) or to the handler itself. */
export type HandlerLoader = () => Promise<unknown>;

/** Lambda's context without the callback-era methods (done, fail, succeed) that no handler here uses. */
export type LocalContext = Omit<Context, 'done' | 'fail' | 'succeed'>;
type Handler = (event: unknown, context: LocalContext) => unknown;

export interface FunctionHost {
  invoke(fn: FunctionKey, event: unknown): Promise<unknown>;
}

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

const functionName = (fn: FunctionKey): string => `corrections-desk-local-${functionDefinitions[fn].id}`;

const defaultLoader =
  (fn: FunctionKey): HandlerLoader =>
  () =>
    import(pathToFileURL(`${repositoryRoot}${functionDefinitions[fn].entry}`).href);

/** Imports every function; fails naming each one that could not be loaded. */
export async function loadFunctions(
  loaders: Partial<Record<FunctionKey, HandlerLoader>> = {},
): Promise<FunctionHost> {
  const keys = Object.keys(functionDefinitions) as FunctionKey[];
  const outcomes = await Promise.allSettled(
    keys.map(async (fn) => toHandler(fn, await (loaders[fn] ?? defaultLoader(fn))())),
  );
  const handlers = {} as Record<FunctionKey, Handler>;
  const failures: string[] = [];
  outcomes.forEach((outcome, index) => {
    const fn = keys[index] as FunctionKey;
    if (outcome.status === 'fulfilled') handlers[fn] = outcome.value;
    else failures.push(`${fn} (${functionDefinitions[fn].entry}): ${describeError(outcome.reason)}`);
  });
  if (failures.length > 0) throw new Error(`Could not load every function:\n  ${failures.join('\n  ')}`);
  return { invoke: (fn, event) => invoke(fn, handlers[fn], event) };
}

function toHandler(fn: FunctionKey, loaded: unknown): Handler {
  const candidate =
    typeof loaded === 'function' ? loaded : (loaded as { handler?: unknown } | null | undefined)?.handler;
  if (typeof candidate !== 'function') {
    throw new Error(`${functionDefinitions[fn].entry} does not export a function named "handler"`);
  }
  return candidate as Handler;
}

/** Like Lambda, a handler that runs past the function's timeout fails the invocation. */
async function invoke(fn: FunctionKey, handler: Handler, event: unknown): Promise<unknown> {
  const { timeoutSeconds } = functionDefinitions[fn];
  const deadline = Date.now() + timeoutSeconds * 1000;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${fn} timed out after ${timeoutSeconds} seconds`)),
      timeoutSeconds * 1000,
    );
  });
  try {
    return await Promise.race([
      Promise.resolve().then(() => handler(event, context(fn, deadline))),
      timedOut,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function context(fn: FunctionKey, deadline: number): LocalContext {
  const name = functionName(fn);
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${localRegion}:${localAccountId}:function:${name}`,
    memoryLimitInMB: String(functionDefinitions[fn].memoryMb),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: `local/[$LATEST]${randomUUID().replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}
