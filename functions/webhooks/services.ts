/** The webhook function's composition root: fanning an event out to webhooks and calling them. */
import { compose, documents, sns, sqs, webhookKey } from '../../shared/runtime/deployed.ts';
import * as build from '../../shared/runtime/parts.ts';

export const services = compose({ documents, sns, sqs, webhookKey }, (c) => ({
  clock: c.clock,
  config: c.config,
  webhooks: build.webhookStore(c),
  webhookCalls: build.webhookCalls(c),
  webhookQueue: build.webhookQueue(c),
  webhookCaller: build.webhookCaller(c),
  secretBox: build.secretBox(c),
  retrySchedule: build.retrySchedule(c),
  corrections: build.correctionStore(c),
  alerts: build.editorAlerts(c),
  consoleUrl: build.consoleUrl(c),
}));
