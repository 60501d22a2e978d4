/** The notifier's composition root: what alerting editors and starting continuations needs. */
import { compose, documents, sns, sqs } from '../../shared/runtime/deployed.ts';
import * as build from '../../shared/runtime/parts.ts';

export const services = compose({ documents, sns, sqs }, (c) => ({
  ...build.policies(c),
  cases: build.caseStore(c),
  audienceChanges: build.audienceChanges(c),
  alerts: build.editorAlerts(c),
  topics: build.topicStore(c),
  continuationQueue: build.continuationQueue(c),
  consoleUrl: build.consoleUrl(c),
}));
