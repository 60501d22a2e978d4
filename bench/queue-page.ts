/**
 * The review queue's first page at 1,000 cases and at 100,000: a page of 20 must cost the same. The
 * cases are cloned in batches from one opened through the real use case (its items, ids replaced), so
 * their keys and indexes are exactly what the store writes.
 */
import { BatchWriteItemCommand, type DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import type { Actor } from '../shared/domain/roles.ts';
import { randomId } from '../shared/security/tokens.ts';
import { openStaffCase } from '../shared/usecases/open-case.ts';
import { listCases } from '../shared/usecases/read-cases.ts';
import type { BenchDesk } from './desk.ts';
import { percentile, sequential } from './measure.ts';

const editor: Actor = { id: 'bench-editor', roles: ['editor'] };

export interface QueuePageFigures {
  smallItems: number;
  largeItems: number;
  smallP50Ms: number;
  largeP50Ms: number;
  ratio: number;
  smallCalls: number;
  largeCalls: number;
}

async function seedCases(desk: BenchDesk, client: DynamoDBClient, count: number): Promise<void> {
  const template = await openStaffCase(desk, editor, {
    text: '批量案例：通报中的数字有误',
    topic: 'personnel',
    source: 'staff',
    severity: 'low',
  });
  const { Items = [] } = await client.send(
    new QueryCommand({
      TableName: desk.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: `CASE#${template.id}` } },
    }),
  );
  const templateJson = JSON.stringify(Items);
  const items = (copy: number) =>
    JSON.parse(templateJson.replaceAll(template.id, `${template.id.slice(0, 4)}${randomId(8)}${copy}`));
  const requests = [];
  for (let copy = 1; copy < count; copy++)
    for (const item of items(copy)) requests.push({ PutRequest: { Item: item } });
  const batches = [];
  for (let i = 0; i < requests.length; i += 25) batches.push(requests.slice(i, i + 25));
  // A few batches at a time: DynamoDB Local applies them one by one anyway.
  for (let i = 0; i < batches.length; i += 4) {
    await Promise.all(
      batches.slice(i, i + 4).map(async (batch) => {
        let pending: typeof batch | undefined = batch;
        while (pending?.length) {
          const result = await client.send(
            new BatchWriteItemCommand({ RequestItems: { [desk.tableName]: pending } }),
          );
          pending = result.UnprocessedItems?.[desk.tableName] as typeof batch | undefined;
        }
      }),
    );
  }
}

export async function measureQueuePage(desk: BenchDesk): Promise<QueuePageFigures> {
  const firstPage = () => listCases(desk.cases, editor, { limit: 20 });
  const measure = async () => {
    await sequential(10, firstPage);
    const latencies = await sequential(40, firstPage);
    const calls = await desk.callsPer(10, firstPage);
    return { p50: percentile(latencies, 50), calls };
  };
  const smallItems = 1_000;
  const largeItems = 100_000;
  await seedCases(desk, desk.client, smallItems);
  const small = await measure();
  await seedCases(desk, desk.client, largeItems - smallItems);
  const large = await measure();
  return {
    smallItems,
    largeItems,
    smallP50Ms: small.p50,
    largeP50Ms: large.p50,
    ratio: large.p50 / small.p50,
    smallCalls: small.calls,
    largeCalls: large.calls,
  };
}
