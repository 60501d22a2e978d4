/**
 * Where each stream consumer has got to, kept in the data directory like an event source mapping's
 * position, so a restarted stack neither replays records it handled nor skips ones it had not.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';

export interface StreamCheckpoint {
  /** A recreated table has a new stream; a checkpoint of another stream means nothing. */
  streamArn: string;
  /** Per shard: the last record handled (delivered, filtered out or given up on), or that all were. */
  shards: Record<string, { sequenceNumber?: string; finished?: true }>;
}

export async function readCheckpoint(file: string, streamArn: string): Promise<StreamCheckpoint> {
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as StreamCheckpoint;
    if (stored.streamArn === streamArn) return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return { streamArn, shards: {} };
}

/** Written beside and renamed over, so a stop in the middle never leaves half a file. */
export async function writeCheckpoint(file: string, checkpoint: StreamCheckpoint): Promise<void> {
  const temporary = `${file}.tmp`;
  await writeFile(temporary, `${JSON.stringify(checkpoint, null, 2)}\n`, 'utf8');
  await rename(temporary, file);
}
