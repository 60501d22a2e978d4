/** The digest's composition root: what building the editors' daily digest and starting the subscribers' needs. */
import { compose, documents, sns, sqs } from '../../shared/runtime/deployed.ts';
import * as build from '../../shared/runtime/parts.ts';

export const services = compose({ documents, sns, sqs }, (c) => ({
  ...build.policies(c),
  caseQueue: build.caseQueue(c),
  correctionLists: build.correctionLists(c),
  log: build.publicLog(c),
  alerts: build.editorAlerts(c),
  consoleUrl: build.consoleUrl(c),
  continuationQueue: build.continuationQueue(c),
}));
