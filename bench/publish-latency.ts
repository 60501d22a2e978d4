/**
 * Publish latency on the local stack: from an editor's approval (the HTTP request) to the correction's
 * event on the correction-events topic, as a queue subscribed to that topic receives it. The path is
 * the deployed one: the table's stream, the publisher, the announcement, SNS.
 */

import { SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { localCredentials, localRegion } from '../local/engines.ts';
import { randomId } from '../shared/security/tokens.ts';
import type { runningDesk } from '../tests/support/http.ts';
import { percentile } from './measure.ts';

export interface PublishLatencyFigures {
  approvals: number;
  p50: number;
  p95: number;
}

export async function measurePublishLatency(
  { stack, call, tokens }: Awaited<ReturnType<typeof runningDesk>>,
  approvals = 20,
): Promise<PublishLatencyFigures> {
  const clients = { region: localRegion, credentials: localCredentials, endpoint: stack.endpoints.messaging };
  const sqs = new SQSClient({ ...clients, endpoint: new URL(stack.queueUrls.deliveryPlan).origin });
  const sns = new SNSClient(clients);
  const queue = await sqs.send(new CreateQueueCommand({ QueueName: `bench-events-${randomId(6)}` }));
  const queueUrl = queue.QueueUrl ?? '';
  const arn = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
  );
  await sns.send(
    new SubscribeCommand({
      TopicArn: stack.topicArns.correctionEvents,
      Protocol: 'sqs',
      Endpoint: arn.Attributes?.QueueArn ?? '',
      Attributes: { RawMessageDelivery: 'true' },
    }),
  );
  const { reviewer, editor } = tokens;

  const latencies: number[] = [];
  for (let i = 0; i < approvals; i++) {
    const opened = await call('POST', '/admin/cases', {
      token: reviewer,
      body: { text: `发布延迟测试 ${i}`, topic: 'firefighting-rescue', source: 'staff', severity: 'low' },
    });
    if (opened.status !== 201) throw new Error(`Opening a case: ${opened.status} ${opened.text}`);
    const caseId: string = opened.json.id;
    let version: number = opened.json.version;
    const step = async (method: string, path: string, token: string, body?: unknown) => {
      const response = await call(method, `/admin/cases/${caseId}/${path}`, {
        token,
        ifMatch: version,
        ...(body ? { body } : {}),
      });
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${response.text}`);
      version = response.json.version;
    };
    await step('POST', 'assign', reviewer, { assignee: 'reviewer-li' });
    await step('POST', 'review', reviewer, { verdict: 'correction', findings: '核实' });
    await step('PUT', 'draft', reviewer, {
      type: 'correction',
      headline: `更正 ${i}`,
      body: '受伤人数为1人。',
    });
    await step('POST', 'submit', reviewer);
    const start = performance.now();
    await step('POST', 'approve', editor);
    for (;;) {
      const received = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 1, MaxNumberOfMessages: 10 }),
      );
      if ((received.Messages ?? []).some((message) => message.Body?.includes(caseId))) break;
      if (performance.now() - start > 30_000) throw new Error(`No event for case ${caseId} within 30 s`);
    }
    latencies.push(performance.now() - start);
  }
  sqs.destroy();
  sns.destroy();
  return { approvals, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}
