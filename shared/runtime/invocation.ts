/** What every handler does around its work: log context and request id in, metrics out (one line per set of dimensions). */
import type { Context } from 'aws-lambda';
import { withLogKeys } from './log-keys.ts';
import { publishMetrics } from './metrics.ts';
import { logger } from './observability.ts';

export function instrumented<E, R>(work: (event: E, context: Context) => Promise<R>) {
  return async (event: E, context: Context): Promise<R> => {
    if (context?.functionName) logger().addContext(context);
    // The API's request id: the response's apigw-requestid header shows the same value.
    const requestId = (event as { requestContext?: { requestId?: string } })?.requestContext?.requestId;
    try {
      // The function's name and request id too: the local stack runs invocations side by side in one
      // process, where the logger's own (container-wide) Lambda context would name another one.
      const keys = {
        function_name: context?.functionName,
        function_request_id: context?.awsRequestId,
        correlation_id: requestId,
      };
      return await withLogKeys(keys, () => work(event, context));
    } finally {
      publishMetrics();
      logger().resetKeys();
    }
  };
}
