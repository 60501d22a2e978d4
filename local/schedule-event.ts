/**
 * What a schedule hands its function. Deployed, EventBridge Scheduler invokes the function on its cron;
 * locally nothing runs on a clock (a desk started at 9:00 would never see an 8:00 digest), so POST
 * /dev/digest and `npm run digest` invoke it with the event the schedule would send.
 */
import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import { type FunctionKey, functionDefinitions } from '../shared/resources/functions.ts';
import { localAccountId as accountId, localRegion } from './engines.ts';

export function schedulerEvent(fn: FunctionKey, now: Date = new Date()): ScheduledEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.scheduler',
    account: accountId,
    time: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: localRegion,
    resources: [
      `arn:aws:scheduler:${localRegion}:${accountId}:schedule/default/${functionDefinitions[fn].id}`,
    ],
    detail: {},
  };
}
