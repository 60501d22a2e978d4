/** The planner's composition root: what turning a correction into send jobs and running continuations needs. */
import { compose, documents, sqs } from '../../shared/runtime/deployed.ts';
import * as build from '../../shared/runtime/parts.ts';

export const services = compose({ documents, sqs }, (c) => ({
  clock: c.clock,
  config: c.config,
  subscriptions: build.subscriptionStore(c),
  subscriptionImports: build.subscriptionImports(c),
  followers: build.followers(c),
  caseSubmissions: build.caseSubmissions(c),
  submissionUpkeep: build.submissionUpkeep(c),
  reporters: build.reporters(c),
  personalData: build.personalData(c),
  corrections: build.correctionStore(c),
  publishedVersions: build.publishedVersions(c),
  queues: build.deliveryQueues(c),
  sendRates: build.sendRates(c),
  plans: build.planStore(c),
  continuations: build.continuationStore(c),
  continuationQueue: build.continuationQueue(c),
  // A long subscriber import's chunks: written as the subscribe form writes, confirmations queued.
  importJobs: build.importJobStore(c),
  signer: c.signer,
}));
