/**
 * The sweeper, every few minutes: re-drives cases stuck in approved and announcements still pending
 * (see shared/usecases/sweep.ts). Every repair is counted (SweeperRepairs): the pipeline should never
 * need one, so an alarm watches the count.
 */
import { instrumented } from '../../shared/runtime/invocation.ts';
import { addMetric, productMetrics } from '../../shared/runtime/metrics.ts';
import { logger } from '../../shared/runtime/observability.ts';
import { sweep } from '../../shared/usecases/sweep.ts';
import { services } from './services.ts';

export const handler = instrumented(async () => {
  const repaired = await sweep(await services());
  addMetric(productMetrics.sweeperRepairs, repaired.cases + repaired.announcements);
  if (repaired.cases + repaired.announcements > 0) logger().warn('Sweeper repaired', repaired);
  return repaired;
});
