/**
 * The suppressor: SES bounce and complaint events (configuration set → SNS → this queue). A permanent
 * bounce or a complaint suppresses the address and ends its subscription; other events change nothing.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { suppressionsFromSes } from '../../shared/adapters/ses/suppression-events.ts';
import { instrumented } from '../../shared/runtime/invocation.ts';
import { logger } from '../../shared/runtime/observability.ts';
import { suppressAddress } from '../../shared/usecases/suppress-address.ts';
import { services } from './services.ts';

const processor = new BatchProcessor(EventType.SQS);

async function onRecord(record: SQSRecord): Promise<void> {
  const deps = await services();
  for (const { recipient, reason } of suppressionsFromSes(record.body)) {
    const result = await suppressAddress(deps, recipient, reason);
    logger().info('Suppressed an address', { channel: recipient.channel, reason, ...result });
  }
}

export const handler = instrumented((event: SQSEvent, context) =>
  processPartialResponse(event, onRecord, processor, { context }),
);
