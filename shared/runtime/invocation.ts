/** What every handler does around its work: log context and correlation id in, metrics out. */
import type { Context } from 'aws-lambda';
import { logger, metrics } from './observability.ts';

export function instrumented<E, R>(work: (event: E, context: Context) => Promise<R>) {
  return async (event: E, context: Context): Promise<R> => {
    if (context?.functionName) logger.addContext(context);
    const requestId = (event as { requestContext?: { requestId?: string } })?.requestContext?.requestId;
    if (requestId) logger.setCorrelationId(requestId);
    try {
      return await work(event, context);
    } finally {
      // Single-metric (per-topic) emits flush on their own; publish only what is still buffered.
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
      logger.resetKeys();
    }
  };
}
