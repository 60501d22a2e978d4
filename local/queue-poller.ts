/**
 * The local stand-in for an SQS event source mapping: receives up to batchSize messages with a short
 * long-poll, hands them to the consumer as an SQSEvent, deletes the ones that succeeded and leaves the
 * failed ones to reappear after the visibility timeout. The queue's redrive policy (fauxqs applies it)
 * parks a message in the dead-letter queue once it has been received maxReceiveCount times.
 * One batch at a time per queue unless `concurrency` says more (deployed, the trigger's maxConcurrency
 * allows several at once; the bench runs them so, to move deployed volumes).
 */
import {
  DeleteMessageBatchCommand,
  type Message,
  type MessageAttributeValue,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSMessageAttribute, SQSRecord } from 'aws-lambda';
import { localRegion } from './engines.ts';
import { describeError, type Log } from './log.ts';
import { type Loop, startLoop } from './loop.ts';

export interface QueueConsumer {
  name: string;
  queueUrl: string;
  queueArn: string;
  batchSize: number;
  /** From the queue's redrive policy, to say when a failure was the message's last chance. */
  maxReceiveCount?: number;
  handle(event: SQSEvent): Promise<unknown>;
}

export interface QueuePollerOptions {
  sqs: SQSClient;
  consumer: QueueConsumer;
  /** How long one receive waits for a message. */
  waitTimeSeconds?: number;
  /** Batches handled at once, each by a loop of its own. Default 1. */
  concurrency?: number;
  log: Log;
}

export function startQueuePoller(options: QueuePollerOptions): Loop {
  const loops = Array.from({ length: Math.max(1, options.concurrency ?? 1) }, () => pollOnce(options));
  return {
    async stop() {
      await Promise.all(loops.map((loop) => loop.stop()));
    },
  };
}

function pollOnce(options: QueuePollerOptions): Loop {
  const { sqs, consumer, log } = options;
  return startLoop(
    `queue poller for ${consumer.name}`,
    async (signal) => {
      let messages: Message[];
      try {
        const received = await sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: consumer.queueUrl,
            MaxNumberOfMessages: consumer.batchSize,
            WaitTimeSeconds: options.waitTimeSeconds ?? 1,
            MessageSystemAttributeNames: ['All'],
            MessageAttributeNames: ['All'],
          }),
          { abortSignal: signal },
        );
        messages = received.Messages ?? [];
      } catch (error) {
        if (signal.aborted) return;
        throw error;
      }
      if (messages.length === 0) return;
      const event: SQSEvent = { Records: messages.map((message) => toSqsRecord(message, consumer.queueArn)) };
      let failed: Set<string>;
      try {
        failed = failedMessageIds(await consumer.handle(event), event);
      } catch (error) {
        log(`${consumer.name}: the handler threw on ${messages.length} message(s): ${describeError(error)}`);
        failed = new Set(event.Records.map((record) => record.messageId));
      }
      await deleteMessages(
        sqs,
        consumer.queueUrl,
        event.Records.filter((record) => !failed.has(record.messageId)),
      );
      for (const record of event.Records.filter((r) => failed.has(r.messageId)))
        log(failureLine(consumer, record));
    },
    log,
  );
}

/**
 * The messages the function reported as failed. As Lambda does, an identifier that names no message of
 * the batch fails the whole batch.
 */
function failedMessageIds(result: unknown, event: SQSEvent): Set<string> {
  const failures = (result as { batchItemFailures?: unknown } | null | undefined)?.batchItemFailures;
  if (!Array.isArray(failures)) return new Set();
  const ids = new Set(event.Records.map((record) => record.messageId));
  const failed = new Set<string>();
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || !ids.has(id)) return ids;
    failed.add(id);
  }
  return failed;
}

async function deleteMessages(sqs: SQSClient, queueUrl: string, records: SQSRecord[]): Promise<void> {
  for (let start = 0; start < records.length; start += 10) {
    const entries = records.slice(start, start + 10).map((record, index) => ({
      Id: String(index),
      ReceiptHandle: record.receiptHandle,
    }));
    const result = await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
    if (result.Failed?.length) {
      throw new Error(`Could not delete handled messages: ${JSON.stringify(result.Failed)}`);
    }
  }
}

function failureLine(consumer: QueueConsumer, record: SQSRecord): string {
  const receives = Number(record.attributes.ApproximateReceiveCount);
  const last = consumer.maxReceiveCount !== undefined && receives >= consumer.maxReceiveCount;
  return last
    ? `${consumer.name}: message ${record.messageId} failed on its last receive (${receives}); the queue moves it to its dead-letter queue`
    : `${consumer.name}: message ${record.messageId} failed (receive ${receives}); it comes back after the visibility timeout`;
}

/** A received message in the shape Lambda gives an SQS-triggered function. */
function toSqsRecord(message: Message, queueArn: string): SQSRecord {
  const system = message.Attributes ?? {};
  return {
    messageId: message.MessageId ?? '',
    receiptHandle: message.ReceiptHandle ?? '',
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount: system.ApproximateReceiveCount ?? '1',
      SentTimestamp: system.SentTimestamp ?? '',
      SenderId: system.SenderId ?? '',
      ApproximateFirstReceiveTimestamp: system.ApproximateFirstReceiveTimestamp ?? '',
      ...(system.AWSTraceHeader ? { AWSTraceHeader: system.AWSTraceHeader } : {}),
    },
    messageAttributes: Object.fromEntries(
      Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [name, messageAttribute(value)]),
    ),
    md5OfBody: message.MD5OfBody ?? '',
    ...(message.MD5OfMessageAttributes ? { md5OfMessageAttributes: message.MD5OfMessageAttributes } : {}),
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: localRegion,
  };
}

/** Lambda's spelling: camel-cased, binary as base64, and the (unused) list fields always present. */
function messageAttribute(value: MessageAttributeValue): SQSMessageAttribute {
  return {
    ...(value.StringValue !== undefined ? { stringValue: value.StringValue } : {}),
    ...(value.BinaryValue !== undefined
      ? { binaryValue: Buffer.from(value.BinaryValue).toString('base64') }
      : {}),
    stringListValues: value.StringListValues ?? [],
    binaryListValues: (value.BinaryListValues ?? []).map((bytes) => Buffer.from(bytes).toString('base64')),
    dataType: value.DataType ?? 'String',
  };
}
