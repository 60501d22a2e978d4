/**
 * The monthly estimate: every line is a quantity the desk's design implies for the given volume, times
 * a price from prices.ts. The assumptions are constants here, each with its reason, so a line can be
 * checked by hand (docs/cost.md does it for three sizes of body).
 */
import { prices, type SmsCountry } from './prices.ts';

export interface Volume {
  /** Emails sent in the month: confirmations, corrections, replies. */
  emails: number;
  /** SMS sent in the month (each one segment). */
  sms: number;
  /** Correction versions published in the month. */
  corrections: number;
  country: SmsCountry;
  /** Editors who sign in during the month (Cognito monthly active users). */
  editors: number;
  /** The table's size; backups and point-in-time recovery are priced on it. */
  tableGb: number;
}

export const assumptions = {
  /** Sender: one SQS send, receive and delete per message; a batch of ten per invocation. */
  sqsRequestsPerMessage: 3,
  senderInvocationsPerMessage: 0.1,
  /** 256 MB for about 200 ms per message. */
  senderGbSecondsPerMessage: 0.25 * 0.2,
  /** Delivery claimed, accepted and sent, plus the pacer's token; subscription, correction, suppression read. */
  writeUnitsPerMessage: 4,
  readUnitsPerMessage: 3,
  /** The planner pages the audience a hundred at a time: 512 MB for about a second a page. */
  recipientsPerPlannerStep: 100,
  plannerGbSecondsPerStep: 0.5 * 1,
  readUnitsPerPlannerStep: 50,
  /** Publishing a version: the publisher (512 MB, about a second), the case, correction, log and stats items. */
  publisherGbSecondsPerCorrection: 0.5 * 1,
  writeUnitsPerCorrection: 20,
  readUnitsPerCorrection: 20,
  /** One recipient in five opens the link; one view in five misses CloudFront's brief cache. */
  viewsPerMessage: 0.2,
  originShareOfViews: 0.2,
  pageKb: 50,
  /** A page served by the function: 512 MB for about 100 ms, a few reads. */
  pageGbSeconds: 0.5 * 0.1,
  readUnitsPerPage: 5,
  /** About a kilobyte of JSON log per message and per page the function serves. */
  logKbPerEvent: 1,
  /** Logs kept 180 days: at steady state six months of ingestion are stored. */
  logMonthsStored: 6,
  /** Daily points kept 35 days plus monthly points kept a year: each a full copy of the table. */
  backupCopies: 35 + 12,
  /** The stack's alarms (per function, per queue, API, SES, backups) and its dashboard. */
  alarms: 45,
  /** The SNS topics' key and the backup vault's key. */
  kmsKeys: 2,
  /** WAF: common, known bad inputs and two rate-based rules. */
  wafRules: 4,
} as const;

export interface Line {
  item: string;
  quantity: number;
  unit: string;
  unitUsd: number;
  usd: number;
}

export interface Estimate {
  lines: Line[];
  totalUsd: number;
  /** Share of the total that is SMS (issue 14: 85–97% at 1M emails and 100k SMS). */
  smsShare: number;
}

export function estimate(volume: Volume): Estimate {
  const a = assumptions;
  const messages = volume.emails + volume.sms;
  const plannerSteps = Math.ceil(messages / a.recipientsPerPlannerStep) * Math.min(1, volume.corrections);
  const views = messages * a.viewsPerMessage;
  const originPages = views * a.originShareOfViews;
  const logGb = ((messages + originPages) * a.logKbPerEvent) / 1e6;

  const line = (item: string, quantity: number, price: { usd: number; per: string }): Line => ({
    item,
    quantity,
    unit: price.per,
    unitUsd: price.usd,
    usd: quantity * price.usd,
  });
  const lines = [
    line('SES email', volume.emails, prices.sesEmail),
    line(`SMS to ${volume.country}`, volume.sms, prices.sms[volume.country]),
    line(
      'Lambda duration',
      messages * a.senderGbSecondsPerMessage +
        plannerSteps * a.plannerGbSecondsPerStep +
        volume.corrections * a.publisherGbSecondsPerCorrection +
        originPages * a.pageGbSeconds,
      prices.lambdaGbSecond,
    ),
    line(
      'Lambda invocations',
      messages * a.senderInvocationsPerMessage + plannerSteps + volume.corrections + originPages,
      prices.lambdaRequest,
    ),
    line(
      'DynamoDB writes',
      messages * a.writeUnitsPerMessage + volume.corrections * a.writeUnitsPerCorrection,
      prices.dynamoWrite,
    ),
    line(
      'DynamoDB reads',
      messages * a.readUnitsPerMessage +
        plannerSteps * a.readUnitsPerPlannerStep +
        volume.corrections * a.readUnitsPerCorrection +
        originPages * a.readUnitsPerPage,
      prices.dynamoRead,
    ),
    line('DynamoDB storage', volume.tableGb, prices.dynamoStorageGb),
    line('Point-in-time recovery', volume.tableGb, prices.pitrGb),
    line('AWS Backup storage', volume.tableGb * a.backupCopies, prices.backupGb),
    line(
      'SQS requests',
      messages * a.sqsRequestsPerMessage + plannerSteps * a.sqsRequestsPerMessage,
      prices.sqsRequest,
    ),
    line('SNS publishes', volume.corrections, prices.snsPublish),
    line('HTTP API requests', originPages, prices.httpApiRequest),
    line('CloudFront requests', views, prices.cloudFrontRequest),
    line('CloudFront data out', (views * a.pageKb) / 1e6, prices.cloudFrontGb),
    line('WAF web ACL', 1, prices.wafWebAcl),
    line('WAF rules', a.wafRules, prices.wafRule),
    line('WAF requests', views, prices.wafRequest),
    line('CloudWatch Logs ingestion', logGb, prices.logsIngestGb),
    line('CloudWatch Logs storage', logGb * a.logMonthsStored, prices.logsStoredGb),
    line('CloudWatch alarms', a.alarms, prices.alarm),
    line('CloudWatch dashboard', 1, prices.dashboard),
    line('KMS keys', a.kmsKeys, prices.kmsKey),
    line('Secrets Manager', 1, prices.secret),
    line('Cognito (Plus)', volume.editors, prices.cognitoPlusMau),
  ];
  const totalUsd = lines.reduce((sum, entry) => sum + entry.usd, 0);
  const smsUsd = lines[1]?.usd ?? 0;
  return { lines, totalUsd, smsShare: totalUsd === 0 ? 0 : smsUsd / totalUsd };
}

const money = (usd: number) => (usd >= 0.01 || usd === 0 ? usd.toFixed(2) : usd.toPrecision(2));

export function formatEstimate(volume: Volume, result: Estimate, asOf: string): string {
  const rows = result.lines.map((entry) => [
    entry.item,
    Number.isInteger(entry.quantity) ? String(entry.quantity) : entry.quantity.toFixed(2),
    entry.unit,
    entry.unitUsd.toPrecision(3),
    money(entry.usd),
  ]);
  const header = ['item', 'quantity', 'unit', 'USD/unit', 'USD/month'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const render = (row: string[]) =>
    row
      .map((cell, column) =>
        column === 0 || column === 2 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  return [
    `Monthly estimate: ${volume.emails} emails, ${volume.sms} SMS to ${volume.country}, ${volume.corrections} corrections, ${volume.editors} editors, a ${volume.tableGb} GB table`,
    `Prices as of ${asOf} (scripts/cost/prices.ts); on-demand list prices, no free tier, no tax.`,
    '',
    render(header),
    ...rows.map(render),
    '',
    `Total: USD ${result.totalUsd.toFixed(2)} a month; SMS is ${(result.smsShare * 100).toFixed(1)}% of it.`,
  ].join('\n');
}
