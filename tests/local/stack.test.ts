/**
 * The stack as a whole, with fixture handlers: what the functions see when they are imported, the
 * schedule stand-in, stopping without leaving anything behind, and restarting on a data directory.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { localCredentials, localRegion } from '../../local/engines.ts';
import type { HandlerLoader, LocalContext } from '../../local/lambda-runtime.ts';
import { type LocalStack, startLocalStack } from '../../local/stack.ts';
import { env } from '../../shared/runtime/config.ts';
import { parseKeyring } from '../../shared/security/keyring.ts';
import { collectingLog, fixtureHandlers } from './support.ts';

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The processes this test process has started (Linux only: read from /proc). */
async function childProcessIds(): Promise<number[]> {
  const ids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === process.pid) ids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return ids;
}

describe('a running stack', () => {
  let stack: LocalStack;
  let environmentAtImport: NodeJS.ProcessEnv = {};
  const scheduled: unknown[] = [];
  const contexts: LocalContext[] = [];
  const { log } = collectingLog();

  beforeAll(async () => {
    const handlers = fixtureHandlers({
      digest: async (event) => scheduled.push(event) && { digest: 'sent' },
      planner: async (_event, context) => {
        contexts.push(context as LocalContext);
        return 'planned';
      },
    });
    const loadDigest = handlers.digest as HandlerLoader;
    stack = await startLocalStack({
      log,
      handlers: {
        ...handlers,
        digest: async () => {
          environmentAtImport = { ...process.env };
          return loadDigest();
        },
      },
    });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('sets every configuration variable before importing the functions', () => {
    const expected: Record<string, string> = {
      [env.stage]: 'local',
      [env.tableName]: stack.tableName,
      [env.correctionEventsTopicArn]: stack.topicArns.correctionEvents,
      [env.editorAlertsTopicArn]: stack.topicArns.editorAlerts,
      [env.deliveryPlanQueueUrl]: stack.queueUrls.deliveryPlan,
      [env.emailSendQueueUrl]: stack.queueUrls.emailSend,
      [env.smsSendQueueUrl]: stack.queueUrls.smsSend,
      [env.publicBaseUrl]: `http://localhost:${stack.port}`,
      [env.emailTransport]: 'outbox',
      [env.smsTransport]: 'outbox',
      [env.outboxFile]: stack.outboxFile,
      AWS_REGION: localRegion,
      AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: stack.endpoints.dynamoDb,
      AWS_ENDPOINT_URL_DYNAMODB_STREAMS: stack.endpoints.dynamoDb,
      AWS_ENDPOINT_URL_SNS: stack.endpoints.messaging,
      AWS_ENDPOINT_URL_SQS: new URL(stack.queueUrls.deliveryPlan).origin,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_SERVICE_NAME: 'corrections-desk',
      POWERTOOLS_TRACE_ENABLED: 'false',
    };
    for (const [name, value] of Object.entries(expected)) expect(environmentAtImport[name], name).toBe(value);
    // A fresh key ring: separate link and cursor keys, each labelled with its id.
    const ring = parseKeyring(environmentAtImport[env.linkSecret] ?? '');
    expect(ring.links.current).toMatch(/^k\d{14}$/);
    expect(ring.links.keys[ring.links.current]).not.toBe(ring.cursors.keys[ring.cursors.current]);
    expect(environmentAtImport[env.linkSecretArn]).toBeUndefined();
    expect(stack.url).toBe(`http://localhost:${stack.port}`);
  });

  it('lets code in this process reach the fauxqs queue URLs (their host is a *.localhost name)', async () => {
    const { SQSClient, SendMessageCommand } = await import('@aws-sdk/client-sqs');
    // Configured from the environment only, as the functions' clients are.
    const sqs = new SQSClient({});
    try {
      const sent = await sqs.send(
        new SendMessageCommand({ QueueUrl: stack.queueUrls.deliveryPlan, MessageBody: '{}' }),
      );
      expect(sent.MessageId).toEqual(expect.any(String));
    } finally {
      sqs.destroy();
    }
  });

  it('runs the digest with an EventBridge Scheduler event on POST /dev/digest', async () => {
    const response = await fetch(`${stack.url}/dev/digest`, { method: 'POST' });
    expect(await response.json()).toEqual({ result: { digest: 'sent' } });
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]).toMatchObject({
      version: '0',
      'detail-type': 'Scheduled Event',
      source: 'aws.scheduler',
      account: '000000000000',
      region: localRegion,
      resources: [expect.stringMatching(/^arn:aws:scheduler:.*:schedule\/default\/Digest$/)],
      detail: {},
    });
    expect(Date.parse((scheduled[0] as { time: string }).time)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('invokes a function directly with a Lambda context', async () => {
    expect(await stack.invoke('planner', { Records: [] })).toBe('planned');
    const [context] = contexts;
    expect(context).toMatchObject({
      functionName: 'corrections-desk-local-Planner',
      memoryLimitInMB: '512',
      awsRequestId: expect.any(String),
      invokedFunctionArn: expect.stringMatching(
        /^arn:aws:lambda:.*:function:corrections-desk-local-Planner$/,
      ),
    });
    const remaining = context?.getRemainingTimeInMillis() ?? 0;
    // The planner's timeout (30 s): one bounded page per run.
    expect(remaining).toBeGreaterThan(25_000);
    expect(remaining).toBeLessThanOrEqual(30_000);
  });

  it('runs one stack per process at a time', async () => {
    await expect(startLocalStack({ handlers: fixtureHandlers(), log })).rejects.toThrow(/already running/);
  });
});

describe('stopping', () => {
  it('ends DynamoDB Local, closes the port, removes the temporary files and restores the environment', async () => {
    const tableNameBefore = process.env[env.tableName];
    const stack = await startLocalStack({ handlers: fixtureHandlers(), log: () => {} });
    await stack.outbox.append({
      channel: 'email',
      address: 'a@example.org',
      kind: 'alert',
      body: 'x',
      at: 'now',
    });
    expect(isRunning(stack.dynamoDbPid)).toBe(true);
    expect(existsSync(stack.outboxFile)).toBe(true);

    await stack.stop();
    expect(isRunning(stack.dynamoDbPid)).toBe(false);
    expect(existsSync(dirname(stack.outboxFile))).toBe(false);
    await expect(fetch(`${stack.url}/dev/outbox`)).rejects.toThrow();
    expect(process.env[env.tableName]).toBe(tableNameBefore);
    if (existsSync('/proc')) expect(await childProcessIds()).toEqual([]);
    await stack.stop();
  });

  it.skipIf(!existsSync('/proc'))('leaves nothing behind when a function cannot be loaded', async () => {
    const handlers = { ...fixtureHandlers(), publisher: async () => ({ notAHandler: true }) };
    await expect(startLocalStack({ handlers, log: () => {} })).rejects.toThrow(
      /publisher \(functions\/publisher\/handler\.ts\).*does not export a function named "handler"/,
    );
    expect(await childProcessIds()).toEqual([]);
  });
});

describe('restarting on a data directory', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'local-stack-data-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  /** A stack whose notifier records what it gets and fails the records named in `failing`. */
  async function notifierStack(seen: string[], failing: Set<string>, streamPollIntervalMs?: number) {
    return startLocalStack({
      dataDir,
      log: () => {},
      ...(streamPollIntervalMs ? { streamPollIntervalMs } : {}),
      handlers: fixtureHandlers({
        notifier: async (event): Promise<DynamoDBBatchResponse> => {
          const records = (event as DynamoDBStreamEvent).Records;
          const ids = records.map((record) => record.dynamodb?.NewImage?.n?.S ?? '');
          seen.push(...ids);
          return {
            batchItemFailures: records
              .filter((_, index) => failing.has(ids[index] ?? ''))
              .map((record) => ({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' })),
          };
        },
      }),
    });
  }

  async function putCase(stack: LocalStack, id: string): Promise<void> {
    const dynamo = new DynamoDBClient({
      endpoint: stack.endpoints.dynamoDb,
      region: localRegion,
      credentials: localCredentials,
    });
    try {
      await dynamo.send(
        new PutItemCommand({
          TableName: stack.tableName,
          Item: {
            pk: { S: `CASE#${id}` },
            sk: { S: 'CASE' },
            entity: { S: 'case' },
            severity: { S: 'critical' },
            n: { S: id },
          },
        }),
      );
    } finally {
      dynamo.destroy();
    }
  }

  it('keeps the table, the outbox and the link secret, and neither replays nor skips stream records', async () => {
    const firstSeen: string[] = [];
    // Slow polling, so the stack stops while x2 is still being retried.
    const first = await notifierStack(firstSeen, new Set(['x2']), 3000);
    const secret = process.env[env.linkSecret];
    await first.outbox.append({
      channel: 'sms',
      address: '+8613800138000',
      kind: 'alert',
      body: '保留',
      at: 'now',
    });
    await putCase(first, 'x1');
    await vi.waitFor(() => expect(firstSeen).toContain('x1'), { timeout: 20_000, interval: 50 });
    await putCase(first, 'x2');
    await vi.waitFor(() => expect(firstSeen).toContain('x2'), { timeout: 20_000, interval: 50 });
    await first.stop();
    expect(firstSeen).toEqual(['x1', 'x2']);

    const secondSeen: string[] = [];
    const second = await notifierStack(secondSeen, new Set());
    try {
      expect(process.env[env.linkSecret]).toBe(secret);
      expect(second.outboxFile).toBe(join(dataDir, 'outbox.jsonl'));
      expect((await second.outbox.read()).map((message) => message.body)).toEqual(['保留']);
      await putCase(second, 'x3');
      await vi.waitFor(() => expect(secondSeen).toContain('x3'), { timeout: 20_000, interval: 50 });
      // x1 was done before the restart; x2 was not, so it comes again, before x3.
      expect(secondSeen).toEqual(['x2', 'x3']);
      const dynamo = new DynamoDBClient({
        endpoint: second.endpoints.dynamoDb,
        region: localRegion,
        credentials: localCredentials,
      });
      const kept = await dynamo.send(
        new GetItemCommand({ TableName: second.tableName, Key: { pk: { S: 'CASE#x1' }, sk: { S: 'CASE' } } }),
      );
      dynamo.destroy();
      expect(kept.Item?.n?.S).toBe('x1');
    } finally {
      await second.stop();
    }
  });
});
