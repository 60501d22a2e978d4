/**
 * A channel's sender: a batch of send jobs from that channel's send queue, paced to the channel's
 * rate across every concurrent sender. Jobs that cannot go now (throttled, no token yet, failed) are
 * made to come back later and reported as batch item failures, so SQS keeps them; a job that failed
 * for real too often is parked by the sender in its queue's dead-letter queue (see
 * shared/usecases/send-batch.ts). Each channel's function passes its own composition root.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { Channel } from '../domain/subscription.ts';
import { errorName } from '../ports/messaging.ts';
import { type SendBatchDeps, sendBatch } from '../usecases/send-batch.ts';
import { instrumented } from './invocation.ts';
import { recordLogKeys, withLogKeys } from './log-keys.ts';
import { countForTopic, productMetrics } from './metrics.ts';
import { logger } from './observability.ts';

/** Time kept back from the invocation's deadline for sending and recording after the last token. */
const sendingMarginMs = 8_000;

export const senderHandler = (channel: Channel, services: () => Promise<SendBatchDeps>) =>
  instrumented(async (event: SQSEvent, context): Promise<SQSBatchResponse> => {
    const remaining = context?.getRemainingTimeInMillis?.() ?? 30_000;
    const { failed, outcomes } = await sendBatch(
      await services(),
      channel,
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
          logger().warn('Send job failed', { error: errorName(result.error) }),
        );
    });
    logger().info('Send batch', {
      channel,
      jobs: outcomes.length,
      sent: outcomes.filter((o) => o.outcome === 'sent').length,
      later: failed.length,
      handedOn: outcomes.filter((o) => o.outcome === 'elsewhere').length,
    });
    return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
  });
