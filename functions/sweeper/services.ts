/** The sweeper's composition root: what publishing a stuck case and relaying an announcement need. */
import { compose, documents, sns } from '../../shared/runtime/deployed.ts';
import * as build from '../../shared/runtime/parts.ts';

export const services = compose({ documents, sns }, (c) => ({
  ...build.policies(c),
  cases: build.caseStore(c),
  caseQueue: build.caseQueue(c),
  corrections: build.correctionStore(c),
  publications: build.publications(c),
  log: build.publicLog(c),
  events: build.correctionEvents(c),
  announcements: build.announcementStore(c),
}));
