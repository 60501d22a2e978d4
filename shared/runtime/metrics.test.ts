import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addMetric,
  countForTopic,
  metricsNamespace,
  productMetrics,
  publishMetrics,
  takeMetricLines,
} from './metrics.ts';
import { serviceName } from './observability.ts';

interface EmfLine {
  _aws: {
    Timestamp: number;
    CloudWatchMetrics: Array<{
      Namespace: string;
      Dimensions: string[][];
      Metrics: Array<{ Name: string; Unit: string }>;
    }>;
  };
  [key: string]: unknown;
}

const lines = (): EmfLine[] => takeMetricLines(1_800_000_000_000).map((line) => JSON.parse(line) as EmfLine);

afterEach(() => {
  takeMetricLines();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('metrics in the embedded metric format', () => {
  it('write one line per set of dimensions, with every value added in the invocation', () => {
    countForTopic(productMetrics.deliveriesSent, 'personnel');
    countForTopic(productMetrics.deliveriesSent, 'personnel');
    countForTopic(productMetrics.deliveriesThrottled, 'personnel');
    countForTopic(productMetrics.deliveriesSent, 'budget');
    addMetric(productMetrics.sweeperRepairs, 3);

    expect(lines()).toEqual([
      {
        _aws: {
          Timestamp: 1_800_000_000_000,
          CloudWatchMetrics: [
            {
              Namespace: metricsNamespace,
              Dimensions: [['service', 'topic']],
              Metrics: [
                { Name: 'DeliveriesSent', Unit: 'Count' },
                { Name: 'DeliveriesThrottled', Unit: 'Count' },
              ],
            },
          ],
        },
        service: serviceName,
        topic: 'personnel',
        DeliveriesSent: [1, 1],
        DeliveriesThrottled: 1,
      },
      {
        _aws: {
          Timestamp: 1_800_000_000_000,
          CloudWatchMetrics: [
            {
              Namespace: metricsNamespace,
              Dimensions: [['service', 'topic']],
              Metrics: [{ Name: 'DeliveriesSent', Unit: 'Count' }],
            },
          ],
        },
        service: serviceName,
        topic: 'budget',
        DeliveriesSent: 1,
      },
      {
        _aws: {
          Timestamp: 1_800_000_000_000,
          CloudWatchMetrics: [
            {
              Namespace: metricsNamespace,
              Dimensions: [['service']],
              Metrics: [{ Name: 'SweeperRepairs', Unit: 'Count' }],
            },
          ],
        },
        service: serviceName,
        SweeperRepairs: 3,
      },
    ]);
    expect(lines()).toEqual([]);
  });

  it('keep each value of a time, not their sum, and at most 100 values of a metric in a line', () => {
    countForTopic(productMetrics.timeToCorrectionMinutes, 'personnel', 12);
    countForTopic(productMetrics.timeToCorrectionMinutes, 'personnel', 30);
    for (let i = 0; i < 150; i++) countForTopic(productMetrics.deliveriesSent, 'personnel');

    const [first, second, ...rest] = lines();
    expect(rest).toEqual([]);
    expect(first?.TimeToCorrectionMinutes).toEqual([12, 30]);
    expect(first?.DeliveriesSent).toHaveLength(100);
    expect(second?.TimeToCorrectionMinutes).toBeUndefined();
    expect(second?._aws.CloudWatchMetrics[0]?.Metrics).toEqual([{ Name: 'DeliveriesSent', Unit: 'Count' }]);
    expect(second?.DeliveriesSent).toHaveLength(50);
  });

  it('go to stdout at the end of an invocation where Lambda runs the function, and are dropped elsewhere', () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });

    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', '');
    countForTopic(productMetrics.casesOpened, 'personnel');
    publishMetrics();
    expect(written).toEqual([]);

    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'corrections-desk-prod-notifier');
    publishMetrics();
    expect(written).toEqual([]);
    countForTopic(productMetrics.casesOpened, 'personnel');
    addMetric(productMetrics.sweeperRepairs, 0);
    publishMetrics();
    expect(written).toHaveLength(1);
    const output = written.join('');
    expect(output.endsWith('\n')).toBe(true);
    const [opened, repairs] = output
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as EmfLine);
    expect(opened).toMatchObject({ topic: 'personnel', CasesOpened: 1 });
    expect(repairs).toMatchObject({ service: serviceName, SweeperRepairs: 0 });
  });
});
