/**
 * Alarms for anything stuck or failing, all to the editors' alerts topic: a message in any
 * dead-letter queue (a parked message), a queue whose oldest message waits too long, function errors
 * and throttles, a stream consumer falling behind, API 5xx, the sweeper having to repair anything,
 * SES reputation well before SES itself acts on it, and SMS spend nearing the account's limit.
 */
import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  Metric,
  Stats,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { metricsNamespace, productMetrics } from '../../shared/runtime/metrics.ts';
import { serviceName } from '../../shared/runtime/observability.ts';

export interface AlarmsProps {
  topic: ITopic;
  /** Every queue that only fills when something failed. */
  deadLetterQueues: IQueue[];
  /** By name, every function; and those reading the table's stream. */
  functions: Record<string, IFunction>;
  streamConsumers: Record<string, IFunction>;
  api: IHttpApi;
  /** The table's backup vault: failed backup, copy and restore jobs into it. */
  backupVaultName: string;
  /** The account's SMS monthly spend limit (USD), when the stage states it. */
  smsSpendLimitUsd?: number;
  /** Every work queue, by name, with how long its oldest message may wait (minutes) before alarming. */
  queues: Record<string, { queue: IQueue; oldestMessageMinutes: number }>;
}

const fiveMinutes = Duration.minutes(5);

export class Alarms extends Construct {
  readonly alarms: Alarm[] = [];
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.action = new SnsAction(props.topic);

    for (const queue of props.deadLetterQueues) {
      const name = queue.node.id;
      this.add(`${name}Depth`, {
        metric: queue.metricApproximateNumberOfMessagesVisible({
          period: fiveMinutes,
          statistic: Stats.MAXIMUM,
        }),
        threshold: 0,
        comparison: ComparisonOperator.GREATER_THAN_THRESHOLD,
        description: `${name} holds messages that failed every retry: inspect, fix, then redrive.`,
      });
    }

    for (const [name, { queue, oldestMessageMinutes }] of Object.entries(props.queues)) {
      this.add(`${name}OldestMessage`, {
        metric: queue.metricApproximateAgeOfOldestMessage({ period: fiveMinutes, statistic: Stats.MAXIMUM }),
        threshold: oldestMessageMinutes * 60,
        comparison: ComparisonOperator.GREATER_THAN_THRESHOLD,
        description: `${name}'s oldest message has waited over ${oldestMessageMinutes} minutes: is its consumer stuck or throttled?`,
      });
    }

    for (const [name, fn] of Object.entries(props.functions)) {
      this.add(`${name}Errors`, {
        metric: fn.metricErrors({ period: fiveMinutes, statistic: Stats.SUM }),
        threshold: 1,
        description: `${name} failed at least once in 5 minutes: see its log group.`,
      });
      this.add(`${name}Throttles`, {
        metric: fn.metricThrottles({ period: fiveMinutes, statistic: Stats.SUM }),
        threshold: 1,
        description: `${name} was throttled: account concurrency may be exhausted.`,
      });
    }

    for (const [name, fn] of Object.entries(props.streamConsumers)) {
      this.add(`${name}IteratorAge`, {
        metric: fn.metric('IteratorAge', { period: fiveMinutes, statistic: Stats.MAXIMUM }),
        // Publication should follow approval within seconds; five minutes behind means stuck.
        threshold: Duration.minutes(5).toMilliseconds(),
        comparison: ComparisonOperator.GREATER_THAN_THRESHOLD,
        description: `${name} is more than 5 minutes behind the table's stream.`,
      });
    }

    this.add('Api5xx', {
      metric: props.api.metricServerError({ period: fiveMinutes, statistic: Stats.SUM }),
      threshold: 1,
      description: 'The HTTP API answered 5xx: see the access logs and the functions’ logs.',
    });

    // A backup that failed is a day without a recovery point; a failed copy leaves the off-site vault
    // behind; a failed restore is usually the drill (docs/runbooks/backup-failed.md).
    for (const [jobs, what] of [
      ['Backup', 'A backup of the table failed'],
      ['Copy', 'Copying a recovery point to the second vault failed'],
      ['Restore', 'A restore from the backup vault failed'],
    ] as const) {
      this.add(`${jobs}JobsFailed`, {
        metric: new Metric({
          namespace: 'AWS/Backup',
          metricName: `NumberOf${jobs}JobsFailed`,
          dimensionsMap: { BackupVaultName: props.backupVaultName },
          period: Duration.hours(1),
          statistic: Stats.SUM,
        }),
        threshold: 1,
        description: `${what}: see AWS Backup → Jobs, then docs/runbooks/backup-failed.md.`,
      });
    }

    // The pipeline should never need the sweeper: each repair is a publication or an announcement the
    // stream did not carry through (docs/deploy.md, Sweeper repairs).
    this.add('SweeperRepairs', {
      metric: new Metric({
        namespace: metricsNamespace,
        metricName: productMetrics.sweeperRepairs,
        dimensionsMap: { service: serviceName },
        period: fiveMinutes,
        statistic: Stats.SUM,
      }),
      threshold: 1,
      description:
        'The sweeper re-drove a case stuck in approved or an announcement never sent: see the publisher’s log.',
    });

    // SNS stops sending SMS for the rest of the month at the spend limit: warn while there is time to
    // raise it (docs/runbooks/sms-spend-limit.md).
    if (props.smsSpendLimitUsd !== undefined) {
      this.add('SmsSpendNearLimit', {
        metric: new Metric({
          namespace: 'AWS/SNS',
          metricName: 'SMSMonthToDateSpentUSD',
          period: Duration.hours(1),
          statistic: Stats.MAXIMUM,
        }),
        threshold: props.smsSpendLimitUsd * 0.8,
        comparison: ComparisonOperator.GREATER_THAN_THRESHOLD,
        description: `SMS spend this month is past 80% of the USD ${props.smsSpendLimitUsd} limit: see docs/runbooks/sms-spend-limit.md.`,
      });
    }

    // Account-wide reputation, which is what SES enforces: it reviews an account at a 5% bounce or a
    // 0.1% complaint rate and may pause sending at 10% / 0.5%. A spike of suppressions shows here
    // first: alarm at the rates AWS says to stay under, 2% and 0.05%.
    const reputation = (metricName: string) =>
      new Metric({ namespace: 'AWS/SES', metricName, period: Duration.hours(1), statistic: Stats.MAXIMUM });
    this.add('SesBounceRate', {
      metric: reputation('Reputation.BounceRate'),
      threshold: 0.02,
      comparison: ComparisonOperator.GREATER_THAN_THRESHOLD,
      description: 'SES bounce rate above 2% (SES reviews the account at 5%): see GET /admin/suppressions.',
    });
    this.add('SesComplaintRate', {
      metric: reputation('Reputation.ComplaintRate'),
      threshold: 0.0005,
      comparison: ComparisonOperator.GREATER_THAN_THRESHOLD,
      description:
        'SES complaint rate above 0.05% (SES reviews the account at 0.1%): see GET /admin/suppressions.',
    });
  }

  private add(
    id: string,
    options: { metric: IMetric; threshold: number; comparison?: ComparisonOperator; description: string },
  ): void {
    const alarm = new Alarm(this, id, {
      metric: options.metric,
      threshold: options.threshold,
      comparisonOperator: options.comparison ?? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: options.description,
    });
    alarm.addAlarmAction(this.action);
    this.alarms.push(alarm);
  }
}
