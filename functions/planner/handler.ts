/**
 * The planner runs continuations from the plan queue, one bounded step per message: a
 * correction.published event (from the SNS topic, raw) starts a delivery plan, a `delivery.plan`
 * message goes on with a big audience, and a `continuation.step` is any other kind of continuation
 * (a merge's relinking, closing replies; see shared/usecases/continuation.ts).
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type { ContinuationStep } from '../../shared/ports/continuations.ts';
import type { CorrectionPublished } from '../../shared/ports/correction-events.ts';
import type { PlanStep } from '../../shared/ports/delivery-queues.ts';
import { instrumented } from '../../shared/runtime/invocation.ts';
import { scopedToRecord } from '../../shared/runtime/log-keys.ts';
import { logger } from '../../shared/runtime/observability.ts';
import { runContinuation } from '../../shared/usecases/continuation-kinds.ts';
import { firstStep, planDelivery } from '../../shared/usecases/plan-delivery.ts';
import { services } from './services.ts';

const processor = new BatchProcessor(EventType.SQS);

type Message = CorrectionPublished | PlanStep | ContinuationStep;

async function onRecord(record: SQSRecord): Promise<void> {
  const message = JSON.parse(record.body) as Message;
  const deps = await services();
  if (message.eventType === 'continuation.step') {
    const result = await runContinuation(deps, message);
    logger().info('Ran a continuation step', { kind: message.kind, target: message.target, ...result });
    return;
  }
  let step: PlanStep;
  if (message.eventType === 'correction.published') step = firstStep(message);
  else if (message.eventType === 'delivery.plan') step = message;
  else throw new Error(`Unknown plan message ${String((message as { eventType?: unknown }).eventType)}`);
  const result = await planDelivery(deps, step);
  logger().info('Planned deliveries', {
    correctionId: step.correctionId,
    version: step.version,
    phase: step.position.phase,
    ...result,
  });
}

export const handler = instrumented((event: SQSEvent, context) =>
  processPartialResponse(event, scopedToRecord(onRecord), processor, { context }),
);
