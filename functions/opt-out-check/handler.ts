/**
 * The opt-out check, on EventBridge Scheduler: numbers on SNS's opted-out list (people who replied
 * STOP) are suppressed and their subscriptions end, a bounded number of pages per run.
 */
import { instrumented } from '../../shared/runtime/invocation.ts';
import { logger } from '../../shared/runtime/observability.ts';
import { importOptOuts } from '../../shared/usecases/import-opt-outs.ts';
import { services } from './services.ts';

export const handler = instrumented(async () => {
  const result = await importOptOuts(await services());
  logger().info('Imported SMS opt-outs', result);
  return result;
});
