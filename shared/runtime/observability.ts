/**
 * The Powertools logger the functions share, created once per container: structured logs with
 * private fields redacted (metrics are in ./metrics.ts). Lambda traces each invocation (active
 * tracing); the SDK calls are not captured one by one, which would add the X-Ray SDK to every bundle
 * and its cold start.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { ScopedLogFormatter } from './log-keys.ts';

export const serviceName = 'corrections-desk';

/** Keys whose values never reach a log line, wherever they appear. */
const privateKeys = new Set([
  'contact',
  'email',
  'phone',
  'address',
  'token',
  'trackingToken',
  'code',
  'authorization',
]);

/** JSON.stringify replacer for log lines: private values never leave the function. */
export const redactPrivate = (key: string, value: unknown): unknown =>
  privateKeys.has(key) ? '[redacted]' : value;

let madeLogger: Logger | undefined;

/**
 * JSON lines at the level of POWERTOOLS_LOG_LEVEL (or Lambda's application log level when set). The
 * one logger is made on first use, when an invocation starts, rather than at import: a cold start
 * costs a millisecond or two less.
 */
export function logger(): Logger {
  madeLogger ??= new Logger({
    serviceName,
    jsonReplacerFn: redactPrivate,
    logFormatter: new ScopedLogFormatter(),
  });
  return madeLogger;
}

/**
 * What a log line or a stored record may say about a failure: its name, a provider's error code and
 * HTTP status, and where it was thrown. Never its message: a provider's message can quote the address
 * or the number it failed on.
 */
export function errorFacts(error: unknown): { name: string; code?: string; status?: number; at?: string } {
  if (!(error instanceof Error)) return { name: typeof error };
  const { code, Code, $metadata } = error as Error & {
    code?: unknown;
    Code?: unknown;
    $metadata?: { httpStatusCode?: number };
  };
  const codeText = typeof code === 'string' ? code : typeof Code === 'string' ? Code : undefined;
  // The stack's first line repeats the message; the frames after it name only code locations.
  const frames = error.stack
    ?.split('\n')
    .slice(1, 6)
    .map((line) => line.trim())
    .join(' | ');
  return {
    name: error.name,
    ...(codeText && codeText !== error.name ? { code: codeText } : {}),
    ...($metadata?.httpStatusCode ? { status: $metadata.httpStatusCode } : {}),
    ...(frames ? { at: frames } : {}),
  };
}
