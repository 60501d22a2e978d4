/**
 * Intake under load: 10 concurrent clients for 20 s on POST /submissions over HTTP on the local stack,
 * each report of a page of its own and all of one shared page, against a bare loop, at the same
 * concurrency, of the DynamoDB writes one such report makes (recorded from the real use case and
 * replayed on fresh keys where two reports differ, on the same keys where they share an item).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import autocannon from 'autocannon';
import type { LocalStack } from '../local/stack.ts';
import { randomId } from '../shared/security/tokens.ts';
import { admitClient } from '../shared/usecases/client-limits.ts';
import { submitReport } from '../shared/usecases/submit-report.ts';
import { benchDesk } from './desk.ts';
import { closedLoop } from './measure.ts';

const connections = 10;
const seconds = Number(process.env.BENCH_INTAKE_SECONDS ?? 20);

export interface IntakeFigures {
  page: 'distinct' | 'shared';
  rps: number;
  p99Ms: number;
  errors: number;
  lost: number;
  referenceRps: number;
  ratio: number;
  goal: number;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The write commands a report makes, as recorded: [command name, input]. */
type Recording = Array<[string, Json]>;

const writes = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'TransactWriteItemsCommand',
  'BatchWriteItemCommand',
]);

async function record(
  endpoint: string,
  report: (desk: Awaited<ReturnType<typeof benchDesk>>) => Promise<unknown>,
): Promise<Recording[]> {
  const desk = await benchDesk(endpoint, `intake-record-${randomId(6)}`);
  let recording: Recording | undefined;
  desk.client.middlewareStack.add(
    (next, context) => async (args) => {
      if (recording && writes.has(context.commandName ?? ''))
        recording.push([context.commandName ?? '', JSON.parse(JSON.stringify(args.input)) as Json]);
      return next(args);
    },
    { step: 'build', name: 'recordWrites' },
  );
  await report(desk); // the first report of a page opens its case; the ones recorded come after
  const recordings: Recording[] = [];
  for (let i = 0; i < 2; i++) {
    recording = [];
    await report(desk);
    recordings.push(recording);
  }
  return recordings;
}

/**
 * Where two recordings of the same kind of report differ (new ids, times), the value is made fresh on
 * every replay; where they agree (the shared case, the client's rate window), it stays the same.
 */
function template(a: Json, b: Json, parentKey = ''): (i: number) => Json {
  if (Array.isArray(a) && Array.isArray(b)) {
    const parts = a.map((value, index) => template(value, b[index] ?? null));
    return (i) => parts.map((part) => part(i));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const parts = Object.entries(a).map(
      ([key, value]) => [key, template(value, b[key] ?? null, key)] as const,
    );
    return (i) => Object.fromEntries(parts.map(([key, part]) => [key, part(i)]));
  }
  if (typeof a === 'string' && a !== b && parentKey === 'S') return (i) => `${a}~${i}`;
  return () => a;
}

/** Conditions only guard races the loop cannot have; what the update sets stays. */
function unconditional(command: Record<string, Json>): Record<string, Json> {
  const { ConditionExpression: _, ExpressionAttributeNames, ExpressionAttributeValues, ...rest } = command;
  const expression = typeof rest.UpdateExpression === 'string' ? rest.UpdateExpression : '';
  const used = (entries: Json | undefined) =>
    entries && typeof entries === 'object' && !Array.isArray(entries)
      ? Object.fromEntries(Object.entries(entries).filter(([name]) => expression.includes(name)))
      : {};
  const names = used(ExpressionAttributeNames);
  const values = used(ExpressionAttributeValues);
  return {
    ...rest,
    ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
    ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
  };
}

function replayable([name, input]: [string, Json]): [string, Json] {
  const command = input as Record<string, Json>;
  if (name !== 'TransactWriteItemsCommand') return [name, unconditional(command)];
  const items = (command.TransactItems as Array<Record<string, Json>>)
    .filter((item) => !item.ConditionCheck)
    .map((item) =>
      Object.fromEntries(
        Object.entries(item).map(([kind, action]) => [kind, unconditional(action as Record<string, Json>)]),
      ),
    );
  return [name, { ...command, TransactItems: items }];
}

/** Replays the recorded writes (into the table they were recorded on) from a closed loop. */
async function referenceRps(endpoint: string, recordings: Recording[]): Promise<number> {
  const [first, second] = recordings;
  if (!first || !second || first.length !== second.length)
    throw new Error('Two reports made different writes');
  const commands = first.map((entry, index) => {
    const [name, input] = replayable(entry);
    const [, other] = replayable(second[index] as [string, Json]);
    return { name, input: template(input, other) };
  });
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const sdk = (await import('@aws-sdk/client-dynamodb')) as unknown as Record<
    string,
    new (
      input: unknown,
    ) => never
  >;
  const commandClass = (name: string) => {
    const Command = sdk[name];
    if (!Command) throw new Error(`No command ${name}`);
    return Command;
  };
  const result = await closedLoop(connections, seconds * 1000, async (i) => {
    for (const command of commands) {
      const Command = commandClass(command.name);
      await client.send(new Command(command.input(i)));
    }
  });
  if (result.errors)
    throw new Error(`The reference loop failed ${result.errors} times`, { cause: result.firstError });
  return result.completed / (result.elapsedMs / 1000);
}

async function loadIntake(stack: LocalStack, page: 'distinct' | 'shared') {
  const receipts: Array<{ submissionId: string; trackingToken: string }> = [];
  let sent = 0;
  const result = await autocannon({
    url: stack.url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/submissions',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          sent += 1;
          const url =
            page === 'shared'
              ? 'https://news.example.com/viral'
              : `https://news.example.com/${page}-${sent}-${randomId(4)}`;
          return { ...request, body: JSON.stringify({ text: `报告 ${sent}：通报中的数字有误`, url }) };
        },
        onResponse: (status, body) => {
          if (status === 201) receipts.push(JSON.parse(body));
        },
      },
    ],
  });
  // Every receipt handed out must be readable afterwards.
  let lost = 0;
  for (let i = 0; i < receipts.length; i += 20) {
    const checks = await Promise.all(
      receipts.slice(i, i + 20).map(async ({ submissionId, trackingToken }) => {
        const response = await fetch(
          `${stack.url}/submissions/${submissionId}?token=${encodeURIComponent(trackingToken)}`,
          {
            headers: { accept: 'application/json' },
          },
        );
        await response.arrayBuffer();
        return response.status === 200;
      }),
    );
    lost += checks.filter((ok) => !ok).length;
  }
  const errors = result.errors + result.timeouts + (result.non2xx ?? 0);
  return { rps: result.requests.average, p99Ms: result.latency.p99, errors, lost, receipts: receipts.length };
}

export async function measureIntake(stack: LocalStack): Promise<IntakeFigures[]> {
  const figures: IntakeFigures[] = [];
  const endpoint = stack.endpoints.dynamoDb;
  for (const page of ['distinct', 'shared'] as const) {
    const desk = (d: Awaited<ReturnType<typeof benchDesk>>, i: number) =>
      admitClient(d.rateLimiter, '127.0.0.1', 1_000_000).then(() =>
        submitReport(d, {
          text: `报告 ${i}：通报中的数字有误`,
          url:
            page === 'shared' ? 'https://news.example.com/viral' : `https://news.example.com/${randomId(8)}`,
        }),
      );
    let n = 0;
    const recordings = await record(endpoint, (d) => desk(d, n++));
    const load = await loadIntake(stack, page);
    const reference = await referenceRps(endpoint, recordings);
    figures.push({
      page,
      rps: load.rps,
      p99Ms: load.p99Ms,
      errors: load.errors,
      lost: load.lost,
      referenceRps: reference,
      ratio: load.rps / reference,
      goal: page === 'distinct' ? 0.5 : 0.4,
    });
  }
  return figures;
}
