/** The editors' cases function's composition root: the table only (cases, corrections, audiences). */
import { compose, documents } from '../../shared/runtime/deployed.ts';
import * as build from '../../shared/runtime/parts.ts';

export const services = compose({ documents }, (c) => ({
  ...build.policies(c),
  cases: build.caseStore(c),
  caseDecisions: build.caseDecisions(c),
  escalations: build.caseEscalations(c),
  caseQueue: build.caseQueue(c),
  claims: build.urlClaims(c),
  reporters: build.reporters(c),
  followers: build.followers(c),
  audience: build.audienceCounters(c),
  topics: build.topicStore(c),
  idempotency: build.idempotencyStore(c),
  corrections: build.correctionStore(c),
  correctionLists: build.correctionLists(c),
  log: build.publicLog(c),
  reannouncements: build.reannouncements(c),
  deliveryProgress: build.deliveryProgress(c),
  links: build.links(c),
}));
