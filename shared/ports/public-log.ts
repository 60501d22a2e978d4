import type { LogEntry, LogHead } from '../domain/public-log.ts';

/** The public log, read side. Entries are appended only in the transaction that publishes a version. */
export interface PublicLog {
  head(): Promise<LogHead>;
  /** Entries with seq > after, oldest first; nextAfter is null when nothing follows this page. */
  entries(after: number, limit: number): Promise<{ items: LogEntry[]; nextAfter: number | null }>;
}

/** The log's head moved between reading it and appending after it (another publication won): retry. */
export class LogMovedOn extends Error {
  constructor() {
    super('The public log moved on while this version was being appended');
  }
}
