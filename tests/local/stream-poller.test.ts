/**
 * The stream pollers in a running stack, with fixture handlers: what reaches each stream function,
 * in what shape, and how failures are retried without skipping or re-sending records.
 */
import { DynamoDBClient, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { localCredentials, localRegion } from '../../local/engines.ts';
import { type LocalStack, startLocalStack } from '../../local/stack.ts';
import { collectingLog, fixtureHandlers } from './support.ts';

let stack: LocalStack;
let dynamo: DynamoDBClient;
const { lines, log } = collectingLog();
/** Every batch each stream function was invoked with. */
const batches: Record<'publisher' | 'notifier', DynamoDBRecord[][]> = { publisher: [], notifier: [] };
/** How many times the notifier should still fail a record, by its `n`. */
const failuresLeft = new Map<string, number>();

const n = (record: DynamoDBRecord) => record.dynamodb?.NewImage?.n?.S ?? '';

beforeAll(async () => {
  stack = await startLocalStack({
    log,
    streamPollIntervalMs: 50,
    handlers: fixtureHandlers({
      publisher: async (event) => {
        batches.publisher.push((event as DynamoDBStreamEvent).Records);
      },
      notifier: async (event): Promise<DynamoDBBatchResponse> => {
        const records = (event as DynamoDBStreamEvent).Records;
        batches.notifier.push(records);
        const failing = records.filter((record) => (failuresLeft.get(n(record)) ?? 0) > 0);
        for (const record of failing) failuresLeft.set(n(record), (failuresLeft.get(n(record)) ?? 0) - 1);
        return {
          batchItemFailures: failing.map((record) => ({
            itemIdentifier: record.dynamodb?.SequenceNumber ?? '',
          })),
        };
      },
    }),
  });
  dynamo = new DynamoDBClient({
    endpoint: stack.endpoints.dynamoDb,
    region: localRegion,
    credentials: localCredentials,
  });
});

afterAll(async () => {
  dynamo?.destroy();
  await stack?.stop();
});

async function putCase(id: string, fields: Record<string, string>): Promise<void> {
  await dynamo.send(
    new PutItemCommand({
      TableName: stack.tableName,
      Item: {
        pk: { S: `CASE#${id}` },
        sk: { S: 'CASE' },
        entity: { S: 'case' },
        ...Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, { S: value }])),
      },
    }),
  );
}

async function setStatus(id: string, status: string): Promise<void> {
  await dynamo.send(
    new UpdateItemCommand({
      TableName: stack.tableName,
      Key: { pk: { S: `CASE#${id}` }, sk: { S: 'CASE' } },
      UpdateExpression: 'SET #status = :status',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':status': { S: status } },
    }),
  );
}

const delivered = (fn: 'publisher' | 'notifier') => batches[fn].flat();
const waitFor = (check: () => void) => vi.waitFor(check, { timeout: 20_000, interval: 50 });

describe('the stream pollers', () => {
  it('deliver real DynamoDB stream records, filtered per function', async () => {
    await putCase('a1', { status: 'awaiting_approval', severity: 'low', n: 'a1' });
    await setStatus('a1', 'approved');
    await waitFor(() => expect(delivered('publisher')).toHaveLength(1));

    const [record] = delivered('publisher');
    expect(record).toMatchObject({
      eventName: 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: localRegion,
      dynamodb: {
        Keys: { pk: { S: 'CASE#a1' }, sk: { S: 'CASE' } },
        NewImage: { status: { S: 'approved' } },
        OldImage: { status: { S: 'awaiting_approval' } },
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    });
    expect(record?.eventID).toEqual(expect.any(String));
    expect(record?.eventSourceARN).toMatch(/^arn:aws:dynamodb:.*:table\/corrections-desk\/stream\//);
    expect(record?.dynamodb?.ApproximateCreationDateTime).toEqual(expect.any(Number));
    expect(Math.abs((record?.dynamodb?.ApproximateCreationDateTime ?? 0) - Date.now() / 1000)).toBeLessThan(
      120,
    );
    expect(record?.dynamodb?.SequenceNumber).toEqual(expect.any(String));
    expect(record?.dynamodb?.SizeBytes).toEqual(expect.any(Number));

    // Approved again (no transition), a low-severity case's change, a high-severity non-case: none pass
    // the filters; new cases do reach the notifier (it counts them).
    await setStatus('a1', 'approved');
    await putCase('a2', { status: 'received', severity: 'low', n: 'a2' });
    await dynamo.send(
      new PutItemCommand({
        TableName: stack.tableName,
        Item: { pk: { S: 'TOPIC#x' }, sk: { S: 'TOPIC' }, entity: { S: 'topic' }, severity: { S: 'high' } },
      }),
    );
    // A marker the notifier does get, written last: once it arrives, the others have been passed over.
    await putCase('a3', { status: 'received', severity: 'critical', n: 'a3' });
    await waitFor(() => expect(delivered('notifier').map(n)).toContain('a3'));
    expect(delivered('notifier').map(n)).toEqual(['a1', 'a2', 'a3']);
    expect(delivered('notifier').map((r) => r.eventName)).toEqual(['INSERT', 'INSERT', 'INSERT']);
    expect(delivered('publisher')).toHaveLength(1);
  });

  it('retry from the lowest failed record: nothing after it is skipped, nothing before it re-sent', async () => {
    batches.notifier.length = 0;
    failuresLeft.set('r2', 2);
    for (const id of ['r1', 'r2', 'r3', 'r4'])
      await putCase(id, { status: 'received', severity: 'high', n: id });
    const timesSeen = (id: string) => delivered('notifier').filter((record) => n(record) === id).length;
    // Two failures, then the success, which carries the records after it too.
    await waitFor(() => expect(timesSeen('r2')).toBe(3));
    await waitFor(() => expect(timesSeen('r4')).toBeGreaterThan(0));
    expect(timesSeen('r1')).toBe(1);
    expect(lines.filter((line) => line.includes('retry 2 of 5'))).toHaveLength(1);
    // After r2 failed, each batch starts again at r2 (r1, before it, was done).
    const withR2 = batches.notifier.filter((batch) => batch.some((record) => n(record) === 'r2'));
    for (const batch of withR2.slice(1)) expect(n(batch[0] as DynamoDBRecord)).toBe('r2');
    for (const batch of batches.notifier) {
      const ids = batch.map(n);
      expect(ids).toEqual([...ids].sort());
    }
    expect(new Set(delivered('notifier').map(n))).toEqual(new Set(['r1', 'r2', 'r3', 'r4']));
  });

  it('give up on a record after retryAttempts retries and move on to the next', async () => {
    batches.notifier.length = 0;
    failuresLeft.set('p1', 1000);
    await putCase('p1', { status: 'received', severity: 'high', n: 'p1' });
    await putCase('p2', { status: 'received', severity: 'high', n: 'p2' });
    await waitFor(() =>
      expect(
        lines.some((line) => line.includes('giving up on record') && line.includes('on-failure destination')),
      ).toBe(true),
    );
    await waitFor(() => expect(batches.notifier.at(-1)?.map(n)).toEqual(['p2']));
    // The first attempt and five retries.
    expect(delivered('notifier').filter((record) => n(record) === 'p1')).toHaveLength(6);
  });
});
