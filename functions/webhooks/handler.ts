/**
 * The webhook sender: each message is a correction.published event (raw from the SNS topic), fanned
 * out to one call job per active webhook, or a call job, made once and retried later on failure (a
 * batch item failure whose message waits out its backoff). The log names the webhook, never its URL.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type { CorrectionPublished } from '../../shared/ports/correction-events.ts';
import type { WebhookCallJob } from '../../shared/ports/webhook-queue.ts';
import { instrumented } from '../../shared/runtime/invocation.ts';
import { scopedToRecord } from '../../shared/runtime/log-keys.ts';
import { logger } from '../../shared/runtime/observability.ts';
import { callWebhook, fanOutToWebhooks, RetryLater } from '../../shared/usecases/deliver-webhooks.ts';
import { services } from './services.ts';

const processor = new BatchProcessor(EventType.SQS);

async function onRecord(record: SQSRecord): Promise<void> {
  const message = JSON.parse(record.body) as CorrectionPublished | WebhookCallJob;
  const deps = await services();
  if ('eventType' in message && message.eventType === 'correction.published') {
    const queued = await fanOutToWebhooks(deps, message);
    logger().info('Webhook calls queued', {
      correctionId: message.correctionId,
      version: message.version,
      queued,
    });
    return;
  }
  if (!('kind' in message) || message.kind !== 'webhook.call') throw new Error('Unknown webhook message');
  try {
    const result = await callWebhook(deps, message, { receiptHandle: record.receiptHandle });
    logger().info('Webhook call', {
      webhookId: message.webhookId,
      eventId: message.eventId,
      outcome: result.outcome,
      ...result.call,
    });
  } catch (error) {
    if (error instanceof RetryLater) {
      logger().warn('Webhook call failed; retried later', {
        webhookId: message.webhookId,
        eventId: message.eventId,
        ...error.result,
      });
    }
    throw error;
  }
}

export const handler = instrumented((event: SQSEvent, context) =>
  processPartialResponse(event, scopedToRecord(onRecord), processor, { context }),
);
