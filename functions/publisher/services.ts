/** The publisher's composition root: what publishing an approved case and announcing it needs. */
import { compose, documents, sns } from '../../shared/runtime/deployed.ts';
import * as build from '../../shared/runtime/parts.ts';

export const services = compose({ documents, sns }, (c) => ({
  ...build.policies(c),
  cases: build.caseStore(c),
  corrections: build.correctionStore(c),
  publications: build.publications(c),
  log: build.publicLog(c),
  events: build.correctionEvents(c),
  announcements: build.announcementStore(c),
}));
