/**
 * The daily digests, on EventBridge Scheduler: the subscribers' (it starts the digests of the day,
 * and on Mondays the week, that has just ended, which the planner then runs as continuations), and
 * the editors' (built from the table, sent to the editors' topic).
 */
import type { ScheduledEvent } from 'aws-lambda';
import { instrumented } from '../../shared/runtime/invocation.ts';
import { logger } from '../../shared/runtime/observability.ts';
import { startDigests } from '../../shared/usecases/correction-digest.ts';
import { buildDigest, digestMessage } from '../../shared/usecases/digest.ts';
import { services } from './services.ts';

export const handler = instrumented(async (event?: Partial<ScheduledEvent>) => {
  const deps = await services();
  // The schedule's own time: a retried invocation starts the same periods (and they run once).
  const periods = await startDigests(deps, event?.time ?? deps.clock.now());
  logger().info('Started the subscribers’ digests', { periods });
  const digest = await buildDigest(deps);
  await deps.alerts.publish({
    kind: 'digest',
    ...digestMessage(digest, {
      language: deps.config.alertLanguage,
      timeZone: deps.config.timeZone,
      consoleUrl: deps.consoleUrl,
    }),
  });
  logger().info('Digest sent', { overdue: digest.overdue.length, newSince: digest.newSince });
  return { ...digest, subscriberDigests: periods };
});
