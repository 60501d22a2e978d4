/** The notifier's composition root: what alerting editors and queueing closing replies needs. */
import { compose, documents, sns, sqs } from '../../shared/runtime/deployed.ts';
import * as build from '../../shared/runtime/parts.ts';

export const services = compose({ documents, sns, sqs }, (c) => ({
  ...build.policies(c),
  cases: build.caseStore(c),
  audience: build.audienceCounters(c),
  intake: build.intakeStore(c),
  alerts: build.editorAlerts(c),
  topics: build.topicStore(c),
  queues: build.deliveryQueues(c),
  consoleUrl: build.consoleUrl(c),
}));
