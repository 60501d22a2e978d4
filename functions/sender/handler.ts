/**
 * The sender: one send job per message. A failure is recorded on the Delivery and reported as a
 * batch item failure, so SQS retries it and, after the last attempt, parks it in the dead-letter queue.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type { DeliveryJob } from '../../shared/domain/delivery.ts';
import { queues } from '../../shared/resources/messaging.ts';
import { instrumented } from '../../shared/runtime/invocation.ts';
import { scopedToRecord } from '../../shared/runtime/log-keys.ts';
import { countForTopic, logger, productMetrics } from '../../shared/runtime/observability.ts';
import { services } from '../../shared/runtime/services.ts';
import { DeliveryFailed, sendDelivery } from '../../shared/usecases/send-delivery.ts';

const processor = new BatchProcessor(EventType.SQS);

async function onRecord(record: SQSRecord): Promise<void> {
  const job = JSON.parse(record.body) as DeliveryJob;
  const receives = Number(record.attributes.ApproximateReceiveCount ?? '1');
  const last = receives >= queues.deliverySend.maxReceiveCount;
  try {
    const result = await sendDelivery(await services(), job, { last });
    logger.info('Delivery', { kind: job.kind, outcome: result.outcome });
    if (result.outcome === 'sent') countForTopic(productMetrics.deliveriesSent, result.topic);
  } catch (error) {
    logger.warn('Delivery not sent', {
      kind: job.kind,
      receives,
      parked: last,
      error: (error as Error).message,
    });
    if (error instanceof DeliveryFailed) countForTopic(productMetrics.deliveriesFailed, error.topic);
    throw error;
  }
}

export const handler = instrumented((event: SQSEvent, context) =>
  processPartialResponse(event, scopedToRecord(onRecord), processor, { context }),
);
