/**
 * The product's metrics, in CloudWatch's embedded metric format (EMF): JSON lines on stdout that
 * CloudWatch Logs turns into metrics, with no API call. Values are kept through an invocation and
 * written at its end, one line per set of dimensions with every value counted (EMF takes up to 100 a
 * metric in a line), so a sender's batch of ten is one line, not ten, and a time keeps its spread.
 *
 * Written here rather than with Powertools Metrics: the desk only adds values per topic, and that
 * library (10.5 kB minified, for its buffering, validation and cold-start metric) was what kept the
 * email sender's bundle over its 400 kB goal.
 */
import { serviceName } from './observability.ts';

export const metricsNamespace = 'CorrectionsDesk';

/** The product's metrics. All but the sweeper's are counted per topic so the dashboard can split them. */
export const productMetrics = {
  casesOpened: 'CasesOpened',
  correctionsPublished: 'CorrectionsPublished',
  timeToCorrectionMinutes: 'TimeToCorrectionMinutes',
  deliveriesSent: 'DeliveriesSent',
  deliveriesFailed: 'DeliveriesFailed',
  deliveriesParked: 'DeliveriesParked',
  sweeperRepairs: 'SweeperRepairs',
  deliveriesThrottled: 'DeliveriesThrottled',
} as const;
export type ProductMetric = (typeof productMetrics)[keyof typeof productMetrics];

/** EMF's most values for one metric in one line. */
const valuesPerLine = 100;

/** Per set of dimensions (keyed by its JSON), the values of each metric since the last line. */
const pending = new Map<
  string,
  { dimensions: Record<string, string>; metrics: Map<ProductMetric, number[]> }
>();

/** Adds a value (a count by default) to `name`, under the service's dimension and `dimensions`. */
export function addMetric(name: ProductMetric, value = 1, dimensions: Record<string, string> = {}): void {
  const all = { service: serviceName, ...dimensions };
  const key = JSON.stringify(all);
  const set = pending.get(key) ?? { dimensions: all, metrics: new Map<ProductMetric, number[]>() };
  pending.set(key, set);
  const { metrics } = set;
  const values = metrics.get(name) ?? [];
  metrics.set(name, values);
  values.push(value);
}

export const countForTopic = (name: ProductMetric, topic: string, value = 1): void =>
  addMetric(name, value, { topic });

/**
 * The EMF lines for what was added since the last call, which it clears. Every value is a Count, as
 * the dashboard and alarms read them (a time to correction is a count of minutes).
 */
export function takeMetricLines(at = Date.now()): string[] {
  const lines: string[] = [];
  for (const { dimensions, metrics } of pending.values()) {
    const names = [...metrics.keys()];
    for (let i = 0; names.some((name) => (metrics.get(name)?.length ?? 0) > i); i += valuesPerLine) {
      const slice = names
        .map((name) => [name, metrics.get(name)?.slice(i, i + valuesPerLine) ?? []] as const)
        .filter(([, values]) => values.length > 0);
      lines.push(
        JSON.stringify({
          _aws: {
            Timestamp: at,
            CloudWatchMetrics: [
              {
                Namespace: metricsNamespace,
                Dimensions: [Object.keys(dimensions)],
                Metrics: slice.map(([name]) => ({ Name: name, Unit: 'Count' })),
              },
            ],
          },
          ...dimensions,
          ...Object.fromEntries(
            slice.map(([name, values]) => [name, values.length === 1 ? values[0] : values]),
          ),
        }),
      );
    }
  }
  pending.clear();
  return lines;
}

/**
 * At the end of an invocation: writes the lines to stdout itself, not through `console`, which Lambda
 * wraps in its own JSON log records (EMF must be the line's root). Only where Lambda runs the function:
 * the local stack and the tests have no CloudWatch to read them, and drop them.
 */
export function publishMetrics(): void {
  const lines = takeMetricLines();
  if (lines.length > 0 && process.env.AWS_LAMBDA_FUNCTION_NAME) process.stdout.write(`${lines.join('\n')}\n`);
}
