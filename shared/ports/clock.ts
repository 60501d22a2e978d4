export interface Clock {
  /** ISO 8601 UTC, millisecond precision. */
  now(): string;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };
