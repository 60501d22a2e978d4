/**
 * The whole desk on one machine, no Docker and no AWS account: DynamoDB Local for the table and its
 * stream, fauxqs for the topics and queues, the functions themselves (imported in process) behind a
 * local HTTP API, a stream poller and queue pollers in place of event source mappings, and the outbox in
 * place of SES, SMS and the staff's alert emails.
 *
 * Everything is provisioned from the shared definitions (shared/resources), and the functions get the
 * same environment variables as deployed, pointed at the local engines. process.env and the imported
 * handler modules belong to the whole process, so a process runs one stack at a time.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { Outbox } from '../shared/adapters/outbox/outbox.ts';
import type { FunctionKey } from '../shared/resources/functions.ts';
import type { QueueKey, TopicKey } from '../shared/resources/messaging.ts';
import { defaultAlertEmails, startAlertMail } from './alert-mail.ts';
import { devRoutes } from './dev-routes.ts';
import {
  localCredentials,
  localRegion,
  provisionTable,
  resolveLocalhostSubdomains,
  startDynamoDbLocal,
  startMessaging,
} from './engines.ts';
import { applyEnvironment, linkSecret, localEnvironment, type Variables } from './environment.ts';
import { startEventSources } from './event-sources.ts';
import { openGateway } from './gateway.ts';
import { createTokenAuthority, type EditorClaims } from './jwt.ts';
import { type HandlerLoader, loadFunctions } from './lambda-runtime.ts';
import { describeError, type Log } from './log.ts';
import { schedulerEvent } from './schedule-event.ts';

export type { EditorClaims } from './jwt.ts';

export interface LocalStackOptions {
  /** The gateway's port; 0 picks a free one. Default 0. */
  port?: number;
  /** Keeps the table, the outbox, the link secret and the stream positions across restarts. */
  dataDir?: string;
  /** Module loaders by function (for tests); the rest import functions/<name>/handler.ts. */
  handlers?: Partial<Record<FunctionKey, HandlerLoader>>;
  /** Who gets the editors' alerts and digests (the topic's email subscribers). */
  alertEmails?: string[];
  /** Email goes to this SMTP server (smtp://host:port) instead of the outbox; SMS stays in the outbox. */
  smtpUrl?: string;
  /** Shorter than deployed, so retries and dead-lettering happen within seconds. Default 2. */
  queueVisibilityTimeoutSeconds?: number;
  /** How often the stream pollers read the stream. Default 200 ms. */
  streamPollIntervalMs?: number;
  /**
   * Variables set over the local environment, given the engines' endpoints (the bench points SES and
   * SNS at its provider double, which passes the rest of SNS on to fauxqs, and sets the send rates).
   */
  environment?: (endpoints: { dynamoDb: string; messaging: string }) => Variables;
  /**
   * Queue functions handle as many batches at once as their trigger's maxConcurrency allows deployed.
   * Default false: one batch at a time, which keeps a test's events in order.
   */
  concurrentQueues?: boolean;
  log?: Log;
}

export interface LocalStack {
  /** The HTTP API, e.g. http://localhost:3000 (also the functions' PUBLIC_BASE_URL). */
  url: string;
  port: number;
  outbox: Outbox;
  outboxFile: string;
  tableName: string;
  /** The issuer of the local editor tokens (`<url>/dev`). */
  tokenIssuer: string;
  /** Endpoints for SDK clients: DynamoDB (and its streams), and fauxqs for SNS and SQS. */
  endpoints: { dynamoDb: string; messaging: string };
  topicArns: Record<TopicKey, string>;
  queueUrls: Record<QueueKey, string>;
  deadLetterUrls: Record<QueueKey, string>;
  /** The DynamoDB Local (Java) process. */
  dynamoDbPid: number;
  issueToken(claims: EditorClaims, ttlSeconds?: number): Promise<string>;
  /** Invokes a function directly, as Lambda would, with any event. */
  invoke(fn: FunctionKey, event: unknown): Promise<unknown>;
  /** Stops everything the stack started and waits for it; safe to call more than once. */
  stop(): Promise<void>;
}

const tableName = 'corrections-desk';
let running = false;

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  if (running) throw new Error('A local stack is already running in this process; stop it first.');
  running = true;
  const log = options.log ?? ((line: string) => console.log(line));
  /** What to undo on stop (or on a failed start), last started first. */
  const undo: Array<() => unknown> = [() => (running = false)];
  const stopAll = async () => {
    for (const step of undo.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        log(`stopping the local stack: ${describeError(error)}`);
      }
    }
  };
  try {
    // Before the first SDK client (the engines make some): on Node 20 every client would warn that
    // SDK versions from 2027 on need Node 22.
    undo.push(applyEnvironment({ AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' }));
    const dataDir = options.dataDir === undefined ? undefined : resolve(options.dataDir);
    const filesDir = dataDir ?? (await mkdtemp(join(tmpdir(), 'corrections-desk-')));
    if (dataDir) await mkdir(dataDir, { recursive: true });
    else undo.push(() => rm(filesDir, { recursive: true, force: true }));

    const [dynamoDbStart, messagingStart] = await Promise.allSettled([
      startDynamoDbLocal(dataDir ? { dataDir: join(dataDir, 'dynamodb') } : {}),
      startMessaging({ visibilityTimeoutSeconds: options.queueVisibilityTimeoutSeconds ?? 2 }),
    ]);
    // Whichever started is stopped again, even when the other did not start.
    for (const engine of [dynamoDbStart, messagingStart]) {
      if (engine.status === 'fulfilled') undo.push(() => engine.value.stop());
    }
    if (dynamoDbStart.status === 'rejected') throw dynamoDbStart.reason;
    if (messagingStart.status === 'rejected') throw messagingStart.reason;
    const dynamoDb = dynamoDbStart.value;
    const messaging = messagingStart.value;
    undo.push(resolveLocalhostSubdomains());
    await provisionTable(dynamoDb.endpoint, tableName);
    const streamArn = await latestStreamArn(dynamoDb.endpoint);

    const gateway = await openGateway(options.port ?? 0);
    undo.push(() => gateway.close());
    const url = `http://localhost:${gateway.port}`;
    const outboxFile = join(filesDir, 'outbox.jsonl');
    const outbox = new Outbox(outboxFile);

    undo.push(
      applyEnvironment(
        localEnvironment({
          tableName,
          topicArns: messaging.topicArns,
          queueUrls: messaging.queueUrls,
          publicBaseUrl: url,
          linkSecret: await linkSecret(dataDir),
          outboxFile,
          dynamoDbEndpoint: dynamoDb.endpoint,
          messagingEndpoint: messaging.endpoint,
          ...(options.smtpUrl ? { smtpUrl: options.smtpUrl } : {}),
        }),
      ),
    );
    if (options.environment)
      undo.push(
        applyEnvironment(options.environment({ dynamoDb: dynamoDb.endpoint, messaging: messaging.endpoint })),
      );
    const functions = await loadFunctions(options.handlers);
    const authority = await createTokenAuthority(`${url}/dev`);
    gateway.serve({
      invoke: functions.invoke,
      authority,
      devRoute: devRoutes({
        authority,
        outbox,
        runDigest: (at) => functions.invoke('digest', schedulerEvent('digest', at)),
        runSweeper: () => functions.invoke('sweeper', schedulerEvent('sweeper')),
        publishEmailEvent: async (message) => {
          const client = new SNSClient({
            endpoint: messaging.endpoint,
            region: localRegion,
            credentials: localCredentials,
          });
          try {
            await client.send(
              new PublishCommand({ TopicArn: messaging.topicArns.emailEvents, Message: message }),
            );
          } finally {
            client.destroy();
          }
        },
      }),
      log,
    });

    const clientConfig = { endpoint: messaging.endpoint, region: localRegion, credentials: localCredentials };
    const sqs = new SQSClient(clientConfig);
    const sns = new SNSClient(clientConfig);
    undo.push(
      () => sqs.destroy(),
      () => sns.destroy(),
    );
    const alertMail = await startAlertMail({
      sns,
      sqs,
      topicArn: messaging.topicArns.editorAlerts,
      outbox,
      addresses: options.alertEmails ?? defaultAlertEmails,
      log,
    });
    undo.push(() => alertMail.stop());
    const eventSources = await startEventSources({
      functions,
      dynamoDbEndpoint: dynamoDb.endpoint,
      streamArn,
      messaging,
      sqs,
      ...(dataDir ? { checkpointDir: dataDir } : {}),
      ...(options.streamPollIntervalMs ? { streamPollIntervalMs: options.streamPollIntervalMs } : {}),
      ...(options.concurrentQueues ? { concurrentQueues: true } : {}),
      log,
    });
    undo.push(() => eventSources.stop());

    let stopping: Promise<void> | undefined;
    return {
      url,
      port: gateway.port,
      outbox,
      outboxFile,
      tableName,
      tokenIssuer: authority.issuer,
      endpoints: { dynamoDb: dynamoDb.endpoint, messaging: messaging.endpoint },
      topicArns: messaging.topicArns,
      queueUrls: messaging.queueUrls,
      deadLetterUrls: messaging.deadLetterUrls,
      dynamoDbPid: dynamoDb.pid,
      issueToken: (claims, ttlSeconds) => authority.issue(claims, ttlSeconds),
      invoke: functions.invoke,
      stop: () => {
        stopping ??= stopAll();
        return stopping;
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function latestStreamArn(endpoint: string): Promise<string> {
  const client = new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials });
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (!Table?.LatestStreamArn) throw new Error(`Table ${tableName} has no stream`);
    return Table.LatestStreamArn;
  } finally {
    client.destroy();
  }
}
