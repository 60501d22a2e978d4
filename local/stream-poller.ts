/**
 * The local stand-in for a DynamoDB stream event source mapping: one per consumer function, each with
 * its own position in the stream, reading DynamoDB Local's stream shard by shard (parents before their
 * children), filtering, batching and retrying as Lambda does:
 *   - records that match none of the function's filter patterns are skipped, never delivered;
 *   - a batch holds at most batchSize matching records, in stream order;
 *   - when the function reports batchItemFailures, the records before the lowest failed one are done
 *     and the next batch starts at it, so nothing after it is skipped and nothing before it re-sent;
 *   - a thrown error retries the whole batch;
 *   - after retryAttempts retries the failed record (or, for a thrown error, the batch) is given up on:
 *     deployed it would go to the on-failure destination (as bisecting the batch would isolate it);
 *     here it is logged and the consumer moves on;
 *   - a matching record older than maxRecordAgeSeconds is given up on the same way.
 */
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import type { FilterPattern } from '../shared/resources/functions.ts';
import { localCredentials, localRegion } from './engines.ts';
import { matchesAny } from './event-filter.ts';
import { describeError, type Log } from './log.ts';
import { type Loop, pause, startLoop } from './loop.ts';
import { readCheckpoint, type StreamCheckpoint, writeCheckpoint } from './stream-checkpoints.ts';
import { type StreamRecord, toLambdaRecord } from './stream-records.ts';

export interface StreamConsumer {
  name: string;
  filters: ReadonlyArray<FilterPattern>;
  batchSize: number;
  retryAttempts: number;
  maxRecordAgeSeconds: number;
  handle(event: DynamoDBStreamEvent): Promise<unknown>;
}

export interface StreamPollerOptions {
  endpoint: string;
  streamArn: string;
  consumer: StreamConsumer;
  /** Where to keep the consumer's position across restarts; without it the position lives in memory. */
  checkpointFile?: string;
  /** How long to wait between reads of the stream. */
  intervalMs?: number;
  log: Log;
}

interface Shard {
  id: string;
  parentId?: string;
  iterator?: string;
  /** Records read from the shard and not yet handled, oldest first. */
  pending: StreamRecord[];
  /** The shard is closed and every record in it has been read. */
  exhausted: boolean;
}

/** New shards appear when DynamoDB splits or rolls the stream; looking every few seconds is enough. */
const shardRefreshMs = 2000;

export async function startStreamPoller(options: StreamPollerOptions): Promise<Loop> {
  const { consumer, streamArn, log } = options;
  const client = new DynamoDBStreamsClient({
    endpoint: options.endpoint,
    region: localRegion,
    credentials: localCredentials,
  });
  const checkpoint: StreamCheckpoint = options.checkpointFile
    ? await readCheckpoint(options.checkpointFile, streamArn)
    : { streamArn, shards: {} };
  const shards = new Map<string, Shard>();
  let refreshedAt = 0;
  /** Failures in a row of the record a batch starts with. */
  let failures: { sequenceNumber: string; count: number } | undefined;

  async function refreshShards(): Promise<void> {
    let exclusiveStartShardId: string | undefined;
    do {
      const page = await client.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: exclusiveStartShardId }),
      );
      for (const shard of page.StreamDescription?.Shards ?? []) {
        const id = shard.ShardId;
        if (!id || shards.has(id) || checkpoint.shards[id]?.finished) continue;
        shards.set(id, { id, parentId: shard.ParentShardId, pending: [], exhausted: false });
      }
      exclusiveStartShardId = page.StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
    refreshedAt = Date.now();
  }

  /** Reads the next records of a shard, from the checkpoint on when it has no iterator yet. */
  async function read(shard: Shard): Promise<number> {
    try {
      if (!shard.iterator) {
        const after = checkpoint.shards[shard.id]?.sequenceNumber;
        const { ShardIterator } = await client.send(
          new GetShardIteratorCommand({
            StreamArn: streamArn,
            ShardId: shard.id,
            ...(after
              ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
              : { ShardIteratorType: 'TRIM_HORIZON' }),
          }),
        );
        if (!ShardIterator) {
          shard.exhausted = true;
          return 0;
        }
        shard.iterator = ShardIterator;
      }
      const page = await client.send(new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: 1000 }));
      const records = (page.Records ?? []).map((record) => toLambdaRecord(record, streamArn));
      shard.pending.push(...records);
      shard.iterator = page.NextShardIterator;
      if (!page.NextShardIterator) shard.exhausted = true;
      return records.length;
    } catch (error) {
      // Read again from the checkpoint next time; an iterator only lives so long anyway.
      shard.iterator = undefined;
      if ((error as Error).name === 'ExpiredIteratorException') return 0;
      throw error;
    }
  }

  /** The first `count` pending records are handled: move the checkpoint past them. */
  async function commit(shard: Shard, count: number): Promise<void> {
    if (count === 0) return;
    const last = shard.pending[count - 1] as StreamRecord;
    shard.pending.splice(0, count);
    checkpoint.shards[shard.id] = { sequenceNumber: last.dynamodb.SequenceNumber };
    await save();
  }

  async function finish(shard: Shard): Promise<void> {
    shards.delete(shard.id);
    checkpoint.shards[shard.id] = { ...checkpoint.shards[shard.id], finished: true };
    await save();
    refreshedAt = 0;
  }

  async function save(): Promise<void> {
    if (options.checkpointFile) await writeCheckpoint(options.checkpointFile, checkpoint);
  }

  /** The next batch from the head of the shard, and how many pending records it accounts for. */
  function nextBatch(shard: Shard): { batch: StreamRecord[]; covered: number } {
    const batch: StreamRecord[] = [];
    let covered = 0;
    const oldest = Date.now() / 1000 - consumer.maxRecordAgeSeconds;
    for (const record of shard.pending) {
      if (batch.length === consumer.batchSize) break;
      covered += 1;
      if (!matchesAny(consumer.filters, record)) continue;
      if ((record.dynamodb.ApproximateCreationDateTime ?? Number.POSITIVE_INFINITY) < oldest) {
        log(
          `${consumer.name}: record ${record.dynamodb.SequenceNumber} is older than ${consumer.maxRecordAgeSeconds} s; it goes to the on-failure destination`,
        );
        continue;
      }
      batch.push(record);
    }
    return { batch, covered };
  }

  /** Delivers one batch; false when it failed and will be retried. */
  async function deliver(shard: Shard): Promise<boolean> {
    const { batch, covered } = nextBatch(shard);
    const first = batch[0];
    if (!first) {
      await commit(shard, covered);
      return true;
    }
    let failedAt: number | undefined;
    let thrown = false;
    try {
      failedAt = firstFailure(await consumer.handle({ Records: batch }), batch);
    } catch (error) {
      thrown = true;
      failedAt = 0;
      log(`${consumer.name}: the handler threw on ${span(batch)}: ${describeError(error)}`);
    }
    if (failedAt === undefined) {
      failures = undefined;
      await commit(shard, covered);
      return true;
    }
    const failed = batch[failedAt] as StreamRecord;
    await commit(shard, shard.pending.indexOf(failed));
    const sequenceNumber = failed.dynamodb.SequenceNumber;
    failures = {
      sequenceNumber,
      count: failures?.sequenceNumber === sequenceNumber ? failures.count + 1 : 1,
    };
    if (failures.count <= consumer.retryAttempts) {
      log(
        `${consumer.name}: ${thrown ? span(batch) : `record ${sequenceNumber}`} failed; retry ${failures.count} of ${consumer.retryAttempts}`,
      );
      return false;
    }
    const abandoned = thrown ? batch : [failed];
    log(
      `${consumer.name}: giving up on ${span(abandoned)} after ${consumer.retryAttempts} retries; it goes to the on-failure destination`,
    );
    failures = undefined;
    await commit(shard, shard.pending.indexOf(abandoned[abandoned.length - 1] as StreamRecord) + 1);
    return true;
  }

  /** Handles a shard's records until it has no more for now, or a batch failed. */
  async function drain(shard: Shard, signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      if (shard.pending.length > 0) {
        if (!(await deliver(shard))) return;
      } else if (shard.exhausted) {
        await finish(shard);
        return;
      } else if ((await read(shard)) === 0 && !shard.exhausted) {
        return;
      }
    }
  }

  const loop = startLoop(
    `stream poller for ${consumer.name}`,
    async (signal) => {
      if (Date.now() - refreshedAt > shardRefreshMs) await refreshShards();
      // A child shard waits until its parent is finished, so records stay in order across a split.
      for (const shard of [...shards.values()]) {
        if (shard.parentId && shards.has(shard.parentId)) continue;
        await drain(shard, signal);
      }
      await pause(options.intervalMs ?? 200, signal);
    },
    log,
  );
  return {
    async stop() {
      await loop.stop();
      client.destroy();
    },
  };
}

/**
 * The index in the batch of the lowest failed record, or undefined when all succeeded. As Lambda does,
 * an identifier that names no record of the batch fails the whole batch.
 */
function firstFailure(result: unknown, batch: StreamRecord[]): number | undefined {
  const failures = (result as { batchItemFailures?: unknown } | null | undefined)?.batchItemFailures;
  if (!Array.isArray(failures) || failures.length === 0) return undefined;
  let lowest = batch.length;
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    const index = batch.findIndex((record) => record.dynamodb.SequenceNumber === id);
    if (index < 0) return 0;
    lowest = Math.min(lowest, index);
  }
  return lowest;
}

function span(records: StreamRecord[]): string {
  const first = records[0]?.dynamodb.SequenceNumber;
  const last = records[records.length - 1]?.dynamodb.SequenceNumber;
  return records.length === 1 ? `record ${first}` : `records ${first}..${last} (${records.length})`;
}
