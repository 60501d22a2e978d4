/**
 * The Powertools instances every function shares, created once per container: structured logs with
 * private fields redacted, and EMF metrics. Tracing lives in tracing.ts alone.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { ScopedLogFormatter } from './log-keys.ts';

export const serviceName = 'corrections-desk';
export const metricsNamespace = 'CorrectionsDesk';

/** Keys whose values never reach a log line, wherever they appear. */
const privateKeys = new Set([
  'contact',
  'email',
  'phone',
  'address',
  'token',
  'trackingToken',
  'code',
  'authorization',
]);

/** JSON.stringify replacer for log lines: private values never leave the function. */
export const redactPrivate = (key: string, value: unknown): unknown =>
  privateKeys.has(key) ? '[redacted]' : value;

/** JSON lines at the level of POWERTOOLS_LOG_LEVEL (or Lambda's application log level when set). */
export const logger = new Logger({
  serviceName,
  jsonReplacerFn: redactPrivate,
  logFormatter: new ScopedLogFormatter(),
});

export const metrics = new Metrics({ namespace: metricsNamespace, serviceName });

/** The product's metrics, each counted per topic so the dashboard can split them. */
export const productMetrics = {
  casesOpened: 'CasesOpened',
  correctionsPublished: 'CorrectionsPublished',
  timeToCorrectionMinutes: 'TimeToCorrectionMinutes',
  deliveriesSent: 'DeliveriesSent',
  deliveriesFailed: 'DeliveriesFailed',
  deliveriesParked: 'DeliveriesParked',
  deliveriesThrottled: 'DeliveriesThrottled',
} as const;

export function countForTopic(
  name: (typeof productMetrics)[keyof typeof productMetrics],
  topic: string,
  value = 1,
  unit: (typeof MetricUnit)[keyof typeof MetricUnit] = MetricUnit.Count,
): void {
  const single = metrics.singleMetric();
  single.addDimension('topic', topic);
  single.addMetric(name, unit, value);
}

export { MetricUnit };
