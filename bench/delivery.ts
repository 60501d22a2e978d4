/**
 * Delivery and the audience preview at 1,000, 10,000 and 50,000 subscribers (email and SMS mixed, in
 * both languages), through the local pipeline as deployed: an editor's approval, the publisher and
 * the announcement on the stream, SNS (fauxqs), the planner and the two senders on their queues, the
 * desk's SES and SNS adapters calling the provider double (bench/provider-double.ts), which accepts
 * at the configured rates and throttles beyond them. Subscribers are seeded in batches (the import's
 * BatchWriteItem path), cumulatively: each size adds to the last, and each is reached by a correction
 * of its own on the topic they follow.
 *
 * Counted through the functions' own SDK clients (one per process, shared by the in-process
 * functions): every DynamoDB call from the approval to the last delivery, and SQS messages sent by the
 * functions plus those the pollers hand to them (a message that comes back for pacing is handled again).
 */

import { readFile } from 'node:fs/promises';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { localCredentials, localRegion } from '../local/engines.ts';
import type { HandlerLoader } from '../local/lambda-runtime.ts';
import type { LocalStack } from '../local/stack.ts';
import type { Language } from '../shared/domain/case.ts';
import { recipientHash } from '../shared/domain/recipient.ts';
import type { Channel, Subscription } from '../shared/domain/subscription.ts';
import { type FunctionKey, functionDefinitions } from '../shared/resources/functions.ts';
import { sendQueues } from '../shared/resources/messaging.ts';
import { env } from '../shared/runtime/config.ts';
import { type Call, eventually, type runningDesk, type Tokens } from '../tests/support/http.ts';
import { percentile, sequential } from './measure.ts';
import type { ProviderDouble } from './provider-double.ts';

/**
 * Sends per second the bench configures (the pacer's rates) and the double enforces: 120 in all,
 * below what the local pipeline sustains on 2 cores (a delivery costs the desk's process and
 * DynamoDB Local about 14 ms of CPU together once warm: about 140 a second with both cores busy; the
 * figures are in results.json), so that the time measures the pacing, not the machine.
 */
export const deliveryRates: Record<Channel, number> = {
  email: Number(process.env.BENCH_EMAIL_RATE ?? 80),
  sms: Number(process.env.BENCH_SMS_RATE ?? 40),
};
export const audienceSizes = (process.env.BENCH_AUDIENCES ?? '1000,10000,50000').split(',').map(Number);
const topic = 'fire-prevention';
/**
 * Previews at each size: untimed first, then timed. A preview takes a few milliseconds, so its first
 * calls after a delivery (the JITs of both processes settling on its path again) moved the median of
 * 50 by half between runs; 30 untimed and a median of 150 hold to about a millisecond.
 */
const preview = { untimed: 30, timed: 150 };
/** DynamoDB Local's CPU below which the machine counts as quiet again after a delivery. */
const quietJavaMsPerSecond = 50;
/** The warm-up's audience, on a topic of its own: DynamoDB Local's JIT and the desk's run in first. */
const warmUp = { topic: 'personnel', subscribers: 1_500, firstId: 900_000_000 };

/** The stack's variables for the bench: SES and SNS at the double, the pacer at the bench's rates. */
export function deliveryEnvironment(double: ProviderDouble) {
  return (endpoints: { messaging: string }) => {
    double.forwardSnsTo(endpoints.messaging);
    return {
      [env.emailTransport]: 'ses',
      [env.smsTransport]: 'sns',
      [env.emailSendsPerSecond]: String(deliveryRates.email),
      [env.smsSendsPerSecond]: String(deliveryRates.sms),
      AWS_ENDPOINT_URL_SESV2: double.url,
      AWS_ENDPOINT_URL_SNS: double.url,
    };
  };
}

/** SQS messages handed to each queue function by the local pollers (the planner, both senders). */
export const received = { planner: 0, emailSender: 0, smsSender: 0 };

/** The queue functions, each counting the messages it is handed, then running the real handler. */
export const countingHandlers: Partial<Record<FunctionKey, HandlerLoader>> = Object.fromEntries(
  (['planner', 'emailSender', 'smsSender'] as const).map((fn) => [
    fn,
    async () => {
      const { handler } = (await import(`../${functionDefinitions[fn].entry}`)) as {
        handler: (event: { Records: unknown[] }, context: unknown) => Promise<unknown>;
      };
      return (event: { Records: unknown[] }, context: unknown) => {
        received[fn] += event.Records.length;
        return handler(event, context);
      };
    },
  ]),
);

export interface DeliveryFigures {
  subscribers: number;
  delivered: number;
  duplicates: number;
  parked: number;
  dynamoCallsPerSubscriber: number;
  sqsMessagesPerSubscriber: number;
  ms: number;
  expectedMs: number;
  /** Deliveries still pending when the section stopped waiting (3 × expectedMs + 2 minutes). */
  unfinished: number;
  /** From the approval to the first message the provider accepted. */
  firstMessageMs: number;
  /** Sends the provider double refused as over its rate (the SDK or the sender tried them again). */
  throttled: number;
  /** CPU per subscriber: this process (functions, pollers, fauxqs, the double) and DynamoDB Local. */
  cpuMsPerSubscriber: { desk: number; dynamoDbLocal: number };
}

export interface PreviewFigures {
  subscribers: number;
  calls: number;
  ms: number;
  /** What the preview counted (email and SMS followers): the audience, once the stream has caught up. */
  counted: number;
}

export interface SeedingFigures {
  subscribers: number;
  seedMs: number;
  itemsPerSecond: number;
  /** Until the audience counters (kept from the stream) count every seeded subscriber. */
  countersMs: number;
}

/** CPU time of a process so far (Linux), in ms. */
async function javaCpuMs(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Waits (up to a minute) until DynamoDB Local has been quiet for a whole second. */
async function quiet(dynamoDbPid: number): Promise<void> {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    const from = await javaCpuMs(dynamoDbPid);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if ((await javaCpuMs(dynamoDbPid)) - from < quietJavaMsPerSecond) return;
  }
}

type Desk = Awaited<ReturnType<typeof runningDesk>>;

/** Messages in both send queues' dead-letter queues (parked by a sender or by the queue itself). */
async function parkedMessages(stack: LocalStack): Promise<number> {
  const sqs = new SQSClient({
    region: localRegion,
    credentials: localCredentials,
    endpoint: new URL(stack.deadLetterUrls.emailSend).origin,
  });
  try {
    const counts = await Promise.all(
      Object.values(sendQueues).map(async (queue) => {
        const { Attributes } = await sqs.send(
          new GetQueueAttributesCommand({
            QueueUrl: stack.deadLetterUrls[queue],
            AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
          }),
        );
        return (
          Number(Attributes?.ApproximateNumberOfMessages ?? 0) +
          Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0)
        );
      }),
    );
    return counts.reduce((sum, count) => sum + count, 0);
  } finally {
    sqs.destroy();
  }
}

interface Counters {
  dynamo: number;
  sqsSent: number;
}

/** Counts calls on the functions' shared clients (imported once the stack has set the environment). */
async function countingClients(): Promise<Counters> {
  const deployed = (await import('../shared/runtime/deployed.ts')) as {
    documents(): DynamoDBDocumentClient;
    sqs(): SQSClient;
  };
  const counters: Counters = { dynamo: 0, sqsSent: 0 };
  deployed.documents().middlewareStack.add(
    (next) => async (args) => {
      counters.dynamo += 1;
      return next(args);
    },
    { step: 'initialize', name: 'benchCountCalls' },
  );
  deployed.sqs().middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { Entries?: unknown[] };
      if (context.commandName === 'SendMessageCommand') counters.sqsSent += 1;
      if (context.commandName === 'SendMessageBatchCommand') counters.sqsSent += input.Entries?.length ?? 0;
      return next(args);
    },
    { step: 'initialize', name: 'benchCountMessages' },
  );
  return counters;
}

/** Email and SMS in the proportion of their rates, so both channels finish together; both languages. */
function subscriber(n: number, now: string, follows = topic): Subscription {
  const emailShare = deliveryRates.email / (deliveryRates.email + deliveryRates.sms);
  // Spread evenly: subscriber n is SMS when the running share of SMS falls behind.
  const channel: Channel =
    Math.floor((n + 1) * (1 - emailShare)) > Math.floor(n * (1 - emailShare)) ? 'sms' : 'email';
  const address =
    channel === 'email' ? `reader-${n}@bench.example.org` : `+86139${String(n).padStart(8, '0')}`;
  const language: Language = n % 3 === 0 ? 'en' : 'zh-CN';
  return {
    id: `bench${String(n).padStart(9, '0')}`,
    channel,
    address,
    addressHash: recipientHash({ channel, address }),
    status: 'active',
    topics: [follows],
    frequency: 'immediate',
    language,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

const channelCount = (subscribers: number, channel: Channel) => {
  let count = 0;
  for (let n = 0; n < subscribers; n++) {
    const emailShare = deliveryRates.email / (deliveryRates.email + deliveryRates.sms);
    const sms = Math.floor((n + 1) * (1 - emailShare)) > Math.floor(n * (1 - emailShare));
    if ((sms ? 'sms' : 'email') === channel) count++;
  }
  return count;
};

/** A case walked to a saved draft (ready to submit), on the subscribers' topic. */
async function draftedCase(
  call: Call,
  tokens: Tokens,
  label: string,
  onTopic = topic,
): Promise<{ id: string; version: number }> {
  const opened = await call('POST', '/admin/cases', {
    token: tokens.reviewer,
    body: { text: `投递测试 ${label}`, topic: onTopic, source: 'staff', severity: 'low' },
  });
  if (opened.status !== 201) throw new Error(`open: ${opened.status} ${opened.text}`);
  const id: string = opened.json.id;
  let version: number = opened.json.version;
  const step = async (method: string, path: string, body?: unknown) => {
    const response = await call(method, `/admin/cases/${id}/${path}`, {
      token: tokens.reviewer,
      ifMatch: version,
      ...(body ? { body } : {}),
    });
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${response.text}`);
    version = response.json.version;
  };
  await step('POST', 'assign', { assignee: 'reviewer-li' });
  await step('POST', 'review', { verdict: 'correction', findings: '核实' });
  await step('PUT', 'draft', { type: 'correction', headline: `更正 ${label}`, body: '受伤人数为1人。' });
  return { id, version };
}

/**
 * Submits and approves a drafted case, then waits until every delivery planned for its correction
 * has ended (sent, parked, suppressed or skipped), or the time allowed has passed.
 */
async function publishAndWait(
  { call, tokens }: Desk,
  drafted: { id: string; version: number },
  audience: number,
  allowedMs: number,
  log: (line: string) => void,
): Promise<{
  correctionId: string;
  counts: { sent: number; parked: number; pending: number; planned: number };
}> {
  const submitted = await call('POST', `/admin/cases/${drafted.id}/submit`, {
    token: tokens.reviewer,
    ifMatch: drafted.version,
  });
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${submitted.text}`);
  const approved = await call('POST', `/admin/cases/${drafted.id}/approve`, {
    token: tokens.otherEditor,
    ifMatch: submitted.json.version,
  });
  if (approved.status !== 200) throw new Error(`approve: ${approved.status} ${approved.text}`);
  const correctionId: string = await eventually(
    async () => (await call('GET', `/admin/cases/${drafted.id}`, { token: tokens.editor })).json.correctionId,
    30_000,
  );
  const deadline = Date.now() + allowedMs;
  for (;;) {
    const reply = await call('GET', `/admin/corrections/${correctionId}/deliveries`, {
      token: tokens.editor,
    });
    const byChannel = ['email', 'sms'].map((channel) => reply.json?.[channel] ?? {});
    const sum = (field: string) => byChannel.reduce((total, c) => total + Number(c[field] ?? 0), 0);
    const counts = {
      sent: sum('sent'),
      parked: sum('parked'),
      pending: sum('pending'),
      planned: sum('planned'),
    };
    if (counts.planned >= audience && counts.pending === 0) return { correctionId, counts };
    if (Date.now() > deadline) {
      log(`delivery: ${audience} not done in time: ${JSON.stringify(counts)}`);
      return { correctionId, counts };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export interface DeliveryBench {
  seeding: SeedingFigures[];
  delivery: DeliveryFigures[];
  preview: PreviewFigures[];
}

export async function measureDelivery(
  desk: Desk,
  double: ProviderDouble,
  log: (line: string) => void = () => undefined,
): Promise<DeliveryBench> {
  const { stack, call, tokens } = desk;
  const counters = await countingClients();
  const { services } = (await import('../functions/admin-subscribers/services.ts')) as {
    services(): Promise<{
      subscriptionImports: { createMany(s: ReadonlyArray<Subscription>): Promise<void> };
    }>;
  };
  const store = (await services()).subscriptionImports;
  const figures: DeliveryBench = { seeding: [], delivery: [], preview: [] };
  let seeded = 0;
  /** The followers an editor's preview of the case counts (email and SMS). */
  const previewOf = async (caseId: string) => {
    const reply = await call('GET', `/admin/cases/${caseId}/audience`, { token: tokens.editor });
    if (reply.status !== 200) throw new Error(`preview: ${reply.status} ${reply.text}`);
    return (reply.json.email as number) + (reply.json.sms as number);
  };

  // Not measured: a correction to a few hundred others first, so that neither DynamoDB Local's JIT
  // nor the desk's first calls weigh on the first size measured.
  const warmAt = new Date().toISOString();
  await store.createMany(
    Array.from({ length: warmUp.subscribers }, (_, i) =>
      subscriber(warmUp.firstId + i, warmAt, warmUp.topic),
    ),
  );
  const warm = await draftedCase(call, tokens, 'warm-up', warmUp.topic);
  await eventually(async () => (await previewOf(warm.id)) === warmUp.subscribers, 5 * 60_000);
  await publishAndWait(desk, warm, warmUp.subscribers, 5 * 60_000, log);
  log('delivery: warmed up');

  for (const size of audienceSizes) {
    // Seed up to this size, in batches, and wait until the audience counters count everyone.
    const seedStart = performance.now();
    const now = new Date().toISOString();
    const batch: Subscription[] = [];
    for (let n = seeded; n < size; n++) batch.push(subscriber(n, now));
    for (let i = 0; i < batch.length; i += 5_000) await store.createMany(batch.slice(i, i + 5_000));
    const seedMs = performance.now() - seedStart;
    const added = size - seeded;
    seeded = size;
    const drafted = await draftedCase(call, tokens, `${size}`);
    const countersStart = performance.now();
    await eventually(async () => (await previewOf(drafted.id)) === size, 30 * 60_000);
    figures.seeding.push({
      subscribers: size,
      seedMs,
      itemsPerSecond: (added * 3) / (seedMs / 1000),
      countersMs: performance.now() - countersStart,
    });
    log(`delivery: ${size} subscribers: ${JSON.stringify(figures.seeding.at(-1))}`);

    // Approval to the last message accepted by the provider.
    const parkedBefore = await parkedMessages(stack);
    const start = {
      dynamo: counters.dynamo,
      sqsSent: counters.sqsSent,
      ...received,
      throttled: double.throttled.email + double.throttled.sms,
    };
    const startedAt = performance.now();
    const cpuBefore = process.cpuUsage();
    const javaBefore = await javaCpuMs(stack.dynamoDbPid);
    const expectedMs =
      Math.max(
        channelCount(size, 'email') / deliveryRates.email,
        channelCount(size, 'sms') / deliveryRates.sms,
      ) * 1000;
    const { correctionId, counts } = await publishAndWait(desk, drafted, size, 3 * expectedMs + 120_000, log);
    const cpu = process.cpuUsage(cpuBefore);
    const javaMs = (await javaCpuMs(stack.dynamoDbPid)) - javaBefore;
    const accepted = double.acceptedBetween(correctionId);
    const recipients = double.received(correctionId);
    figures.delivery.push({
      subscribers: size,
      delivered: recipients.size,
      duplicates: double.accepted(correctionId) - recipients.size,
      parked: Math.max(counts.parked, (await parkedMessages(stack)) - parkedBefore),
      dynamoCallsPerSubscriber: (counters.dynamo - start.dynamo) / size,
      sqsMessagesPerSubscriber:
        (counters.sqsSent -
          start.sqsSent +
          received.planner -
          start.planner +
          received.emailSender -
          start.emailSender +
          received.smsSender -
          start.smsSender) /
        size,
      ms: accepted.last - startedAt,
      expectedMs,
      unfinished: counts.pending + Math.max(0, size - counts.planned),
      firstMessageMs: accepted.first - startedAt,
      throttled: double.throttled.email + double.throttled.sms - start.throttled,
      cpuMsPerSubscriber: {
        desk: (cpu.user + cpu.system) / 1000 / size,
        dynamoDbLocal: javaMs / size,
      },
    });
    log(`delivery: ${size} done: ${JSON.stringify(figures.delivery.at(-1))}`);

    // The preview an editor sees before approving another case to the same audience: its calls and
    // its time, measured once the desk is idle again (nothing else then competes for the machine).
    const previewed = await draftedCase(call, tokens, `${size} preview`);
    await quiet(stack.dynamoDbPid);
    await sequential(preview.untimed, () => previewOf(previewed.id));
    const before = counters.dynamo;
    let counted = 0;
    const latencies = await sequential(preview.timed, async () => {
      counted = await previewOf(previewed.id);
    });
    figures.preview.push({
      subscribers: size,
      calls: (counters.dynamo - before) / preview.timed,
      ms: percentile(latencies, 50),
      counted,
    });
  }
  return figures;
}
