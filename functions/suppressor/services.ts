/** The suppressor's composition root: what suppressing an address and ending its subscription needs. */
import { compose, documents } from '../../shared/runtime/deployed.ts';
import * as build from '../../shared/runtime/parts.ts';

export const services = compose({ documents }, (c) => ({
  clock: c.clock,
  config: c.config,
  suppressions: build.suppressionStore(c),
  subscriptions: build.subscriptionStore(c),
}));
