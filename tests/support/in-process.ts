/**
 * The desk's real functions behind the local gateway's own request handling, in this process and
 * without sockets: a table of the test file's own in the shared DynamoDB Local, fauxqs for topics and
 * queues, the outbox for messages. For suites that send thousands of requests (the fuzz suite), where
 * a socket per request would cost more than the request.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { demoTopics } from '../../local/demo-topics.ts';
import { provisionTable, resolveLocalhostSubdomains, startMessaging } from '../../local/engines.ts';
import { applyEnvironment, localEnvironment, type Variables } from '../../local/environment.ts';
import { answer } from '../../local/gateway.ts';
import type { HttpResponse } from '../../local/http-event.ts';
import { createTokenAuthority } from '../../local/jwt.ts';
import { type HandlerLoader, loadFunctions } from '../../local/lambda-runtime.ts';
import { routesFromCatalogue } from '../../local/routes.ts';
import { Outbox } from '../../shared/adapters/outbox/outbox.ts';
import type { FunctionKey } from '../../shared/resources/functions.ts';
import { randomId } from '../../shared/security/tokens.ts';

export interface InProcessRequest {
  method: string;
  /** Path and query, percent-encoded as sent. */
  target: string;
  /** Header names and values alternating, as Node's rawHeaders. */
  rawHeaders?: string[];
  body?: Buffer | string;
  sourceIp?: string;
}

export interface InProcessReply {
  status: number;
  headers: Record<string, string | string[]>;
  text: string;
}

const baseUrl = 'http://localhost:3999';

/**
 * Starts the desk in process. `variables` override the local environment (limits, say); `handlers`
 * replace a function's module. Everything the functions log goes to `log`.
 */
export async function inProcessDesk(
  options: {
    variables?: Variables;
    handlers?: Partial<Record<FunctionKey, HandlerLoader>>;
    log?: (line: string) => void;
  } = {},
) {
  const tableName = `desk-${randomId(10)}`;
  const dynamoDbEndpoint = inject('dynamoDbEndpoint');
  const filesDir = await mkdtemp(join(tmpdir(), 'desk-in-process-'));
  const outboxFile = join(filesDir, 'outbox.jsonl');
  const [messaging] = await Promise.all([startMessaging(), provisionTable(dynamoDbEndpoint, tableName)]);
  const undoDns = resolveLocalhostSubdomains();
  const undoEnvironment = applyEnvironment({
    ...localEnvironment({
      tableName,
      topicArns: messaging.topicArns,
      queueUrls: messaging.queueUrls,
      publicBaseUrl: baseUrl,
      linkSecret: randomId(32),
      outboxFile,
      dynamoDbEndpoint,
      messagingEndpoint: messaging.endpoint,
    }),
    ...options.variables,
  });
  const functions = await loadFunctions(options.handlers);
  const authority = await createTokenAuthority(`${baseUrl}/dev`);
  const routes = routesFromCatalogue();
  const outbox = new Outbox(outboxFile);
  const log = options.log ?? (() => undefined);
  const deps = {
    invoke: functions.invoke,
    authority,
    devRoute: () => undefined,
    log,
  };

  async function send(request: InProcessRequest): Promise<InProcessReply> {
    const reply: HttpResponse = await answer(routes, deps, {
      method: request.method,
      target: request.target,
      httpVersion: '1.1',
      rawHeaders: ['Host', 'localhost:3999', ...(request.rawHeaders ?? [])],
      body: Buffer.from(request.body ?? ''),
      sourceIp: request.sourceIp ?? '198.51.100.20',
      port: 3999,
    });
    return { status: reply.statusCode, headers: reply.headers, text: reply.body.toString('utf8') };
  }

  const admin = await authority.issue({ sub: 'admin-chen', name: '陈主任', groups: ['admin'] });
  for (const { key, ...topic } of demoTopics) {
    const saved = await send({
      method: 'PUT',
      target: `/admin/topics/${key}`,
      rawHeaders: ['Authorization', `Bearer ${admin}`, 'Content-Type', 'application/json'],
      body: JSON.stringify(topic),
    });
    if (saved.status !== 200) throw new Error(`Topic ${key} not saved: ${saved.text}`);
  }

  return {
    send,
    invoke: functions.invoke,
    outbox,
    tableName,
    baseUrl,
    issueToken: authority.issue,
    async stop() {
      undoEnvironment();
      undoDns();
      await messaging.stop();
      await rm(filesDir, { recursive: true, force: true });
    },
  };
}

export type InProcessDesk = Awaited<ReturnType<typeof inProcessDesk>>;
