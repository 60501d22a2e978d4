/** The daily digest, on EventBridge Scheduler: built from the table, sent to the editors' topic. */
import { instrumented } from '../../shared/runtime/invocation.ts';
import { logger } from '../../shared/runtime/observability.ts';
import { buildDigest, digestMessage } from '../../shared/usecases/digest.ts';
import { services } from './services.ts';

export const handler = instrumented(async () => {
  const deps = await services();
  const digest = await buildDigest(deps);
  await deps.alerts.publish({
    kind: 'digest',
    ...digestMessage(digest, {
      language: deps.config.alertLanguage,
      timeZone: deps.config.timeZone,
      consoleUrl: deps.consoleUrl,
    }),
  });
  logger.info('Digest sent', { overdue: digest.overdue.length, newSince: digest.newSince });
  return digest;
});
