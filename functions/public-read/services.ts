/** The public reading function's composition root: the table only (no writes, no messages). */
import { compose, documents } from '../../shared/runtime/deployed.ts';
import * as build from '../../shared/runtime/parts.ts';

export const services = compose({ documents }, (c) => ({
  config: c.config,
  clock: c.clock,
  topics: build.topicStore(c),
  corrections: build.correctionStore(c),
  correctionLists: build.correctionLists(c),
  publishedVersions: build.publishedVersions(c),
  log: build.publicLog(c),
  stats: build.statsStore(c),
  notices: build.noticeStore(c),
  links: build.links(c),
}));
