/**
 * The price table `npm run cost` uses: USD, on-demand, us-east-1 unless a line says otherwise, no free
 * tier, no taxes, no discounts. Prices change: check each line against its page before a budget is
 * signed, and update `asOf` with the table.
 *
 * As of 2025-06, from the public AWS pricing pages named in `source` (aws.amazon.com/<service>/pricing/).
 * Written from those pages without network access in this repository's build: the figures are the
 * published list prices as the authors knew them, not fetched, so confirm them (docs/cost.md).
 */
export const asOf = '2025-06';

export interface Price {
  usd: number;
  per: string;
  source: string;
}

const price = (usd: number, per: string, source: string): Price => ({ usd, per, source });

export const prices = {
  sesEmail: price(0.1 / 1000, 'email sent', 'Amazon SES pricing: outbound email, $0.10 per 1,000'),
  /** One segment per message: the desk refuses SMS that would need two (shared/domain/sms.ts). */
  sms: {
    US: price(
      0.00581 + 0.00302,
      'SMS part',
      'AWS End User Messaging pricing: US base $0.00581 + 10DLC carrier fee ~$0.00302',
    ),
    CN: price(0.0327, 'SMS part', 'AWS End User Messaging pricing: China (+86), ~$0.0327'),
    GB: price(0.0398, 'SMS part', 'AWS End User Messaging pricing: United Kingdom, ~$0.0398'),
    DE: price(0.0914, 'SMS part', 'AWS End User Messaging pricing: Germany, ~$0.0914'),
    HK: price(0.0414, 'SMS part', 'AWS End User Messaging pricing: Hong Kong, ~$0.0414'),
  },
  lambdaGbSecond: price(0.0000133334, 'GB-second (arm64)', 'AWS Lambda pricing: Arm duration'),
  lambdaRequest: price(0.2 / 1e6, 'invocation', 'AWS Lambda pricing: $0.20 per 1M requests'),
  dynamoWrite: price(
    0.625 / 1e6,
    'write request unit',
    'Amazon DynamoDB pricing: on-demand, $0.625 per million WRU',
  ),
  dynamoRead: price(
    0.125 / 1e6,
    'read request unit',
    'Amazon DynamoDB pricing: on-demand, $0.125 per million RRU',
  ),
  dynamoStorageGb: price(0.25, 'GB-month', 'Amazon DynamoDB pricing: standard table class storage'),
  pitrGb: price(0.2, 'GB-month', 'Amazon DynamoDB pricing: continuous backups (PITR)'),
  backupGb: price(0.1, 'GB-month', 'AWS Backup pricing: DynamoDB warm backup storage'),
  sqsRequest: price(0.4 / 1e6, 'request', 'Amazon SQS pricing: standard queue, $0.40 per 1M'),
  snsPublish: price(0.5 / 1e6, 'publish', 'Amazon SNS pricing: $0.50 per 1M requests (SQS deliveries free)'),
  httpApiRequest: price(1.0 / 1e6, 'request', 'Amazon API Gateway pricing: HTTP APIs, $1.00 per million'),
  cloudFrontRequest: price(
    0.01 / 1e4,
    'HTTPS request',
    'Amazon CloudFront pricing: $0.0100 per 10,000 HTTPS requests',
  ),
  cloudFrontGb: price(0.085, 'GB out', 'Amazon CloudFront pricing: first 10 TB, North America and Europe'),
  wafWebAcl: price(5, 'web ACL-month', 'AWS WAF pricing: $5.00 per web ACL per month'),
  wafRule: price(1, 'rule-month', 'AWS WAF pricing: $1.00 per rule per month'),
  wafRequest: price(0.6 / 1e6, 'request', 'AWS WAF pricing: $0.60 per 1M requests'),
  logsIngestGb: price(0.5, 'GB ingested', 'Amazon CloudWatch pricing: logs, $0.50 per GB'),
  logsStoredGb: price(0.03, 'GB-month', 'Amazon CloudWatch pricing: log storage, $0.03 per GB'),
  alarm: price(0.1, 'alarm-month', 'Amazon CloudWatch pricing: standard-resolution alarm'),
  dashboard: price(3, 'dashboard-month', 'Amazon CloudWatch pricing: custom dashboard'),
  kmsKey: price(1, 'key-month', 'AWS KMS pricing: customer managed key'),
  secret: price(0.4, 'secret-month', 'AWS Secrets Manager pricing: per secret'),
  cognitoPlusMau: price(0.02, 'monthly active user', 'Amazon Cognito pricing: Plus tier'),
} as const;

export type SmsCountry = keyof typeof prices.sms;
