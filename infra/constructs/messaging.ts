/**
 * The SNS topics and SQS queues of shared/resources/messaging.ts, with their dead-letter queues, the
 * SNS → SQS fan-out and the staff's email subscriptions to the alerts topic.
 */
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { SubscriptionFilter, Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription, SqsSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  type QueueKey,
  queues,
  type TopicKey,
  topicSubscriptions,
  topics,
} from '../../shared/resources/messaging.ts';
import { mapRecord } from '../records.ts';
import { secureQueue } from './secure-queue.ts';

export interface MessagingProps {
  stage: string;
  alertEmails: string[];
}

export class Messaging extends Construct {
  /**
   * One customer-managed key for both topics. Alerts and digests carry case text, so messages are
   * encrypted at rest; the AWS-managed aws/sns key cannot be used because CloudWatch alarms must be
   * allowed to publish to the alerts topic, and only a key policy we own can say so.
   */
  readonly topicKey: Key;
  readonly topics: Record<TopicKey, Topic>;
  readonly queues: Record<QueueKey, Queue>;
  readonly deadLetterQueues: Record<QueueKey, Queue>;

  constructor(scope: Construct, id: string, props: MessagingProps) {
    super(scope, id);
    const { account, region, partition } = Stack.of(this);

    this.topicKey = new Key(this, 'TopicKey', {
      description: `Corrections desk (${props.stage}): SNS topic encryption`,
      enableKeyRotation: true,
      // Topics hold messages only until delivery: nothing outlives the stack that needs this key.
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    // What SNS documents for alarms publishing to an encrypted topic; the topic policy narrows who.
    this.topicKey.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );

    this.topics = mapRecord(
      topics,
      (definition) =>
        new Topic(this, definition.id, {
          displayName: `Corrections desk (${props.stage})`,
          masterKey: this.topicKey,
          enforceSSL: true,
        }),
    );

    // The topic policy replaces SNS's default one, which is what let CloudWatch alarms publish.
    this.topics.editorAlerts.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topics.editorAlerts.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': account },
          ArnLike: { 'aws:SourceArn': `arn:${partition}:cloudwatch:${region}:${account}:alarm:*` },
        },
      }),
    );
    // SES publishes the configuration set's bounce and complaint events to the email-events topic.
    this.topicKey.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('ses.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }),
    );
    this.topics.emailEvents.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('ses.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topics.emailEvents.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }),
    );
    for (const email of props.alertEmails) {
      this.topics.editorAlerts.addSubscription(new EmailSubscription(email));
    }

    this.deadLetterQueues = mapRecord(queues, (definition) =>
      secureQueue(this, `${definition.id}DeadLetters`, {
        retentionPeriod: Duration.days(definition.deadLetterRetentionDays),
      }),
    );
    this.queues = mapRecord(queues, (definition, key) =>
      secureQueue(this, definition.id, {
        visibilityTimeout: Duration.seconds(definition.visibilityTimeoutSeconds),
        deadLetterQueue: { queue: this.deadLetterQueues[key], maxReceiveCount: definition.maxReceiveCount },
      }),
    );

    for (const subscription of topicSubscriptions) {
      const filterPolicy = Object.fromEntries(
        Object.entries('filterPolicy' in subscription ? subscription.filterPolicy : {}).map(
          ([attribute, allowlist]) => [
            attribute,
            SubscriptionFilter.stringFilter({ allowlist: [...allowlist] }),
          ],
        ),
      );
      this.topics[subscription.topic].addSubscription(
        new SqsSubscription(this.queues[subscription.queue], {
          rawMessageDelivery: subscription.rawMessageDelivery,
          filterPolicy,
        }),
      );
    }
  }
}
