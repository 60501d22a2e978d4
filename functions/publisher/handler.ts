/**
 * The publisher, on the table's stream, dispatching two kinds of record:
 * - a case moving into approved: publish its correction (the version, the case, the log entry and
 *   the announcement, in one transaction);
 * - an announcement written (by that transaction, or an editor's re-announcement): the announcer
 *   sends it to the correction-events topic and marks it done (the outbox's relay).
 * The event source filters select those records; the code checks again, since filters cannot compare
 * the old and new images.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { announcementWritten, caseImages } from '../../shared/adapters/dynamodb/stream-images.ts';
import { instrumented } from '../../shared/runtime/invocation.ts';
import { scopedToRecord } from '../../shared/runtime/log-keys.ts';
import { countForTopic, productMetrics } from '../../shared/runtime/metrics.ts';
import { logger } from '../../shared/runtime/observability.ts';
import { announce } from '../../shared/usecases/announce.ts';
import { publishCorrection } from '../../shared/usecases/publish-correction.ts';
import { services } from './services.ts';

const processor = new BatchProcessor(EventType.DynamoDBStreams);

async function onRecord(record: DynamoDBRecord): Promise<void> {
  const announcement = announcementWritten(record);
  if (announcement) {
    const outcome = await announce(await services(), announcement);
    logger().info('Announcement', { ...announcement, outcome });
    return;
  }
  const { before, after } = caseImages(record);
  if (after?.status !== 'approved' || before?.status === 'approved') return;
  const result = await publishCorrection(await services(), after.id);
  if (result.outcome !== 'published') {
    logger().info('Nothing new to publish', { caseId: after.id, outcome: result.outcome });
    return;
  }
  logger().info('Published', {
    caseId: after.id,
    correctionId: result.correction.id,
    version: result.correction.version,
  });
  countForTopic(productMetrics.correctionsPublished, result.correction.topic);
  countForTopic(productMetrics.timeToCorrectionMinutes, result.correction.topic, result.minutesToCorrection);
}

export const handler = instrumented((event: DynamoDBStreamEvent, context) =>
  processPartialResponse(event, scopedToRecord(onRecord), processor, { context }),
);
