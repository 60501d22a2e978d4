/**
 * The local event source mappings: for each function the catalogue triggers from the table's stream or
 * from a queue, a poller that invokes it as Lambda would. One place that reads the triggers, so a
 * function added to the catalogue is wired locally as it is deployed.
 */
import { join } from 'node:path';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { DynamoDBStreamEvent, SQSEvent } from 'aws-lambda';
import {
  type FunctionDefinition,
  type FunctionKey,
  functionDefinitions,
  sendersFor,
} from '../shared/resources/functions.ts';
import { queues } from '../shared/resources/messaging.ts';
import { readConfig } from '../shared/runtime/config.ts';
import type { Messaging } from './engines.ts';
import type { FunctionHost } from './lambda-runtime.ts';
import type { Log } from './log.ts';
import { type Loop, pause, startLoop } from './loop.ts';
import { startQueuePoller } from './queue-poller.ts';
import { schedulerEvent } from './schedule-event.ts';
import { startStreamPoller } from './stream-poller.ts';

export interface EventSourceOptions {
  functions: FunctionHost;
  dynamoDbEndpoint: string;
  streamArn: string;
  messaging: Messaging;
  sqs: SQSClient;
  /** Where stream positions are kept across restarts; without it they live in memory. */
  checkpointDir?: string;
  streamPollIntervalMs?: number;
  /** Queue functions handle as many batches at once as their trigger's maxConcurrency (else one). */
  concurrentQueues?: boolean;
  log: Log;
}

/** As deployed: a channel's senders sized to its rate as this stack configures it. */
function concurrencyOf(trigger: Extract<FunctionDefinition['trigger'], { kind: 'queue' }>): number {
  if (!trigger.pacedBy) return trigger.maxConcurrency;
  const config = readConfig();
  return sendersFor(trigger.pacedBy === 'email' ? config.emailSendsPerSecond : config.smsSendsPerSecond);
}

export async function startEventSources(options: EventSourceOptions): Promise<Loop> {
  const { functions, messaging, log } = options;
  const pollers: Loop[] = [];
  const stopAll = async () => {
    await Promise.all(pollers.map((poller) => poller.stop()));
  };
  try {
    for (const [fn, definition] of Object.entries(functionDefinitions) as [
      FunctionKey,
      (typeof functionDefinitions)[FunctionKey],
    ][]) {
      const trigger: (typeof functionDefinitions)[FunctionKey]['trigger'] = definition.trigger;
      if (trigger.kind === 'stream') {
        pollers.push(
          await startStreamPoller({
            endpoint: options.dynamoDbEndpoint,
            streamArn: options.streamArn,
            consumer: {
              name: fn,
              filters: trigger.filters,
              batchSize: trigger.batchSize,
              retryAttempts: trigger.retryAttempts,
              maxRecordAgeSeconds: trigger.maxRecordAgeSeconds,
              handle: (event: DynamoDBStreamEvent) => functions.invoke(fn, event),
            },
            ...(options.checkpointDir
              ? { checkpointFile: join(options.checkpointDir, `stream-position-${fn}.json`) }
              : {}),
            ...(options.streamPollIntervalMs ? { intervalMs: options.streamPollIntervalMs } : {}),
            log,
          }),
        );
      } else if (trigger.kind === 'schedule') {
        // Rate schedules (the sweeper) run here on their period; clock-time ones (the daily digest)
        // are run by hand: a desk started at 9:00 would never see an 8:00 digest.
        const minutes = /^rate\((\d+) minutes?\)$/.exec(trigger.cron)?.[1];
        if (minutes) {
          pollers.push(
            startLoop(
              `schedule of ${fn}`,
              async (signal) => {
                await pause(Number(minutes) * 60_000, signal);
                if (!signal.aborted) await functions.invoke(fn, schedulerEvent(fn));
              },
              log,
            ),
          );
        }
      } else if (trigger.kind === 'queue') {
        pollers.push(
          startQueuePoller({
            sqs: options.sqs,
            consumer: {
              name: fn,
              queueUrl: messaging.queueUrls[trigger.queue],
              queueArn: messaging.queueArns[trigger.queue],
              batchSize: trigger.batchSize,
              maxReceiveCount: queues[trigger.queue].maxReceiveCount,
              handle: (event: SQSEvent) => functions.invoke(fn, event),
            },
            ...(options.concurrentQueues ? { concurrency: concurrencyOf(trigger) } : {}),
            log,
          }),
        );
      }
    }
  } catch (error) {
    await stopAll();
    throw error;
  }
  return { stop: stopAll };
}
