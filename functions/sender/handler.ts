/**
 * The sender: a batch of send jobs from the send queue, paced to each channel's rate across every
 * concurrent sender. Jobs that cannot go now (throttled, no token yet, failed) are made to come back
 * later and reported as batch item failures, so SQS keeps them; a job that failed for real too often
 * is parked by the sender in the dead-letter queue (see shared/usecases/send-batch.ts).
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { errorName } from '../../shared/ports/messaging.ts';
import { instrumented } from '../../shared/runtime/invocation.ts';
import { recordLogKeys, withLogKeys } from '../../shared/runtime/log-keys.ts';
import { countForTopic, logger, productMetrics } from '../../shared/runtime/observability.ts';
import { sendBatch } from '../../shared/usecases/send-batch.ts';
import { services } from './services.ts';

/** Time kept back from the invocation's deadline for sending and recording after the last token. */
const sendingMarginMs = 8_000;

export const handler = instrumented(async (event: SQSEvent, context): Promise<SQSBatchResponse> => {
  const remaining = context?.getRemainingTimeInMillis?.() ?? 30_000;
  const { failed, outcomes } = await sendBatch(
    await services(),
    event.Records.map((record) => ({
      id: record.messageId,
      body: record.body,
      receipt: record.receiptHandle,
      receives: Number(record.attributes.ApproximateReceiveCount ?? '1'),
    })),
    Date.now() + Math.max(1_000, remaining - sendingMarginMs),
  );
  outcomes.forEach((result, i) => {
    if (result.outcome === 'sent') countForTopic(productMetrics.deliveriesSent, result.topic);
    else if (result.outcome === 'parked') countForTopic(productMetrics.deliveriesParked, result.topic);
    else if (result.outcome === 'retry' && result.reason === 'failed' && result.topic)
      countForTopic(productMetrics.deliveriesFailed, result.topic);
    else if (result.outcome === 'retry' && result.reason === 'throttled' && result.topic)
      countForTopic(productMetrics.deliveriesThrottled, result.topic);
    else if (result.outcome === 'error')
      withLogKeys(recordLogKeys(event.Records[i]), () =>
        logger.warn('Send job failed', { error: errorName(result.error) }),
      );
  });
  logger.info('Send batch', {
    jobs: outcomes.length,
    sent: outcomes.filter((o) => o.outcome === 'sent').length,
    later: failed.length,
  });
  return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
});
