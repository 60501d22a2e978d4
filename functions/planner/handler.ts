/**
 * The planner: each message is a correction.published event (from the SNS topic, raw) or the rest
 * of a big audience handed on by an earlier run; either becomes send jobs, a bounded number per run.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type { CorrectionPublished } from '../../shared/ports/correction-events.ts';
import type { PlanStep } from '../../shared/ports/delivery-queues.ts';
import { instrumented } from '../../shared/runtime/invocation.ts';
import { scopedToRecord } from '../../shared/runtime/log-keys.ts';
import { logger } from '../../shared/runtime/observability.ts';
import { firstStep, planDelivery } from '../../shared/usecases/plan-delivery.ts';
import { services } from './services.ts';

const processor = new BatchProcessor(EventType.SQS);

function stepFrom(record: SQSRecord): PlanStep {
  const message = JSON.parse(record.body) as CorrectionPublished | PlanStep;
  if (message.eventType === 'correction.published') return firstStep(message);
  if (message.eventType === 'delivery.plan') return message;
  throw new Error(`Unknown plan message ${String((message as { eventType?: unknown }).eventType)}`);
}

async function onRecord(record: SQSRecord): Promise<void> {
  const step = stepFrom(record);
  const result = await planDelivery(await services(), step);
  logger.info('Planned deliveries', {
    correctionId: step.correctionId,
    version: step.version,
    phase: step.position.phase,
    ...result,
  });
}

export const handler = instrumented((event: SQSEvent, context) =>
  processPartialResponse(event, scopedToRecord(onRecord), processor, { context }),
);
