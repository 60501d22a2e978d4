/**
 * The desk's adapters on a bench table in DynamoDB Local, with every DynamoDB call counted: the work
 * per request is what the bill and the latency on AWS follow.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { demoTopics } from '../local/demo-topics.ts';
import { localCredentials, localRegion, provisionTable } from '../local/engines.ts';
import { assemble } from '../shared/runtime/assemble.ts';
import { readConfig } from '../shared/runtime/config.ts';
import { sequential } from './measure.ts';

export async function benchDesk(endpoint: string, tableName: string) {
  await provisionTable(endpoint, tableName);
  const clients = { region: localRegion, credentials: localCredentials };
  const client = new DynamoDBClient({ ...clients, endpoint });
  let calls = 0;
  client.middlewareStack.add(
    (next) => async (args) => {
      calls += 1;
      return next(args);
    },
    { step: 'initialize', name: 'countCalls' },
  );
  const documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const scratch = await mkdtemp(join(tmpdir(), 'desk-bench-'));
  const config = {
    ...readConfig({}),
    tableName,
    emailTransport: 'outbox' as const,
    smsTransport: 'outbox' as const,
    outboxFile: join(scratch, 'outbox.jsonl'),
  };
  const desk = assemble({
    documents,
    sns: new SNSClient(clients),
    sqs: new SQSClient(clients),
    ses: () => {
      throw new Error('no email in the bench');
    },
    config,
    secret: 'bench-link-secret',
  });
  for (const topic of demoTopics) await desk.topics.put(topic);
  return {
    ...desk,
    client,
    documents,
    tableName,
    scratch,
    calls: () => calls,
    /** DynamoDB calls per run of `work`, averaged over `count` runs. */
    async callsPer(count: number, work: (i: number) => Promise<unknown>): Promise<number> {
      const before = calls;
      await sequential(count, work);
      return (calls - before) / count;
    },
  };
}

export type BenchDesk = Awaited<ReturnType<typeof benchDesk>>;
