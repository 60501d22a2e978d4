/**
 * The notifier, on the table's stream: counts new cases, keeps the audience counters from follow items
 * and reporter marks, alerts the editors when a case becomes high or critical, and starts the
 * continuations that tell a closed case's reporters (or move a merged duplicate's reports) and that
 * let an ended case's reporter contacts expire. The event source filters select those records; the
 * code checks the change again (filters cannot compare images).
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { audienceChange } from '../../shared/adapters/dynamodb/audience-images.ts';
import { caseImages } from '../../shared/adapters/dynamodb/stream-images.ts';
import { instrumented } from '../../shared/runtime/invocation.ts';
import { scopedToRecord } from '../../shared/runtime/log-keys.ts';
import { countForTopic, productMetrics } from '../../shared/runtime/metrics.ts';
import { logger } from '../../shared/runtime/observability.ts';
import { alertIfUrgent, expireContactsOnEnd, onCaseClosed } from '../../shared/usecases/notify.ts';
import { services } from './services.ts';

const processor = new BatchProcessor(EventType.DynamoDBStreams);

async function onRecord(record: DynamoDBRecord): Promise<void> {
  const deps = await services();
  const change = audienceChange(record);
  if (change) await deps.audienceChanges.apply(change.id, change.deltas);
  const { before, after } = caseImages(record);
  if (!after) return;
  if (record.eventName === 'INSERT') countForTopic(productMetrics.casesOpened, after.topic);
  if (await alertIfUrgent(deps, before, after))
    logger().info('Alerted editors', { caseId: after.id, severity: after.severity });
  if (after.status === 'closed' && before && before.status !== 'closed') {
    const started = await onCaseClosed(deps, after);
    logger().info('Started a continuation', { caseId: after.id, kind: started });
  }
  if (await expireContactsOnEnd(deps, before, after))
    logger().info('Started a continuation', { caseId: after.id, kind: 'contact-expiry' });
}

export const handler = instrumented((event: DynamoDBStreamEvent, context) =>
  processPartialResponse(event, scopedToRecord(onRecord), processor, { context }),
);
