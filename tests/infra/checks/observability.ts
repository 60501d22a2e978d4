/** Alarms and the dashboard. */
import { describe, expect, it } from 'vitest';
import { type FunctionDefinition, functionDefinitions } from '../../../shared/resources/functions.ts';
import { queues, topics } from '../../../shared/resources/messaging.ts';
import { metricsNamespace, productMetrics } from '../../../shared/runtime/metrics.ts';
import { serviceName } from '../../../shared/runtime/observability.ts';
import { type Json, resourceAt, type Synthesized } from '../synth.ts';

export function checkObservability(synthesized: Synthesized): void {
  const { template } = synthesized;
  const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
  const [alertsId] = resourceAt(synthesized, `Messaging/${topics.editorAlerts.id}`);
  const definitions = Object.values(functionDefinitions) as FunctionDefinition[];

  const alarmOn = (metricName: string, dimensions?: Json) =>
    alarms.filter(
      (alarm) =>
        alarm.Properties.MetricName === metricName &&
        (dimensions === undefined ||
          JSON.stringify(alarm.Properties.Dimensions) === JSON.stringify(dimensions)),
    );

  describe('alarms', () => {
    it('all notify the editors’ alerts topic', () => {
      expect(alarms.length).toBeGreaterThan(0);
      for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: alertsId }]);
    });

    const deadLetterQueues = [
      ...Object.values(queues).map((definition) => `Messaging/${definition.id}DeadLetters`),
      'Triggers/StreamFailures',
      'Triggers/DigestScheduleFailures',
    ];
    it.each(deadLetterQueues)('fire on the first message in %s', (path) => {
      const [queueId] = resourceAt(synthesized, path);
      const [alarm] = alarmOn('ApproximateNumberOfMessagesVisible', [
        { Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } },
      ]);
      expect(alarm?.Properties).toMatchObject({ Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
    });

    it.each(definitions.map((definition) => definition.id))(
      'fire on errors and throttles of %s',
      (functionId) => {
        const [lambdaId] = resourceAt(synthesized, `${functionId}/Function`);
        const dimensions = [{ Name: 'FunctionName', Value: { Ref: lambdaId } }];
        for (const metricName of ['Errors', 'Throttles']) {
          const [alarm] = alarmOn(metricName, dimensions);
          expect(alarm?.Properties).toMatchObject({
            Namespace: 'AWS/Lambda',
            Statistic: 'Sum',
            Threshold: 1,
            ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          });
        }
      },
    );

    it('fire when a stream consumer falls behind the table’s stream', () => {
      const consumers = definitions.filter((definition) => definition.trigger.kind === 'stream');
      expect(consumers.length).toBeGreaterThan(0);
      for (const consumer of consumers) {
        const [lambdaId] = resourceAt(synthesized, `${consumer.id}/Function`);
        const [alarm] = alarmOn('IteratorAge', [{ Name: 'FunctionName', Value: { Ref: lambdaId } }]);
        expect(alarm?.Properties).toMatchObject({ Statistic: 'Maximum', Threshold: 300_000 });
      }
    });

    it('fire on API 5xx', () => {
      const [apiId] = resourceAt(synthesized, 'Api/HttpApi');
      const [alarm] = alarmOn('5xx', [{ Name: 'ApiId', Value: { Ref: apiId } }]);
      expect(alarm?.Properties).toMatchObject({
        Namespace: 'AWS/ApiGateway',
        Statistic: 'Sum',
        Threshold: 1,
      });
    });

    it('fire on a spike of suppressions: bounce rate over 2%, complaint rate over 0.05%', () => {
      const [bounces] = alarmOn('Reputation.BounceRate');
      const [complaints] = alarmOn('Reputation.ComplaintRate');
      expect(bounces?.Properties).toMatchObject({
        Namespace: 'AWS/SES',
        Threshold: 0.02,
        ComparisonOperator: 'GreaterThanThreshold',
      });
      expect(complaints?.Properties).toMatchObject({
        Namespace: 'AWS/SES',
        Threshold: 0.0005,
        ComparisonOperator: 'GreaterThanThreshold',
      });
    });

    it("watch every queue's oldest message, longer where waiting is the design", () => {
      for (const [key, queue] of Object.entries(queues)) {
        const [queueId] = resourceAt(synthesized, `Messaging/${queue.id}`);
        const [alarm] = alarmOn('ApproximateAgeOfOldestMessage', [
          { Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } },
        ]);
        const minutes =
          key === 'emailSend' || key === 'smsSend' ? 120 : key === 'webhookCalls' ? 24 * 60 : 15;
        expect(alarm?.Properties, key).toMatchObject({
          Statistic: 'Maximum',
          Threshold: minutes * 60,
          ComparisonOperator: 'GreaterThanThreshold',
        });
      }
    });

    it("send SES's bounces and complaints to the email-events topic, which SES may publish to", () => {
      const [topicId] = resourceAt(synthesized, `Messaging/${topics.emailEvents.id}`);
      template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
        EventDestination: {
          Enabled: true,
          MatchingEventTypes: ['bounce', 'complaint'],
          SnsDestination: { TopicARN: { Ref: topicId } },
        },
      });
      const policy = Object.values(template.findResources('AWS::SNS::TopicPolicy')).find((candidate) =>
        JSON.stringify(candidate.Properties.Topics).includes(topicId),
      );
      expect(policy?.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Principal: { Service: 'ses.amazonaws.com' }, Action: 'sns:Publish' }),
      );
    });

    it('can reach the encrypted alerts topic: CloudWatch may publish and use its key', () => {
      const [, key] = resourceAt(synthesized, 'Messaging/TopicKey');
      expect(key.Properties.KeyPolicy.Statement).toContainEqual(
        expect.objectContaining({
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        }),
      );
      const policy = Object.values(template.findResources('AWS::SNS::TopicPolicy')).find((candidate) =>
        JSON.stringify(candidate.Properties.Topics).includes(alertsId),
      );
      expect(policy?.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: 'sns:Publish',
          Condition: expect.objectContaining({
            StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
          }),
        }),
      );
    });
  });

  describe('the dashboard', () => {
    const [, dashboard] = resourceAt(synthesized, 'Dashboard/Dashboard');
    // The body is a Join of JSON text and references; references become a plain word to parse it.
    const body = JSON.parse(
      dashboard.Properties.DashboardBody['Fn::Join'][1]
        .map((part: Json) => (typeof part === 'string' ? part : 'REF'))
        .join(''),
    );
    const expressions: string[] = body.widgets.flatMap((widget: Json) =>
      (widget.properties.metrics ?? []).map((metric: Json) => metric.at(-1)?.expression).filter(Boolean),
    );

    it('shows cases opened, time to correction, and deliveries sent and failed, by topic', () => {
      for (const metricName of [
        productMetrics.casesOpened,
        productMetrics.timeToCorrectionMinutes,
        productMetrics.deliveriesSent,
        productMetrics.deliveriesFailed,
      ]) {
        const search = expressions.find((expression) => expression.includes(`MetricName="${metricName}"`));
        expect(search).toContain(`SEARCH('{${metricsNamespace},service,topic} service="${serviceName}"`);
      }
    });

    it('shows the state of every alarm', () => {
      const alarmWidget = body.widgets.find((widget: Json) => widget.type === 'alarm');
      expect(alarmWidget.properties.alarms).toHaveLength(alarms.length);
    });
  });
}
