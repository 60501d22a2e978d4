/**
 * The review queue's first page at 1,000 cases and at 100,000: a page of 20 must cost the same. The
 * cases are cloned from one opened through the real use case (its items, ids replaced), so their keys
 * and indexes are exactly what the store writes. Each size has a table of its own, and the two pages
 * are read in turn, round by round, so load that comes and goes on the machine weighs on both alike.
 */
import {
  BatchWriteItemCommand,
  type BatchWriteItemCommandOutput,
  CreateTableCommand,
  DeleteTableCommand,
  DynamoDBClient,
  QueryCommand,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { localCredentials, localRegion } from '../local/engines.ts';
import type { Actor } from '../shared/domain/roles.ts';
import { createTableInput } from '../shared/resources/table.ts';
import { randomId } from '../shared/security/tokens.ts';
import { openStaffCase } from '../shared/usecases/open-case.ts';
import { listCases } from '../shared/usecases/read-cases.ts';
import { type BenchDesk, benchDesk } from './desk.ts';
import { percentile } from './measure.ts';

const editor: Actor = { id: 'bench-editor', roles: ['editor'] };
const smallItems = 1_000;
const largeItems = 100_000;
/**
 * BatchWriteItem's most, and how many are in flight at once: DynamoDB Local applies a table's writes one
 * at a time (a lock per table), but reads and checks the next requests meanwhile.
 */
const batchSize = 25;
const writers = 8;

export interface QueuePageFigures {
  smallItems: number;
  largeItems: number;
  smallP50Ms: number;
  largeP50Ms: number;
  ratio: number;
  smallCalls: number;
  largeCalls: number;
  seedSeconds: number;
}

/**
 * The desk's table without its stream: nothing reads these tables' streams, and DynamoDB Local keeps
 * every stream record of every table in one store that makes each write dearer as it grows (seeding
 * with the stream on took three times as long, and slowed the sections that run after).
 */
async function queueDesk(endpoint: string, tableName: string): Promise<BenchDesk> {
  const client = new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials });
  try {
    const { StreamSpecification: _, ...input } = createTableInput(tableName);
    await client.send(new CreateTableCommand(input));
  } finally {
    client.destroy();
  }
  return benchDesk(endpoint, tableName);
}

/** `count` cases in all: one opened through the use case, the rest its clones, `writers` batches at a time. */
async function seedCases(desk: BenchDesk, count: number): Promise<void> {
  const template = await openStaffCase(desk, editor, {
    text: '批量案例：通报中的数字有误',
    topic: 'personnel',
    source: 'staff',
    severity: 'low',
  });
  const { Items = [] } = await desk.client.send(
    new QueryCommand({
      TableName: desk.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: `CASE#${template.id}` } },
    }),
  );
  const templateJson = JSON.stringify(Items);
  const clone = (copy: number): WriteRequest[] =>
    (
      JSON.parse(
        templateJson.replaceAll(template.id, `${template.id.slice(0, 4)}${randomId(8)}${copy}`),
      ) as NonNullable<WriteRequest['PutRequest']>['Item'][]
    ).map((Item) => ({ PutRequest: { Item } }));
  // Batches are made as the writers take them, so 100,000 cases are never all in memory at once.
  let copy = 1;
  const nextBatch = (): WriteRequest[] => {
    const batch: WriteRequest[] = [];
    while (copy < count && batch.length + Items.length <= batchSize) batch.push(...clone(copy++));
    return batch;
  };
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (let batch = nextBatch(); batch.length; batch = nextBatch()) {
        let pending: WriteRequest[] | undefined = batch;
        while (pending?.length) {
          const result: BatchWriteItemCommandOutput = await desk.client.send(
            new BatchWriteItemCommand({ RequestItems: { [desk.tableName]: pending } }),
          );
          pending = result.UnprocessedItems?.[desk.tableName];
        }
      }
    }),
  );
}

export async function measureQueuePage(endpoint: string): Promise<QueuePageFigures> {
  const run = randomId(6);
  const small = await queueDesk(endpoint, `bench-queue-small-${run}`);
  const large = await queueDesk(endpoint, `bench-queue-large-${run}`);
  try {
    const seeding = performance.now();
    await seedCases(small, smallItems);
    await seedCases(large, largeItems);
    const seedSeconds = (performance.now() - seeding) / 1000;
    const firstPage = (desk: BenchDesk) => listCases(desk.caseQueue, editor, { limit: 20 });
    const latencies = { small: [] as number[], large: [] as number[] };
    for (let round = 0; round < 50; round++) {
      for (const [size, desk] of [
        ['small', small],
        ['large', large],
      ] as const) {
        const start = performance.now();
        await firstPage(desk);
        // The first rounds warm both up (JIT, connections) and are not counted.
        if (round >= 10) latencies[size].push(performance.now() - start);
      }
    }
    const smallP50Ms = percentile(latencies.small, 50);
    const largeP50Ms = percentile(latencies.large, 50);
    return {
      smallItems,
      largeItems,
      smallP50Ms,
      largeP50Ms,
      ratio: largeP50Ms / smallP50Ms,
      smallCalls: await small.callsPer(10, () => firstPage(small)),
      largeCalls: await large.callsPer(10, () => firstPage(large)),
      seedSeconds,
    };
  } finally {
    // 200,000 items gone before the next section writes to the same DynamoDB Local.
    for (const desk of [small, large]) {
      await desk.client.send(new DeleteTableCommand({ TableName: desk.tableName }));
      desk.client.destroy();
    }
  }
}
