/**
 * The queue pollers in a running stack, with fixture handlers: the SQS events the queue functions get,
 * partial batch failures, retries after the visibility timeout, the dead-letter queue, and the stand-in
 * for the staff's alert emails.
 */
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { localCredentials, localRegion } from '../../local/engines.ts';
import { type LocalStack, startLocalStack } from '../../local/stack.ts';
import { queues } from '../../shared/resources/messaging.ts';
import { collectingLog, fixtureHandlers } from './support.ts';

let stack: LocalStack;
let sqs: SQSClient;
let sns: SNSClient;
const { lines, log } = collectingLog();
const received: Record<'planner' | 'smsSender', SQSRecord[]> = { planner: [], smsSender: [] };
let plannerThrows = 0;

beforeAll(async () => {
  stack = await startLocalStack({
    log,
    queueVisibilityTimeoutSeconds: 1,
    alertEmails: ['chief@example.org', 'desk@example.org'],
    handlers: fixtureHandlers({
      planner: async (event): Promise<SQSBatchResponse> => {
        const records = (event as SQSEvent).Records;
        received.planner.push(...records);
        if (plannerThrows > 0) {
          plannerThrows -= 1;
          throw new Error('planner is down');
        }
        return {
          batchItemFailures: records
            .filter((record) => record.body.startsWith('fail'))
            .map((record) => ({ itemIdentifier: record.messageId })),
        };
      },
      smsSender: async (event): Promise<SQSBatchResponse> => {
        const records = (event as SQSEvent).Records;
        received.smsSender.push(...records);
        return {
          batchItemFailures: records
            .filter((record) => record.body.startsWith('fail'))
            .map((record) => ({ itemIdentifier: record.messageId })),
        };
      },
    }),
  });
  const config = { endpoint: stack.endpoints.messaging, region: localRegion, credentials: localCredentials };
  sqs = new SQSClient(config);
  sns = new SNSClient(config);
});

afterAll(async () => {
  sqs?.destroy();
  sns?.destroy();
  await stack?.stop();
});

const waitFor = <T>(check: () => T | Promise<T>, timeout = 30_000) =>
  vi.waitFor(check, { timeout, interval: 100 });
const bodies = (records: SQSRecord[]) => records.map((record) => record.body);

describe('the queue pollers', () => {
  it('hand the function a real SQS event', async () => {
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: stack.queueUrls.smsSend,
        MessageBody: '{"text":"更正：第三段"}',
        MessageAttributes: {
          channel: { DataType: 'String', StringValue: 'sms' },
          blob: { DataType: 'Binary', BinaryValue: Buffer.from('二进制') },
        },
      }),
    );
    await waitFor(() => expect(bodies(received.smsSender)).toContain('{"text":"更正：第三段"}'));
    const record = received.smsSender.find((r) => r.body === '{"text":"更正：第三段"}') as SQSRecord;
    expect(record).toMatchObject({
      eventSource: 'aws:sqs',
      awsRegion: localRegion,
      eventSourceARN: expect.stringMatching(/^arn:aws:sqs:.*:sms-send$/),
      md5OfBody: expect.stringMatching(/^[0-9a-f]{32}$/),
      messageAttributes: {
        channel: { stringValue: 'sms', stringListValues: [], binaryListValues: [], dataType: 'String' },
        blob: {
          binaryValue: Buffer.from('二进制').toString('base64'),
          stringListValues: [],
          binaryListValues: [],
          dataType: 'Binary',
        },
      },
    });
    expect(record.messageId).toEqual(expect.any(String));
    expect(record.receiptHandle).toEqual(expect.any(String));
    expect(record.attributes.ApproximateReceiveCount).toBe('1');
    expect(Number(record.attributes.SentTimestamp)).toBeGreaterThan(Date.now() - 60_000);
    expect(Number(record.attributes.ApproximateFirstReceiveTimestamp)).toBeGreaterThanOrEqual(
      Number(record.attributes.SentTimestamp),
    );
  });

  // On the plan queue: a send queue's own count is a backstop far above its sender's parking.
  it('delete what succeeded, retry what failed, and leave it in the dead-letter queue in the end', async () => {
    await sqs.send(
      new SendMessageCommand({ QueueUrl: stack.queueUrls.deliveryPlan, MessageBody: 'fail: bounce' }),
    );
    await sqs.send(
      new SendMessageCommand({ QueueUrl: stack.queueUrls.deliveryPlan, MessageBody: 'ok: planned' }),
    );
    const { maxReceiveCount } = queues.deliveryPlan;
    const parked = await waitFor(async () => {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl: stack.deadLetterUrls.deliveryPlan, VisibilityTimeout: 0 }),
      );
      expect(Messages.map((message) => message.Body)).toEqual(['fail: bounce']);
      return Messages;
    }, 60_000);
    expect(parked).toHaveLength(1);
    const attempts = received.planner.filter((record) => record.body === 'fail: bounce');
    expect(attempts.map((record) => record.attributes.ApproximateReceiveCount)).toEqual(
      Array.from({ length: maxReceiveCount }, (_, index) => String(index + 1)),
    );
    expect(received.planner.filter((record) => record.body === 'ok: planned')).toHaveLength(1);
    expect(
      lines.some((line) => line.includes('failed on its last receive') && line.includes('dead-letter')),
    ).toBe(true);
  });

  it('leave the whole batch when the handler throws', async () => {
    plannerThrows = 1;
    await sqs.send(
      new SendMessageCommand({ QueueUrl: stack.queueUrls.deliveryPlan, MessageBody: 'plan me' }),
    );
    const planMe = () => received.planner.filter((record) => record.body === 'plan me');
    await waitFor(() => expect(planMe()).toHaveLength(2));
    expect(planMe().map((record) => record.attributes.ApproximateReceiveCount)).toEqual(['1', '2']);
    expect(lines.some((line) => line.includes('planner is down'))).toBe(true);
  });
});

describe('the alert emails stand-in', () => {
  it('writes one outbox email per address for each message on the editors topic', async () => {
    await sns.send(
      new PublishCommand({
        TopicArn: stack.topicArns.editorAlerts,
        Subject: '每日摘要 2026-03-01',
        Message: '待处理：3 件；逾期：1 件。',
        MessageAttributes: { kind: { DataType: 'String', StringValue: 'digest' } },
      }),
    );
    await sns.send(
      new PublishCommand({
        TopicArn: stack.topicArns.editorAlerts,
        Subject: 'Critical case',
        Message: '紧急：c-42',
      }),
    );
    await waitFor(async () => expect(await stack.outbox.read()).toHaveLength(4));
    const mail = await stack.outbox.read();
    expect(mail.map(({ at: _at, ...rest }) => rest)).toEqual([
      {
        channel: 'email',
        address: 'chief@example.org',
        kind: 'digest',
        subject: '每日摘要 2026-03-01',
        body: '待处理：3 件；逾期：1 件。',
      },
      {
        channel: 'email',
        address: 'desk@example.org',
        kind: 'digest',
        subject: '每日摘要 2026-03-01',
        body: '待处理：3 件；逾期：1 件。',
      },
      {
        channel: 'email',
        address: 'chief@example.org',
        kind: 'alert',
        subject: 'Critical case',
        body: '紧急：c-42',
      },
      {
        channel: 'email',
        address: 'desk@example.org',
        kind: 'alert',
        subject: 'Critical case',
        body: '紧急：c-42',
      },
    ]);
    expect((await stack.outbox.read('desk@example.org')).map((message) => message.kind)).toEqual([
      'digest',
      'alert',
    ]);
  });
});
