/**
 * The desk's adapters on a table of its own in the shared DynamoDB Local (and topics in the shared
 * fauxqs), so test files run in parallel without seeing each other's data.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { demoTopics } from '../../local/demo-topics.ts';
import { localCredentials, localRegion, provisionTable } from '../../local/engines.ts';
import { Outbox } from '../../shared/adapters/outbox/outbox.ts';
import type { Topic } from '../../shared/domain/topic.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import type { DeliveryQueues } from '../../shared/ports/delivery-queues.ts';
import { assemble, type Services } from '../../shared/runtime/assemble.ts';
import { readConfig } from '../../shared/runtime/config.ts';
import { randomId } from '../../shared/security/tokens.ts';
import { sendDelivery } from '../../shared/usecases/send-delivery.ts';

/** A clock tests move by hand; it starts at the real time so TTLs and windows behave. */
export class TestClock implements Clock {
  constructor(private at = Date.now()) {}
  now(): string {
    return new Date(this.at).toISOString();
  }
  advance(minutes: number): void {
    this.at += minutes * 60_000;
  }
  /** Moves to a later instant. */
  advanceTo(iso: string): void {
    if (Date.parse(iso) < this.at) throw new Error(`The test clock does not go back to ${iso}`);
    this.at = Date.parse(iso);
  }
}

export async function testDesk(
  options: {
    topics?: Topic[];
    startAt?: string;
    /** The key ring (or a single key); default a fixed test key. */
    secret?: string;
    /** Another desk's table, to look at the same data as that desk (with other keys, say). */
    tableName?: string;
  } = {},
) {
  const tableName = options.tableName ?? `desk-${randomId(10)}`;
  const dynamoEndpoint = inject('dynamoDbEndpoint');
  if (!options.tableName) await provisionTable(dynamoEndpoint, tableName);
  const clientConfig = { region: localRegion, credentials: localCredentials };
  const documents = DynamoDBDocumentClient.from(
    new DynamoDBClient({ ...clientConfig, endpoint: dynamoEndpoint }),
    {
      marshallOptions: { removeUndefinedValues: true },
    },
  );
  const sns = new SNSClient({ ...clientConfig, endpoint: inject('messagingEndpoint') });
  const events = await sns.send(new CreateTopicCommand({ Name: `events-${randomId(8)}` }));
  const outboxFile = join(await mkdtemp(join(tmpdir(), 'desk-outbox-')), 'outbox.jsonl');
  const config = {
    ...readConfig({}),
    tableName,
    correctionEventsTopicArn: events.TopicArn ?? '',
    publicBaseUrl: 'https://corrections.example.org',
    emailTransport: 'outbox' as const,
    smsTransport: 'outbox' as const,
    outboxFile,
  };
  const clock = new TestClock(options.startAt ? Date.parse(options.startAt) : undefined);
  const ses = () => {
    throw new Error('Tests send email through the outbox');
  };
  const sqs = new SQSClient({ ...clientConfig, endpoint: inject('messagingEndpoint') });
  const desk = assemble(
    { documents, sns, sqs, ses, config, secret: options.secret ?? 'test-link-secret' },
    clock,
  );
  if (!options.tableName) for (const topic of options.topics ?? demoTopics) await desk.topics.put(topic);
  const queues = confirmationsSentAtOnce(desk);
  return { ...desk, queues, clock, documents, sns, sqs, tableName, outbox: new Outbox(outboxFile) };
}

/**
 * The desk's queues, except that a subscription request's confirmation is sent as it is queued: the
 * sender's own use case runs on the job at once, so a test reads the link or code from the outbox
 * straight after the request. The queues themselves, and the senders reading them, are tested on
 * queues of their own (tests/delivery/channel-queues.test.ts) and end to end on the local stack.
 */
function confirmationsSentAtOnce(desk: Services): DeliveryQueues {
  const { queues } = desk;
  return {
    send: (jobs) => queues.send(jobs),
    planLater: (step, delaySeconds) => queues.planLater(step, delaySeconds),
    backlog: () => queues.backlog(),
    retryLater: (channel, receipts) => queues.retryLater(channel, receipts),
    park: (channel, bodies) => queues.park(channel, bodies),
    async sendConfirmation(job) {
      const sent = await sendDelivery(desk, job);
      if (sent.outcome === 'retry' || sent.outcome === 'parked')
        throw new Error(`The confirmation was not sent (${sent.outcome})`);
    },
  };
}

export type TestDesk = Awaited<ReturnType<typeof testDesk>>;
