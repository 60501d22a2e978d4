/**
 * `npm run bench`: the desk's speed and memory goals, measured on DynamoDB Local (never in timed tests).
 * Exits non-zero when a goal is missed. DynamoDB Local runs transactions one at a time, so latency is
 * measured one request at a time, and the work per request is counted in DynamoDB calls, which is
 * what the bill and the latency on AWS follow.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { demoTopics } from '../local/demo-topics.ts';
import { localCredentials, localRegion, provisionTable, startDynamoDbLocal } from '../local/engines.ts';
import type { Actor } from '../shared/domain/roles.ts';
import { assemble } from '../shared/runtime/assemble.ts';
import { readConfig } from '../shared/runtime/config.ts';
import { openStaffCase } from '../shared/usecases/open-case.ts';
import { listCases } from '../shared/usecases/read-cases.ts';
import { submitReport } from '../shared/usecases/submit-report.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

interface Goal {
  name: string;
  value: number;
  unit: string;
  limit: number;
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

/** Runs `work` `count` times, one after another; returns each run's latency in ms. */
async function sequential(count: number, work: (i: number) => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await work(i);
    latencies.push(performance.now() - start);
  }
  return latencies;
}

async function main(): Promise<number> {
  const dynamo = await startDynamoDbLocal();
  const scratch = await mkdtemp(join(tmpdir(), 'desk-bench-'));
  try {
    const tableName = 'desk-bench';
    await provisionTable(dynamo.endpoint, tableName);
    const clients = { region: localRegion, credentials: localCredentials };
    const dynamoClient = new DynamoDBClient({ ...clients, endpoint: dynamo.endpoint });
    let calls = 0;
    dynamoClient.middlewareStack.add(
      (next) => async (args) => {
        calls += 1;
        return next(args);
      },
      { step: 'initialize', name: 'countCalls' },
    );
    /** DynamoDB calls per run of `work`, averaged over `count` runs. */
    const callsPer = async (count: number, work: (i: number) => Promise<unknown>) => {
      const before = calls;
      await sequential(count, work);
      return (calls - before) / count;
    };
    const documents = DynamoDBDocumentClient.from(dynamoClient, {
      marshallOptions: { removeUndefinedValues: true },
    });
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
      secret: 'bench',
    });
    for (const topic of demoTopics) await desk.topics.put(topic);
    const editor: Actor = { id: 'bench-editor', roles: ['editor'] };

    // Warm up the JIT and the engine so the first measurements are not cold-start noise.
    await sequential(50, (i) => submitReport(desk, { text: `预热 ${i}` }));

    const heapBefore = process.memoryUsage().heapUsed;
    const report = (i: number, url: string) =>
      submitReport(desk, { text: `报告 ${i}：通报中的数字有误`, url });
    const newPage = await sequential(200, (i) => report(i, `https://news.example.com/page-${i}`));
    const samePage = await sequential(200, (i) => report(i, 'https://news.example.com/popular'));
    const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
    const newPageCalls = await callsPer(20, (i) => report(i, `https://news.example.com/calls-${i}`));
    const joinCalls = await callsPer(20, (i) => report(i, 'https://news.example.com/popular'));

    // The queue's first page at a small table and at one ten times larger: its cost must not grow.
    const firstPage = () => listCases(desk.cases, editor, { limit: 20 });
    const small = percentile(await sequential(40, firstPage), 50);
    const smallCalls = await callsPer(10, firstPage);
    await sequential(3600, (i) =>
      openStaffCase(desk, editor, {
        text: `案例 ${i}`,
        topic: 'personnel',
        source: 'staff',
        severity: 'low',
      }),
    );
    const large = percentile(await sequential(40, firstPage), 50);
    const largeCalls = await callsPer(10, firstPage);

    const goals: Goal[] = [
      { name: 'report of a new page, p50', value: percentile(newPage, 50), unit: 'ms', limit: 80 },
      { name: 'report of a new page, p95', value: percentile(newPage, 95), unit: 'ms', limit: 200 },
      { name: 'report joining an open case, p50', value: percentile(samePage, 50), unit: 'ms', limit: 80 },
      { name: 'report of a new page, DynamoDB calls', value: newPageCalls, unit: 'calls', limit: 2 },
      { name: 'report joining an open case, DynamoDB calls', value: joinCalls, unit: 'calls', limit: 3 },
      { name: 'queue page p50 at 4,000 cases', value: large, unit: 'ms', limit: 80 },
      { name: 'queue page cost growth, 400 → 4,000 cases', value: large / small, unit: '×', limit: 2 },
      {
        name: 'queue page DynamoDB calls, 400 → 4,000 cases',
        value: largeCalls - smallCalls,
        unit: 'calls',
        limit: 0,
      },
      { name: 'heap growth over 400 reports', value: heapGrowthMb, unit: 'MiB', limit: 64 },
    ];
    let missed = 0;
    for (const goal of goals) {
      const ok = goal.value <= goal.limit;
      if (!ok) missed++;
      console.log(
        `${ok ? 'ok  ' : 'MISS'}  ${goal.name.padEnd(44)} ${goal.value.toFixed(goal.unit === 'ms' || goal.unit === 'MiB' ? 1 : 2).padStart(8)} ${goal.unit}  (goal ≤ ${goal.limit} ${goal.unit})`,
      );
    }
    return missed === 0 ? 0 : 1;
  } finally {
    await dynamo.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
