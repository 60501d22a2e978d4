/**
 * The desk's functions and what triggers them: one catalogue for the CDK stack (event sources, routes)
 * and for the local stack (gateway routes, stream and queue pollers).
 */
import type { Channel } from '../domain/subscription.ts';
import { defaultSendsPerSecond } from '../runtime/config.ts';
import type { QueueKey } from './messaging.ts';

/** A Lambda event filter pattern (the subset both the CDK stack and the local poller understand). */
export type FilterPattern = { [key: string]: FilterPattern | ReadonlyArray<FilterValue> };
export type FilterValue = string | number | { 'anything-but': ReadonlyArray<string> } | { exists: boolean };

export interface HttpRoute {
  method: 'ANY' | 'GET' | 'HEAD' | 'POST';
  path: string;
  /** Routes behind the JWT authorizer (the editors' API). */
  auth: 'jwt' | 'none';
  /**
   * Public routes get the API's throttling. A public route that is not throttled is never held back,
   * at the edge either: the one-click unsubscribe, which mail providers post from their own servers.
   */
  throttled: boolean;
  /**
   * A public form or API post that creates something (a report, a subscription, a message sent):
   * the API's lower write rate, and at the edge a per-IP rate limit and a browser challenge.
   */
  form?: true;
  /** Answers that carry or depend on a token (confirmation, manage, tracking): never cached at the edge. */
  private?: true;
}

export type Trigger =
  | { kind: 'http'; routes: ReadonlyArray<HttpRoute> }
  | {
      kind: 'stream';
      filters: ReadonlyArray<FilterPattern>;
      batchSize: number;
      retryAttempts: number;
      maxRecordAgeSeconds: number;
    }
  | {
      kind: 'queue';
      queue: QueueKey;
      batchSize: number;
      maxConcurrency: number;
      /**
       * A channel's sender: its concurrency is sized to the channel's configured rate (sendersFor),
       * deployed and locally; maxConcurrency is that size at the default rate.
       */
      pacedBy?: Channel;
    }
  | { kind: 'schedule'; cron: string };

export interface FunctionDefinition {
  id: string;
  /** Path of the handler module, relative to the repository root; it exports `handler`. */
  entry: string;
  description: string;
  memoryMb: number;
  timeoutSeconds: number;
  trigger: Trigger;
  /**
   * Files the function serves as they are, read on first use rather than bundled (shared/runtime/
   * served-file.ts): copied beside the bundle, each under its own name. Paths from the repository root.
   */
  files?: ReadonlyArray<string>;
}

const caseImage = (image: FilterPattern): FilterPattern => ({ entity: { S: ['case'] }, ...image });

/** A case moving into approved: the publisher's work. Filters cannot compare images; code checks again. */
export const approvedTransition: FilterPattern = {
  eventName: ['MODIFY'],
  dynamodb: {
    NewImage: caseImage({ status: { S: ['approved'] } }),
    OldImage: { status: { S: [{ 'anything-but': ['approved'] }] } },
  },
};

/** An announcement written (the outbox entry of a publication or a re-announcement): the announcer's work. */
export const announcementInserted: FilterPattern = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { entity: { S: ['announcement'] } } },
};

/** A case that is (now) high or critical: the notifier checks that severity really rose. */
export const severityRaised: FilterPattern = {
  eventName: ['INSERT', 'MODIFY'],
  dynamodb: { NewImage: caseImage({ severity: { S: ['high', 'critical'] } }) },
};

/** A new case: counted (CasesOpened), and alerted on if it starts high or critical. */
export const caseOpened: FilterPattern = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: caseImage({}) },
};

/** A case moving into closed: its reporters are told the outcome (or, merged, its reports move). */
export const closedTransition: FilterPattern = {
  eventName: ['MODIFY'],
  dynamodb: {
    NewImage: caseImage({ status: { S: ['closed'] } }),
    OldImage: { status: { S: [{ 'anything-but': ['closed'] }] } },
  },
};

/** A case published: its reporters' contacts start to expire (closing does the same, above). */
export const publishedTransition: FilterPattern = {
  eventName: ['MODIFY'],
  dynamodb: {
    NewImage: caseImage({ status: { S: ['published'] } }),
    OldImage: { status: { S: [{ 'anything-but': ['published'] }] } },
  },
};

/** Follow items and reporter marks, as written and as removed: they keep the audience counters. */
export const audienceChanges: ReadonlyArray<FilterPattern> = [
  { dynamodb: { NewImage: { entity: { S: ['follow', 'reporter'] } } } },
  { dynamodb: { OldImage: { entity: { S: ['follow', 'reporter'] } } } },
];

/**
 * What one sender invocation sends per second: a batch of 10 is claimed, tokened, sent side by side
 * and recorded in about a second (a provider call and a few table writes each).
 */
const sendsPerSenderPerSecond = 10;

/**
 * Concurrent senders for a channel's rate: enough to keep the rate busy, no more (a surplus sender
 * only waits for tokens, holding its batch); 2 at least (Lambda's least maximum concurrency).
 */
export const sendersFor = (sendsPerSecond: number): number =>
  Math.min(1000, Math.max(2, Math.ceil(sendsPerSecond / sendsPerSenderPerSecond)));

const streamDefaults = { batchSize: 10, retryAttempts: 5, maxRecordAgeSeconds: 6 * 60 * 60 } as const;

export const functionDefinitions = {
  publicRead: {
    id: 'PublicRead',
    entry: 'functions/public-read/handler.ts',
    description: 'The public reading: corrections, their pages and feeds, notices, figures, the contract',
    memoryMb: 512,
    timeoutSeconds: 10,
    trigger: {
      kind: 'http',
      routes: [
        { method: 'GET', path: '/', auth: 'none', throttled: true },
        // The function answers HEAD wherever it answers GET; {proxy+} below takes every method already.
        { method: 'HEAD', path: '/', auth: 'none', throttled: true },
        // Everything the writing function's routes do not name, unknown addresses included.
        { method: 'ANY', path: '/{proxy+}', auth: 'none', throttled: true },
      ],
    },
    files: [
      'shared/console/script.generated.js',
      'shared/console/console.css',
      'shared/http/openapi.json',
      'shared/pages/pages.css',
      'shared/pages/page-words.json',
      'shared/pages/notices-frame.css',
    ],
  },
  publicWrite: {
    id: 'PublicWrite',
    entry: 'functions/public-write/handler.ts',
    description: 'The public writing: reports, subscriptions and their confirmation, the two forms',
    memoryMb: 512,
    timeoutSeconds: 10,
    trigger: {
      kind: 'http',
      routes: [
        // Posts that create something have routes of their own for their own limits.
        { method: 'POST', path: '/submissions', auth: 'none', throttled: true, form: true },
        { method: 'POST', path: '/subscriptions', auth: 'none', throttled: true, form: true },
        { method: 'POST', path: '/report', auth: 'none', throttled: true, form: true },
        { method: 'POST', path: '/subscribe', auth: 'none', throttled: true, form: true },
        { method: 'POST', path: '/subscriptions/{id}/unsubscribe', auth: 'none', throttled: false },
        // The rest of these addresses (the forms' pages, other methods) answer here too.
        { method: 'ANY', path: '/submissions', auth: 'none', throttled: true },
        { method: 'ANY', path: '/subscriptions', auth: 'none', throttled: true },
        { method: 'ANY', path: '/report', auth: 'none', throttled: true },
        { method: 'ANY', path: '/subscribe', auth: 'none', throttled: true },
        { method: 'ANY', path: '/subscribe/{proxy+}', auth: 'none', throttled: true },
        { method: 'ANY', path: '/subscriptions/{proxy+}', auth: 'none', throttled: true, private: true },
        { method: 'ANY', path: '/submissions/{proxy+}', auth: 'none', throttled: true, private: true },
      ],
    },
    files: [
      'shared/domain/phone-metadata.generated.json',
      'shared/pages/pages.css',
      'shared/pages/page-words.json',
    ],
  },
  adminCases: {
    id: 'AdminCases',
    entry: 'functions/admin-cases/handler.ts',
    description:
      'The editors API for cases: the review queue, decisions, previews, amendments, deliveries, digest',
    memoryMb: 512,
    timeoutSeconds: 10,
    trigger: {
      kind: 'http',
      // Every /admin path the other admin functions do not name, unknown ones included (its 404).
      routes: [{ method: 'ANY', path: '/admin/{proxy+}', auth: 'jwt', throttled: false }],
    },
  },
  adminSubscribers: {
    id: 'AdminSubscribers',
    entry: 'functions/admin-subscribers/handler.ts',
    description: 'The admins API for subscriber imports: a CSV checked (dry run) and imported, its job',
    memoryMb: 512,
    // A subscriber import (10,000 rows, batched) is its longest call; just under the HTTP API's 30 s.
    timeoutSeconds: 29,
    trigger: {
      kind: 'http',
      // ANY: a method a path does not take is the function's 405, as on every other route.
      routes: [{ method: 'ANY', path: '/admin/subscribers/{proxy+}', auth: 'jwt', throttled: false }],
    },
    files: ['shared/domain/phone-metadata.generated.json'],
  },
  adminSettings: {
    id: 'AdminSettings',
    entry: 'functions/admin-settings/handler.ts',
    description: 'The admins API: the topic catalogue, webhooks, the suppression list and erasures',
    memoryMb: 512,
    timeoutSeconds: 10,
    trigger: {
      kind: 'http',
      routes: [
        { method: 'ANY', path: '/admin/erasures', auth: 'jwt', throttled: false },
        { method: 'ANY', path: '/admin/suppressions', auth: 'jwt', throttled: false },
        { method: 'ANY', path: '/admin/topics', auth: 'jwt', throttled: false },
        { method: 'ANY', path: '/admin/topics/{proxy+}', auth: 'jwt', throttled: false },
        { method: 'ANY', path: '/admin/webhooks', auth: 'jwt', throttled: false },
        { method: 'ANY', path: '/admin/webhooks/{proxy+}', auth: 'jwt', throttled: false },
      ],
    },
  },
  publisher: {
    id: 'Publisher',
    entry: 'functions/publisher/handler.ts',
    description: 'Publishes approved cases as corrections; announces them from the outbox',
    memoryMb: 512,
    timeoutSeconds: 30,
    trigger: { kind: 'stream', filters: [approvedTransition, announcementInserted], ...streamDefaults },
  },
  notifier: {
    id: 'Notifier',
    entry: 'functions/notifier/handler.ts',
    description:
      'Counts new cases and audiences, alerts editors to urgent cases, starts closing replies and merges',
    memoryMb: 256,
    timeoutSeconds: 30,
    trigger: {
      kind: 'stream',
      filters: [caseOpened, severityRaised, closedTransition, publishedTransition, ...audienceChanges],
      ...streamDefaults,
    },
  },
  planner: {
    id: 'Planner',
    entry: 'functions/planner/handler.ts',
    description: 'Turns a published correction into one message per recipient; runs continuations',
    memoryMb: 512,
    timeoutSeconds: 30,
    trigger: { kind: 'queue', queue: 'deliveryPlan', batchSize: 1, maxConcurrency: 5 },
  },
  emailSender: {
    id: 'EmailSender',
    entry: 'functions/email-sender/handler.ts',
    description: 'Sends each email once (SES), paced to the email rate',
    memoryMb: 256,
    timeoutSeconds: 30,
    trigger: {
      kind: 'queue',
      queue: 'emailSend',
      batchSize: 10,
      maxConcurrency: sendersFor(defaultSendsPerSecond.email),
      pacedBy: 'email',
    },
  },
  smsSender: {
    id: 'SmsSender',
    entry: 'functions/sms-sender/handler.ts',
    description: 'Sends each SMS once (SNS), paced to the SMS rate',
    memoryMb: 256,
    timeoutSeconds: 30,
    trigger: {
      kind: 'queue',
      queue: 'smsSend',
      batchSize: 10,
      maxConcurrency: sendersFor(defaultSendsPerSecond.sms),
      pacedBy: 'sms',
    },
  },
  webhooks: {
    id: 'Webhooks',
    entry: 'functions/webhooks/handler.ts',
    description: 'Calls the webhooks with each published correction: signed, retried with backoff',
    memoryMb: 256,
    // Ten calls of at most 10 s each run side by side, plus their bookkeeping.
    timeoutSeconds: 30,
    trigger: { kind: 'queue', queue: 'webhookCalls', batchSize: 10, maxConcurrency: 5 },
  },
  sweeper: {
    id: 'Sweeper',
    entry: 'functions/sweeper/handler.ts',
    description: 'Re-drives cases stuck in approved and announcements still pending; counts its repairs',
    memoryMb: 256,
    timeoutSeconds: 60,
    trigger: { kind: 'schedule', cron: 'rate(5 minutes)' },
  },
  suppressor: {
    id: 'Suppressor',
    entry: 'functions/suppressor/handler.ts',
    description: 'Suppresses addresses that bounced for good or complained, and ends their subscriptions',
    memoryMb: 256,
    timeoutSeconds: 30,
    trigger: { kind: 'queue', queue: 'emailEvents', batchSize: 10, maxConcurrency: 2 },
  },
  optOutCheck: {
    id: 'OptOutCheck',
    entry: 'functions/opt-out-check/handler.ts',
    description:
      "Suppresses the numbers on SNS's opted-out list (SMS STOP replies) and ends their subscriptions",
    memoryMb: 256,
    timeoutSeconds: 120,
    trigger: { kind: 'schedule', cron: 'cron(15 * * * ? *)' },
  },
  digest: {
    id: 'Digest',
    entry: 'functions/digest/handler.ts',
    description: "Starts the subscribers' daily and weekly digests and sends the editors' daily digest",
    memoryMb: 256,
    timeoutSeconds: 60,
    trigger: { kind: 'schedule', cron: 'cron(0 8 * * ? *)' },
  },
} as const satisfies Record<string, FunctionDefinition>;

export type FunctionKey = keyof typeof functionDefinitions;
