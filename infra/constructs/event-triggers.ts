/**
 * The functions' non-HTTP triggers, exactly as shared/resources/functions.ts declares them: the
 * table's stream, the delivery queues, and schedules. Every path has somewhere for failures to land.
 */
import { Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { type CfnFunction, FilterCriteria, type IFunction, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IQueue, Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Channel } from '../../shared/domain/subscription.ts';
import { type FunctionDefinition, type FunctionKey, sendersFor } from '../../shared/resources/functions.ts';
import type { QueueKey } from '../../shared/resources/messaging.ts';
import { secureQueue } from './secure-queue.ts';

export interface EventTriggersProps {
  definitions: Record<FunctionKey, FunctionDefinition>;
  functions: Record<FunctionKey, IFunction>;
  table: ITableV2;
  queues: Record<QueueKey, IQueue>;
  timeZone: string;
  /** The stage's send rates per channel: each channel's senders are as many as its rate keeps busy. */
  sendsPerSecond: Record<Channel, number>;
}

const failureRetention = Duration.days(14);

export class EventTriggers extends Construct {
  /**
   * Where failures land: the stream consumers' failed batches (described by metadata, as Lambda
   * sends them) and, per schedule, the invocations Scheduler could not deliver.
   */
  readonly failureQueues: Queue[] = [];

  constructor(scope: Construct, id: string, props: EventTriggersProps) {
    super(scope, id);

    const streamFailures = secureQueue(this, 'StreamFailures', { retentionPeriod: failureRetention });
    acknowledgeTerminalQueue(streamFailures, 'the stream consumers’ on-failure destination');
    this.failureQueues.push(streamFailures);

    for (const key of Object.keys(props.definitions) as FunctionKey[]) {
      const { trigger, id: functionId } = props.definitions[key];
      const fn = props.functions[key];
      switch (trigger.kind) {
        case 'stream':
          fn.addEventSource(
            new DynamoEventSource(props.table, {
              startingPosition: StartingPosition.TRIM_HORIZON,
              batchSize: trigger.batchSize,
              filters: trigger.filters.map((filter) => FilterCriteria.filter(filter)),
              reportBatchItemFailures: true,
              bisectBatchOnError: true,
              retryAttempts: trigger.retryAttempts,
              maxRecordAge: Duration.seconds(trigger.maxRecordAgeSeconds),
              onFailure: new SqsDlq(streamFailures),
            }),
          );
          break;
        case 'queue':
          fn.addEventSource(
            new SqsEventSource(props.queues[trigger.queue], {
              batchSize: trigger.batchSize,
              maxConcurrency: trigger.pacedBy
                ? sendersFor(props.sendsPerSecond[trigger.pacedBy])
                : trigger.maxConcurrency,
              reportBatchItemFailures: true,
            }),
          );
          break;
        case 'schedule':
          this.failureQueues.push(this.schedule(functionId, fn, trigger.cron, props.timeZone));
          break;
        case 'http':
          // Routed by the HTTP API.
          break;
      }
    }
  }

  /** EventBridge Scheduler: real time zones (the digest follows local mornings), retries and a DLQ. */
  private schedule(functionId: string, fn: IFunction, cron: string, timeZone: string): Queue {
    const deadLetterQueue = secureQueue(this, `${functionId}ScheduleFailures`, {
      retentionPeriod: failureRetention,
    });
    acknowledgeTerminalQueue(deadLetterQueue, `the ${functionId} schedule’s dead-letter queue`);

    const stack = Stack.of(this);
    const role = new Role(this, `${functionId}ScheduleRole`, {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: {
            'aws:SourceAccount': stack.account,
            'aws:SourceArn': stack.formatArn({
              service: 'scheduler',
              resource: 'schedule-group',
              resourceName: 'default',
            }),
          },
        },
      }),
    });
    new Schedule(this, `${functionId}Schedule`, {
      description: `Invokes ${functionId} on ${cron} (${timeZone})`,
      schedule: ScheduleExpression.expression(cron, TimeZone.of(timeZone)),
      target: new LambdaInvoke(fn, {
        role,
        deadLetterQueue,
        retryAttempts: 3,
        // Yesterday's digest is worth little after an hour.
        maxEventAge: Duration.hours(1),
      }),
    });

    // LambdaInvoke grants invoke on the function and on its versions and aliases (`<arn>:*`).
    const functionLogicalId = stack.getLogicalId(fn.node.defaultChild as CfnFunction);
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${functionLogicalId}.Arn>:*]`,
      reason: `Scheduler may invoke ${functionId} only; the :* suffix adds its versions and aliases, no other function.`,
    });
    return deadLetterQueue;
  }
}

function acknowledgeTerminalQueue(queue: Queue, what: string): void {
  Validations.of(queue).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason: `This queue is ${what}: itself a dead-letter queue, and a DLQ of a DLQ would add nothing.`,
  });
}
