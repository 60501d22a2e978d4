/** `npm run cost` against a hand calculation, and the CLI as an operator runs it. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { estimate } from '../../scripts/cost/estimate.ts';

describe('the monthly cost estimate', () => {
  it('matches a hand calculation for a city bureau: 20,000 emails, 5,000 SMS to China, 10 corrections', () => {
    const result = estimate({
      emails: 20_000,
      sms: 5_000,
      corrections: 10,
      country: 'CN',
      editors: 10,
      tableGb: 1,
    });
    const usd = Object.fromEntries(result.lines.map((line) => [line.item, line.usd]));
    // By hand, from the list prices and the stated assumptions (25,000 messages; 250 planner pages of
    // 100; one in five opens the link: 5,000 views; one view in five reaches the function: 1,000 pages).
    const hand = {
      'SES email': 20_000 * 0.0001, // 2.00
      'SMS to CN': 5_000 * 0.0327, // 163.50
      'Lambda duration': (25_000 * 0.05 + 250 * 0.5 + 10 * 0.5 + 1_000 * 0.05) * 0.0000133334, // 1,430 GB-s
      'Lambda invocations': (2_500 + 250 + 10 + 1_000) * 0.0000002,
      'DynamoDB writes': (25_000 * 4 + 10 * 20) * 0.000000625,
      'DynamoDB reads': (25_000 * 3 + 250 * 50 + 10 * 20 + 1_000 * 5) * 0.000000125,
      'DynamoDB storage': 0.25,
      'Point-in-time recovery': 0.2,
      'AWS Backup storage': 47 * 0.1, // 35 daily + 12 monthly full copies of 1 GB
      'SQS requests': (25_000 * 3 + 250 * 3) * 0.0000004,
      'SNS publishes': 10 * 0.0000005,
      'HTTP API requests': 1_000 * 0.000001,
      'CloudFront requests': 5_000 * 0.000001,
      'CloudFront data out': ((5_000 * 50) / 1e6) * 0.085,
      'WAF web ACL': 5,
      'WAF rules': 4,
      'WAF requests': 5_000 * 0.0000006,
      'CloudWatch Logs ingestion': 0.026 * 0.5, // 26,000 events of 1 KB
      'CloudWatch Logs storage': 0.026 * 6 * 0.03,
      'CloudWatch alarms': 45 * 0.1,
      'CloudWatch dashboard': 3,
      'KMS keys': 2,
      'Secrets Manager': 0.4,
      'Cognito (Plus)': 10 * 0.02,
    };
    expect(Object.keys(usd)).toEqual(Object.keys(hand));
    for (const [item, value] of Object.entries(hand)) expect(usd[item], item).toBeCloseTo(value, 9);
    const total = Object.values(hand).reduce((sum, value) => sum + value, 0);
    expect(result.totalUsd).toBeCloseTo(total, 9);
    expect(result.totalUsd).toBeCloseTo(189.92, 2);
    expect(result.smsShare).toBeCloseTo(163.5 / total, 9);
  });

  it('puts SMS at 85–97% of the bill at a million emails and 100,000 SMS, as issue 14 says', () => {
    const share = (country: 'US' | 'CN') =>
      estimate({ emails: 1_000_000, sms: 100_000, corrections: 60, country, editors: 10, tableGb: 1 })
        .smsShare;
    expect(share('US')).toBeGreaterThan(0.85);
    expect(share('CN')).toBeLessThan(0.97);
    expect(share('CN')).toBeGreaterThan(share('US'));
  });

  it('prints the table, dated, from npm run cost', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      'scripts/cost.ts',
      '--emails',
      '20000',
      '--sms',
      '5000',
      '--corrections',
      '10',
      '--country',
      'cn',
    ]);
    expect(stdout).toContain('Prices as of 2025-06');
    expect(stdout).toMatch(/SMS to CN\s+5000\s+SMS part\s+0\.0327\s+163\.50/);
    expect(stdout).toContain('Total: USD 189.92 a month');
  });
});
