/** The opt-out check's composition root: SNS's opted-out list, suppressions and subscriptions. */
import { compose, documents, sns } from '../../shared/runtime/deployed.ts';
import * as build from '../../shared/runtime/parts.ts';

export const services = compose({ documents, sns }, (c) => ({
  clock: c.clock,
  config: c.config,
  suppressions: build.suppressionStore(c),
  subscriptions: build.subscriptionStore(c),
  optOuts: build.optOutList(c),
  optOutPlace: build.optOutPlace(c),
}));
