import { describe, expect, it, vi } from 'vitest';
import { MetricUnit, metricsNamespace, redactPrivate, serviceName } from './observability.ts';

describe('log redaction', () => {
  it('keeps contacts, addresses, tokens and codes out of log lines, at any depth', () => {
    const line = JSON.stringify(
      {
        caseId: 'c1',
        contact: { email: 'a@example.org' },
        job: { address: '+8613800138000', token: 't', code: '123456' },
      },
      redactPrivate,
    );
    expect(line).toBe(
      '{"caseId":"c1","contact":"[redacted]","job":{"address":"[redacted]","token":"[redacted]","code":"[redacted]"}}',
    );
  });
});

describe('metrics', () => {
  it('are made on first use and published at the end of an invocation, only if something was counted', async () => {
    // Tests run in Powertools' dev mode: metrics go to the global console, and only when enabled.
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
    const written: string[] = [];
    const write = vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
      written.push(String(line));
    });
    try {
      const { metrics, publishStoredMetrics } = await import('./observability.ts');
      publishStoredMetrics();
      expect(written).toEqual([]);
      metrics().addMetric('SweeperRepairs', MetricUnit.Count, 2);
      publishStoredMetrics();
      const lines = written.map((line) => JSON.parse(line));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ SweeperRepairs: 2, service: serviceName });
      expect(lines[0]._aws.CloudWatchMetrics[0].Namespace).toBe(metricsNamespace);
      written.length = 0;
      publishStoredMetrics();
      expect(written).toEqual([]);
    } finally {
      write.mockRestore();
      vi.unstubAllEnvs();
    }
  });
});
