/** How the local stack reports what it does: one line at a time, to wherever the caller wants. */
export type Log = (line: string) => void;

/** An error as a log wants it: the stack when there is one. */
export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
