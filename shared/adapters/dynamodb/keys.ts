/**
 * Every key of the single table, in one place. Index keys are overloaded: each entity uses the
 * generic gsiNpk/gsiNsk attributes for its own access patterns (documented beside each builder).
 */
import { type Case, isOpen } from '../../domain/case.ts';
import { NotFound } from '../../domain/errors.ts';
import { digest, randomId } from '../../security/tokens.ts';

export type Key = { pk: string; sk: string };

/** The desk's ids are 12 to 16 base32 characters; this leaves room for any id it may make later. */
export const maxIdLength = 64;

/**
 * An id from outside (a path, a body) as part of a key: one that is empty, longer than any id the
 * desk makes, or holds control characters names nothing. Checked here, where every key is built, so
 * no such id reaches DynamoDB (which refuses keys over 2 KB with an error, not an empty answer).
 */
export function named(id: string): string {
  if (id.length === 0 || id.length > maxIdLength || /\p{Cc}/u.test(id)) {
    throw new NotFound('There is nothing with that id.');
  }
  return id;
}

const pad = (version: number) => String(version).padStart(8, '0');

export const keys = {
  case: (id: string): Key => ({ pk: `CASE#${named(id)}`, sk: 'CASE' }),
  /**
   * The case's report count, apart from its editorial item and split over a few shards, so reports
   * neither conflict with an editor's change nor with each other. Beside the case item: one Query of
   * `begins_with(sk, 'CASE')` reads the case and its count.
   */
  reportShard: (caseId: string, shard: number): Key => ({
    pk: `CASE#${named(caseId)}`,
    sk: `CASE#REPORTS#${shard}`,
  }),
  reportShards: 4,
  /** Sorted by version, then time: unversioned entries (escalations, merges) sit after their version. */
  history: (caseId: string, version: number, at: string): Key => ({
    pk: `CASE#${named(caseId)}`,
    sk: `HISTORY#${pad(version)}#${at}#${randomId(4)}`,
  }),
  historyPrefix: 'HISTORY#',
  submission: (id: string): Key => ({ pk: `SUBMISSION#${named(id)}`, sk: 'SUBMISSION' }),
  subscription: (id: string): Key => ({ pk: `SUBSCRIPTION#${named(id)}`, sk: 'SUBSCRIPTION' }),
  /**
   * One item per followed topic ('*' for every topic) and per followed page (its pageTarget), in the
   * subscription's own partition.
   */
  follow: (subscriptionId: string, target: string): Key => ({
    pk: `SUBSCRIPTION#${named(subscriptionId)}`,
    sk: `FOLLOW#${target}`,
  }),
  /** A subscriber import written through a continuation, and its chunks of rows (CHUNK#<index>). */
  importJob: (id: string): Key => ({ pk: `IMPORT#${named(id)}`, sk: 'JOB' }),
  importChunk: (id: string, index: number): Key => ({
    pk: `IMPORT#${named(id)}`,
    sk: `CHUNK#${String(index).padStart(6, '0')}`,
  }),
  /** The claim that makes a subscription the only one of its address, keyed by the address's hash. */
  subscriberAddress: (addressHash: string): Key => ({ pk: `SUBSCRIBER#${addressHash}`, sk: 'SUBSCRIBER' }),
  urlClaim: (urlKey: string): Key => ({ pk: `URL#${digest(urlKey)}`, sk: 'URL' }),
  idempotency: (scope: string, key: string): Key => ({
    pk: `IDEMPOTENCY#${scope}#${digest(key)}`,
    sk: 'IDEMPOTENCY',
  }),
  topic: (key: string): Key => ({ pk: 'TOPICS', sk: `TOPIC#${key}` }),
  topicsPartition: 'TOPICS',
  correction: (id: string): Key => ({ pk: `CORRECTION#${named(id)}`, sk: 'CORRECTION' }),
  rateWindow: (key: string, window: number): Key => ({ pk: `RATE#${digest(key)}`, sk: `WINDOW#${window}` }),
  delivery: (key: string): Key => ({ pk: `DELIVERY#${key}`, sk: 'DELIVERY' }),
  /** The public log: its head and its entries, in seq order, in one partition. */
  logHead: { pk: 'LOG', sk: 'HEAD' } as Key,
  logEntry: (seq: number): Key => ({ pk: 'LOG', sk: `ENTRY#${String(seq).padStart(12, '0')}` }),
  /** A version's announcement (the outbox entry), per round: 0 for the publication, then re-announcements. */
  announcement: (ref: { correctionId: string; version: number; round: number }): Key => ({
    pk: `ANNOUNCEMENT#${ref.correctionId}#${pad(ref.version)}#${pad(ref.round)}`,
    sk: 'ANNOUNCEMENT',
  }),
  announcementRef: (pk: string): { correctionId: string; version: number; round: number } | undefined => {
    const [prefix, correctionId, version, round] = pk.split('#');
    if (prefix !== 'ANNOUNCEMENT' || !correctionId) return undefined;
    return { correctionId, version: Number(version), round: Number(round) };
  },
  /** A version's delivery plan (per announcement round): the cursor of its audience. */
  plan: (ref: { correctionId: string; version: number; round: number }): Key => ({
    pk: `PLAN#${ref.correctionId}#${pad(ref.version)}#${pad(ref.round)}`,
    sk: 'PLAN',
  }),
  /** A continuation's progress (shared/usecases/continuation.ts): one item per (kind, target). */
  continuation: (kind: string, target: string): Key => ({
    pk: `CONTINUATION#${kind}#${target}`,
    sk: 'PROGRESS',
  }),
  /** One shard of a version's delivery counters (the shards are summed on read). */
  deliveryCounters: (correctionId: string, version: number, shard: number): Key => ({
    pk: `DELIVERIES#${correctionId}#${pad(version)}`,
    sk: `COUNTERS#${shard}`,
  }),
  /** One pacing window of a channel's sends (the sender's token bucket). */
  sendWindow: (channel: string, window: number): Key => ({ pk: `PACE#${channel}#${window}`, sk: 'PACE' }),
  /** Time to correction: one item per month and topic, months in order, in one partition. */
  topicMonth: (month: string, topic: string): Key => ({ pk: 'STATS', sk: `MONTH#${month}#TOPIC#${topic}` }),
  /** An address that gets nothing more, by its hash (recipientHash). */
  suppression: (addressHash: string): Key => ({ pk: `SUPPRESSED#${addressHash}`, sk: 'SUPPRESSION' }),
  /** Where the scheduled import of SMS opt-outs left off. */
  optOutPlace: { pk: 'OPTOUTS', sk: 'PLACE' } as Key,
  /**
   * A page's notices: one item per correction of the page (its pageTarget), in order of first
   * publication, so a page's newest notices are one Query read backwards, whatever the table holds.
   */
  notice: (target: string, publishedAt: string, correctionId: string): Key => ({
    pk: `NOTICES#${target}`,
    sk: `NOTICE#${publishedAt}#${named(correctionId)}`,
  }),
  noticePrefix: 'NOTICE#',
  /**
   * A reporter's way of being reached (its address), apart from the submission so that it can expire
   * (TTL) after the case ends while the report itself stays.
   */
  contact: (submissionId: string, channel: string): Key => ({
    pk: `SUBMISSION#${named(submissionId)}`,
    sk: `CONTACT#${channel}`,
  }),
  contactPrefix: 'CONTACT#',
  /** One erasure's audit entry (who, when, which hash, how much), newest last, in one partition. */
  erasure: (at: string, id: string): Key => ({ pk: 'ERASURES', sk: `ERASURE#${at}#${id}` }),
  /** Marks a person (by recipient hash) as a reporter of a case, under the case's partition. */
  reporter: (caseId: string, recipientHash: string): Key => ({
    pk: `CASE#${named(caseId)}`,
    sk: `REPORTER#${recipientHash}`,
  }),
};

/** Queue order: open cases by deadline (ascending); published and closed ones by last change (descending). */
export const caseOrder = (c: Case): string =>
  isOpen(c.status) || c.status === 'approved' ? c.dueAt : c.updatedAt;

/**
 * gsi1 by status, gsi2 by topic and status, gsi3 by assignee and status, gsi4 by topic, assignee and
 * status: every filter combination of the queue is one Query. gsi5: cases opened per day (digest).
 */
export function caseIndexKeys(c: Case): Record<string, string> {
  const order = `${caseOrder(c)}#${c.id}`;
  return {
    gsi1pk: `CASES#STATUS#${c.status}`,
    gsi1sk: order,
    gsi2pk: `CASES#TOPIC#${c.topic}#STATUS#${c.status}`,
    gsi2sk: order,
    ...(c.assignee
      ? {
          gsi3pk: `CASES#ASSIGNEE#${c.assignee}#STATUS#${c.status}`,
          gsi3sk: order,
          gsi4pk: `CASES#TOPIC#${c.topic}#ASSIGNEE#${c.assignee}#STATUS#${c.status}`,
          gsi4sk: order,
        }
      : {}),
    gsi5pk: `CASES#OPENED#${c.createdAt.slice(0, 10)}`,
    gsi5sk: `${c.createdAt}#${c.id}`,
  };
}

/** gsi5 of submissions: the reports of one case, oldest first. */
export const submissionIndexKeys = (
  caseId: string,
  createdAt: string,
  id: string,
): Record<string, string> => ({
  gsi5pk: `CASE#${caseId}#SUBMISSIONS`,
  gsi5sk: `${createdAt}#${id}`,
});

/**
 * gsi4 of follow items: the followers of one topic or page, by subscription id. Present only while
 * the subscription is active and hears of each correction at once, so the index holds exactly who is
 * to be reached now and nothing to filter.
 */
export const followerIndexKeys = (target: string, subscriptionId: string): Record<string, string> => ({
  gsi4pk: `FOLLOWERS#${target}`,
  gsi4sk: subscriptionId,
});

/** gsi4 of subscription items: the active daily (or weekly) subscribers, by id, for their digests. */
export const digestIndexKeys = (frequency: string, subscriptionId: string): Record<string, string> => ({
  gsi4pk: `DIGESTS#${frequency}`,
  gsi4sk: subscriptionId,
});

/**
 * gsi2 of everything the desk keeps about one person, by recipient hash: their contact on each
 * submission, their reporter marks and their delivery records. An erasure finds all of it here, a
 * page at a time, without a scan; the entries leave as the items expire or are erased.
 */
export const recipientIndexKeys = (recipientHash: string, what: string): Record<string, string> => ({
  gsi2pk: `RECIPIENT#${recipientHash}`,
  gsi2sk: what,
});

/** An ISO time plus some days, as DynamoDB's TTL reads it (epoch seconds). */
export const expiresAfterDays = (from: string, days: number): number =>
  Math.floor(Date.parse(from) / 1000) + Math.round(days * 24 * 60 * 60);

/** Attributes that are storage, not part of an entity. */
const storageAttributes = new Set(['pk', 'sk', 'entity', 'expiresAt']);
export function withoutStorage<T>(item: Record<string, unknown>): T {
  const entity: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) {
    if (!storageAttributes.has(name) && !/^gsi\dpk$|^gsi\dsk$/.test(name)) entity[name] = value;
  }
  return entity as T;
}
