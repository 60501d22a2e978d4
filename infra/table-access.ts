/**
 * What each function may write in the table, partition by partition: the IAM side of the key design
 * in shared/adapters/dynamodb/keys.ts. Each entry was read off the adapters the function's use cases
 * call (a transaction's Put, Update and Delete are authorized as PutItem, UpdateItem and DeleteItem,
 * item by item). Writes carry a `dynamodb:LeadingKeys` condition, so the internet-facing public
 * functions cannot write a correction, a delivery or a topic, whatever its code does.
 *
 * Keyed by the function catalogue: a new function does not compile until it is given an entry here,
 * and tests/infra checks that every partition of keys.ts is written by some function. A function that
 * starts writing a partition (or deleting) must say so here, or DynamoDB refuses it once deployed.
 */
import { audienceKey } from '../shared/adapters/dynamodb/audience-counters.ts';
import * as keys from '../shared/adapters/dynamodb/item-keys.ts';
import type { Key } from '../shared/adapters/dynamodb/keys.ts';
import { webhookKeys } from '../shared/adapters/dynamodb/webhook-store.ts';
import type { FunctionKey } from '../shared/resources/functions.ts';

/** The `dynamodb:LeadingKeys` pattern of a key's partition: `CASE#*`, or `TOPICS` exactly. */
export function partitionOf(key: Key | ((...args: never[]) => Key)): string {
  const { pk } = typeof key === 'function' ? (key as (...args: string[]) => Key)('id', 'id', 'id') : key;
  const separator = pk.indexOf('#');
  return separator < 0 ? pk : `${pk.slice(0, separator + 1)}*`;
}

const partitions = {
  case: partitionOf(keys.case), // the case, its history and its reporters' marks
  submission: partitionOf(keys.submission),
  urlClaim: partitionOf(keys.urlClaim),
  subscription: partitionOf(keys.subscription), // the subscription and its follows
  subscriberAddress: partitionOf(keys.subscriberAddress),
  idempotency: partitionOf(keys.idempotency),
  topics: partitionOf(keys.topic),
  correction: partitionOf(keys.correction),
  rateWindow: partitionOf(keys.rateWindow),
  delivery: partitionOf(keys.delivery),
  deliveryCounters: partitionOf(keys.deliveryCounters),
  plan: partitionOf(keys.plan as (...args: never[]) => Key),
  continuation: partitionOf(keys.continuation),
  announcement: partitionOf(keys.announcement as (...args: never[]) => Key),
  sendWindow: partitionOf(keys.sendWindow),
  stats: partitionOf(keys.topicMonth),
  log: partitionOf(keys.logHead), // its head and its entries
  audience: partitionOf(audienceKey({ kind: 'topic', topic: 'id' })), // every scope's counters
  webhooks: partitionOf(webhookKeys.count), // the webhooks and their count
  webhookEvents: partitionOf(webhookKeys.delivery), // one webhook's deliveries and attempts
  /** The once-only markers of applied audience changes (shared/adapters/dynamodb/audience-counters.ts). */
  audienceChange: 'AUDIENCE-CHANGE#*',
  suppression: partitionOf(keys.suppression),
  erasure: partitionOf(keys.erasure('at', 'id')), // the audit entries of erasures
  optOutPlace: partitionOf(keys.optOutPlace),
  notices: partitionOf(keys.notice), // each page's notices (the public function only reads them)
  importJob: partitionOf(keys.importJob), // a long import's job and its chunks of rows
};

export interface TableWrites {
  /** Partitions it puts whole items into (PutItem). */
  puts: readonly string[];
  /** Partitions it updates items in (UpdateItem). */
  updates: readonly string[];
  /** Partitions it deletes items from (DeleteItem). */
  deletes: readonly string[];
  /** Partitions it writes in batches (BatchWriteItem: puts, though IAM cannot tell its puts from deletes). */
  batchWrites?: readonly string[];
}

const none: TableWrites = { puts: [], updates: [], deletes: [] };
const p = partitions;

/** Every function reads (GetItem, BatchGetItem, Query on the table and its named indexes); these write. */
export const tableWrites: Record<FunctionKey, TableWrites> = {
  // The public reading function reads only.
  publicRead: none,
  publicWrite: {
    // Reports open or join cases (with history and reporters' marks), claim the URL, remember the
    // idempotency key; subscriptions claim their address; the limiter counts per window.
    puts: [p.case, p.submission, p.urlClaim, p.idempotency, p.subscription, p.subscriberAddress],
    updates: [p.case, p.subscription, p.rateWindow],
    // Following fewer topics deletes those follow items.
    deletes: [p.subscription],
  },
  adminCases: {
    // Case decisions (history, idempotent creation) and merges (both cases and the URL claim moved;
    // the planner relinks the submissions). A re-announcement puts a new round of the announcement
    // with its history entry.
    puts: [p.case, p.idempotency, p.announcement],
    updates: [p.case, p.urlClaim],
    deletes: [],
  },
  adminSubscribers: {
    // A subscriber import writes new subscriptions in batches and changes existing ones as the
    // subscribe form does (a topic no longer followed deletes its follow item); a long one stores
    // its job and rows in chunks for the planner.
    puts: [p.subscription, p.subscriberAddress],
    updates: [],
    deletes: [p.subscription],
    batchWrites: [p.subscription, p.subscriberAddress, p.importJob],
  },
  adminSettings: {
    // The topic catalogue. Webhooks are added, changed and removed with their count in one transaction.
    // An erasure suppresses the address, deletes its subscription (item, follows, address claim), its
    // contacts on submissions, its reporter marks and its delivery records, and writes its audit entry.
    puts: [p.topics, p.webhooks, p.suppression, p.erasure],
    updates: [p.webhooks],
    deletes: [p.webhooks, p.subscription, p.subscriberAddress, p.submission, p.case, p.delivery],
  },

  publisher: {
    // One transaction: the correction's version, the case published, its history entry, the public
    // log's entry and head, the time-to-correction figures of the topic's month, and the version's
    // announcement (the outbox), which its announcer then marks done, and the page's notice of it.
    puts: [p.correction, p.case, p.log, p.announcement, p.notices],
    updates: [p.case, p.log, p.stats, p.announcement],
    deletes: [],
  },
  // The publisher's writes, for the cases and announcements it re-drives.
  sweeper: {
    puts: [p.correction, p.case, p.log, p.announcement, p.notices],
    updates: [p.case, p.log, p.stats, p.announcement],
    deletes: [],
  },
  notifier: {
    // Audience counters, each change applied once (a marker put in the same transaction).
    puts: [p.audienceChange],
    updates: [p.audience],
    deletes: [],
  },
  planner: {
    // The plan's cursor, moved conditionally with the run's planned counters; the continuations'
    // progress; a merge's relinking moves submissions and copies their reporters' marks to the case.
    // An ended case's contacts get their expiry (inline ones from earlier versions move into contact
    // items); an erasure's continuation deletes the person's contacts, marks and delivery records.
    // A long subscriber import's chunks, written as the admin function writes a short one (new
    // subscriptions in batches, changes as the subscribe form makes them), each counted on its job once.
    puts: [p.submission, p.subscription, p.subscriberAddress],
    updates: [p.plan, p.deliveryCounters, p.continuation, p.submission, p.case, p.importJob],
    deletes: [p.submission, p.case, p.delivery, p.subscription],
    batchWrites: [p.subscription, p.subscriberAddress],
  },
  emailSender: {
    // A delivery is claimed, accepted, then marked sent or failed, counted per version in sharded
    // counters; each send takes a token from its channel's pacing window.
    puts: [],
    updates: [p.delivery, p.deliveryCounters, p.sendWindow],
    deletes: [],
  },
  smsSender: {
    // The email sender's writes; and a number that opted out (SNS refuses it) is suppressed there
    // and then, and its subscription (with its address claim and follows) ended.
    puts: [p.suppression, p.subscription, p.subscriberAddress],
    updates: [p.delivery, p.deliveryCounters, p.sendWindow],
    deletes: [],
  },
  webhooks: {
    // Each event's delivery and every attempt in the webhook's partition; failures counted on the
    // webhook itself (which disables it after too many); each delivery counted in its version's
    // delivery counters (channel webhooks) in the same transaction as its change.
    puts: [p.webhookEvents],
    updates: [p.webhookEvents, p.webhooks, p.deliveryCounters],
    deletes: [],
  },
  // An address suppressed; its subscription (the item, its address claim, its follows) ended.
  suppressor: { puts: [p.suppression, p.subscription, p.subscriberAddress], updates: [], deletes: [] },
  // The same for each opted-out number, and where the list was left off.
  optOutCheck: {
    puts: [p.suppression, p.subscription, p.subscriberAddress, p.optOutPlace],
    updates: [],
    deletes: [],
  },
  digest: none,
};

/** Every partition some function writes: tests check it covers every partition of the key design. */
export const writtenPartitions = (): Set<string> =>
  new Set(
    Object.values(tableWrites).flatMap((writes) => [...writes.puts, ...writes.updates, ...writes.deletes]),
  );
