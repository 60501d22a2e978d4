/**
 * Fixture handlers for the local stack's own tests, so they do not depend on the real functions (which
 * have tests of their own). Every function gets one: by default HTTP functions echo the event they got
 * and the others do nothing; a test overrides the ones it watches.
 */
import type { HandlerLoader } from '../../local/lambda-runtime.ts';
import type { LocalStackOptions } from '../../local/stack.ts';
import { type FunctionKey, functionDefinitions } from '../../shared/resources/functions.ts';

export type FixtureHandler = (event: unknown, context: unknown) => unknown;

const echo: FixtureHandler = (event) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(event),
});

export function fixtureHandlers(
  overrides: Partial<Record<FunctionKey, FixtureHandler>> = {},
): Partial<Record<FunctionKey, HandlerLoader>> {
  const loaders: Partial<Record<FunctionKey, HandlerLoader>> = {};
  for (const [fn, definition] of Object.entries(functionDefinitions) as [
    FunctionKey,
    (typeof functionDefinitions)[FunctionKey],
  ][]) {
    const handler = overrides[fn] ?? (definition.trigger.kind === 'http' ? echo : async () => undefined);
    loaders[fn] = async () => ({ handler });
  }
  return loaders;
}

/** A log that keeps its lines for assertions instead of printing them. */
export function collectingLog(): { lines: string[]; log: NonNullable<LocalStackOptions['log']> } {
  const lines: string[] = [];
  return { lines, log: (line) => lines.push(line) };
}
