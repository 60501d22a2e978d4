/**
 * A long subscriber import on DynamoDB Local and fauxqs, its job run as the planner runs it: the
 * request decides every row and answers the counts, the continuation writes the rows a chunk at a
 * time, a step delivered again changes and counts nothing twice, and a step that crashed after its
 * writes (before counting them) rewrites the same subscriptions when it runs again.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/domain/roles.ts';
import type { ContinuationStep } from '../../shared/ports/continuations.ts';
import { runContinuation } from '../../shared/usecases/continuation-kinds.ts';
import { importJob, importSubscribers } from '../../shared/usecases/import-subscribers.ts';
import { writeImportChunk } from '../../shared/usecases/import-writes.ts';
import { continuations } from '../support/continuations.ts';
import { type TestDesk, testDesk } from '../support/desk.ts';

const admin: Actor = { id: 'admin-chen', roles: ['admin'] };
const header = 'channel,address,topics,language,consent_at,consent_source';
const csvOf = (prefix: string, count: number) =>
  `${header}\n${Array.from({ length: count }, (_, i) => `email,${prefix}${i}@example.org,personnel,en,2024-05-01T08:00:00Z,form`).join('\n')}\n`;

let desk: TestDesk;
beforeAll(async () => {
  desk = await testDesk();
});

async function subscriptionItems(prefix: string): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await desk.documents.send(
      new ScanCommand({
        TableName: desk.tableName,
        FilterExpression: 'entity = :subscription AND begins_with(address, :prefix)',
        ExpressionAttributeValues: { ':subscription': 'subscription', ':prefix': prefix },
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    count += page.Items?.length ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}

describe('a long subscriber import', () => {
  it('answers the counts, writes the rows by a continuation, and counts each chunk once', async () => {
    const run = await continuations(desk);
    const report = await importSubscribers(run.deps, admin, csvOf('long', 1_050), { dryRun: false });
    expect(report).toMatchObject({ created: 1_050, unchanged: 0, rejected: [] });
    expect(report.job).toMatchObject({ status: 'writing', rows: 1_050, rowsWritten: 0 });
    const id = report.job?.id ?? '';
    // Nothing is written until the steps run.
    expect(await subscriptionItems('long')).toBe(0);

    const [first] = await run.waiting();
    expect(first).toMatchObject({ kind: 'subscriber-import', target: id });
    await runContinuation(run.deps, first as ContinuationStep);
    const [second] = await run.waiting();
    expect(second).toMatchObject({ cursor: '1' });
    // The first step delivered again: the continuation has moved on, nothing runs.
    expect(await runContinuation(run.deps, first as ContinuationStep)).toEqual({ stale: true });
    await runContinuation(run.deps, second as ContinuationStep);
    const ran = await run.drain();
    expect(ran.map((step) => step.cursor)).toEqual(['2', '3', '4']);

    const job = await importJob(desk, admin, id);
    expect(job).toMatchObject({
      status: 'done',
      rows: 1_050,
      rowsWritten: 1_050,
      written: { created: 1_050, updated: 0, unchanged: 0, confirmationsSent: 0, rejected: [] },
    });
    expect(await subscriptionItems('long')).toBe(1_050);
    // A step run again after the job (its rows dropped once written) writes and counts nothing.
    expect(await writeImportChunk(run.deps, { target: id, cursor: '0', params: {} })).toEqual({
      next: '1',
      handled: 0,
    });
    expect((await importJob(desk, admin, id))?.written.created).toBe(1_050);
    // And the same file again changes nothing: no job.
    const again = await importSubscribers(run.deps, admin, csvOf('long', 1_050), { dryRun: false });
    expect(again).toEqual({
      created: 0,
      updated: 0,
      unchanged: 1_050,
      confirmationsSent: 0,
      skipped: 0,
      rejected: [],
    });
  }, 180_000);

  it('rewrites the same subscriptions when a step runs again after crashing before it counted', async () => {
    const run = await continuations(desk);
    const report = await importSubscribers(run.deps, admin, csvOf('crash', 1_001), { dryRun: false });
    const id = report.job?.id ?? '';
    const crashing = {
      ...run.deps,
      importJobs: {
        ...run.deps.importJobs,
        create: run.deps.importJobs.create.bind(run.deps.importJobs),
        get: run.deps.importJobs.get.bind(run.deps.importJobs),
        chunk: run.deps.importJobs.chunk.bind(run.deps.importJobs),
        recordChunk: async () => {
          throw new Error('crashed after writing');
        },
      },
    };
    await expect(writeImportChunk(crashing, { target: id, cursor: undefined, params: {} })).rejects.toThrow(
      'crashed after writing',
    );
    expect(await subscriptionItems('crash')).toBe(250);
    // Redelivered, the first step decides again: the rows are there, so nothing new is made.
    await run.drain();
    expect(await subscriptionItems('crash')).toBe(1_001);
    const job = await importJob(desk, admin, id);
    expect(job).toMatchObject({ status: 'done', rowsWritten: 1_001 });
    expect(job?.written.created).toBe(751);
    expect(job?.written.unchanged).toBe(250);
  }, 180_000);
});
