/**
 * Idempotency records: written in the same transaction as what they record, so a replay can never
 * create a second thing, and read back to answer a replay with the first response.
 */

export interface IdempotencyRecord {
  /** SHA-256 of the canonical request. */
  requestHash: string;
  /** What the first request answered, as the use case needs it to answer again. */
  response: Record<string, unknown>;
}

export interface IdempotentWrite extends IdempotencyRecord {
  scope: string;
  key: string;
}

export interface IdempotencyStore {
  get(scope: string, key: string): Promise<IdempotencyRecord | undefined>;
}

/** Thrown by a store when the idempotency record of a write already exists. */
export class IdempotencyRecordExists extends Error {
  constructor(
    readonly scope: string,
    readonly key: string,
  ) {
    super(`An idempotency record exists for ${scope}`);
  }
}
