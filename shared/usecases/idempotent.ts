/**
 * Idempotency-Key handling shared by every creating request: the same key and request answer the
 * first response again and create nothing; the same key with another request is refused. The record
 * is written by the store in the same transaction as what it records, so concurrent replays can
 * never both create.
 */
import { IdempotencyKeyReused } from '../domain/errors.ts';
import {
  IdempotencyRecordExists,
  type IdempotencyStore,
  type IdempotentWrite,
} from '../ports/idempotency-store.ts';
import { digest } from '../security/tokens.ts';

/** JSON with object keys sorted, so the same request always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface IdempotentRequest {
  scope: string;
  key?: string;
  /** What identifies "the same request": the parsed body, and who sent it where that matters. */
  request: unknown;
}

/**
 * Runs `create` at most once per (scope, key). `create` receives a function that turns its response
 * into the record to write along with what it creates; `replay` rebuilds the answer from a record.
 */
export async function idempotent<R>(
  store: IdempotencyStore,
  { scope, key, request }: IdempotentRequest,
  create: (record: (response: Record<string, unknown>) => IdempotentWrite | undefined) => Promise<R>,
  replay: (response: Record<string, unknown>) => R | Promise<R>,
): Promise<R> {
  if (key === undefined) return create(() => undefined);
  const requestHash = digest(canonicalJson(request));
  const answerFrom = async (): Promise<R | undefined> => {
    const existing = await store.get(scope, key);
    if (!existing) return undefined;
    if (existing.requestHash !== requestHash) {
      throw new IdempotencyKeyReused('This Idempotency-Key was used with a different request.');
    }
    return replay(existing.response);
  };
  const earlier = await answerFrom();
  if (earlier !== undefined) return earlier;
  try {
    return await create((response) => ({ scope, key, requestHash, response }));
  } catch (error) {
    if (!(error instanceof IdempotencyRecordExists)) throw error;
    // A concurrent request with the same key won the race: answer as it did.
    const winner = await answerFrom();
    if (winner === undefined) throw error;
    return winner;
  }
}
