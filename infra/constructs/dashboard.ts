/**
 * How fast errors get corrected, and whether the corrections reach people: the functions' EMF
 * metrics, one line per topic (SEARCH finds each topic's series, so new topics appear by themselves),
 * and the state of every alarm.
 */
import { Duration } from 'aws-cdk-lib';
import {
  type Alarm,
  AlarmStatusWidget,
  Dashboard,
  GraphWidget,
  SearchExpression,
  Stats,
} from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { metricsNamespace, productMetrics } from '../../shared/runtime/metrics.ts';
import { serviceName } from '../../shared/runtime/observability.ts';

export interface DeskDashboardProps {
  stage: string;
  alarms: Alarm[];
}

const period = Duration.hours(1);

/** Every series of one metric, by topic. The dimension set is exactly the one the functions emit. */
function byTopic(metricName: string, statistic: string): SearchExpression {
  return new SearchExpression({
    expression:
      `SEARCH('{${metricsNamespace},service,topic} service="${serviceName}" ` +
      `MetricName="${metricName}"', '${statistic}', ${period.toSeconds()})`,
    // A CloudWatch dynamic label, not a template literal: each line is named after its topic.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudWatch's syntax, meant literally.
    label: "${PROP('Dim.topic')}",
    period,
  });
}

export class DeskDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: DeskDashboardProps) {
    super(scope, id);
    const graph = (title: string, metricName: string, statistic: string, unit: string) =>
      new GraphWidget({
        title,
        left: [byTopic(metricName, statistic)],
        leftYAxis: { label: unit, showUnits: false, min: 0 },
        width: 12,
        height: 6,
      });

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `corrections-desk-${props.stage}`,
      defaultInterval: Duration.days(7),
    });
    this.dashboard.addWidgets(
      graph('Cases opened, by topic', productMetrics.casesOpened, Stats.SUM, 'cases / hour'),
      graph(
        'Corrections published, by topic',
        productMetrics.correctionsPublished,
        Stats.SUM,
        'corrections / hour',
      ),
    );
    this.dashboard.addWidgets(
      graph(
        'Time to correction, average, by topic',
        productMetrics.timeToCorrectionMinutes,
        Stats.AVERAGE,
        'minutes',
      ),
      graph(
        'Time to correction, p90, by topic',
        productMetrics.timeToCorrectionMinutes,
        Stats.p(90),
        'minutes',
      ),
    );
    this.dashboard.addWidgets(
      graph('Deliveries sent, by topic', productMetrics.deliveriesSent, Stats.SUM, 'messages / hour'),
      graph('Deliveries failed, by topic', productMetrics.deliveriesFailed, Stats.SUM, 'messages / hour'),
    );
    this.dashboard.addWidgets(
      new AlarmStatusWidget({ title: 'Alarms', alarms: props.alarms, width: 24, height: 6 }),
    );
  }
}
