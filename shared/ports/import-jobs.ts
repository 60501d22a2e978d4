/**
 * Subscriber imports too long for one request: the rows to write are kept in chunks with the job,
 * and a continuation writes them a chunk at a time; the job's figures say how far it is.
 */
import type { ImportRow, RejectedRow } from '../http/import-rows.ts';

export interface ImportOutcome {
  created: number;
  updated: number;
  unchanged: number;
  confirmationsSent: number;
  /** Rows refused while writing (someone unsubscribed since the file was read). */
  rejected: RejectedRow[];
}

export interface ImportJob {
  id: string;
  createdAt: string;
  /** Rows to write, in `chunks` chunks. */
  rows: number;
  chunks: number;
  /** Chunks written so far, and what writing them did (each chunk counted once). */
  chunksDone: number;
  written: ImportOutcome;
  /** When the last chunk was written. */
  finishedAt?: string;
}

export interface ImportJobStore {
  /** Stores a new job and its rows (in chunks), before its continuation starts. */
  create(
    job: { id: string; createdAt: string },
    chunks: ReadonlyArray<ReadonlyArray<ImportRow>>,
  ): Promise<void>;
  get(id: string): Promise<ImportJob | undefined>;
  /** The rows of chunk `index`. */
  chunk(id: string, index: number): Promise<ImportRow[] | undefined>;
  /**
   * Adds a chunk's outcome to the job and drops its rows, unless that chunk was counted already;
   * whether it counted now. Chunks are written in order: the `last` one finishes the job.
   */
  recordChunk(
    id: string,
    index: number,
    outcome: ImportOutcome,
    now: string,
    last: boolean,
  ): Promise<boolean>;
}
