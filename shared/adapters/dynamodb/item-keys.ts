/**
 * The primary key of each kind of item in the single table, one export each: a function imports them
 * as `import * as keys from './item-keys.ts'` and its bundle keeps only the keys it builds (one object
 * of them all was 2.5 kB in every function).
 */
import { digest, randomId } from '../../security/tokens.ts';
import { type Key, named } from './keys.ts';

const pad = (version: number) => String(version).padStart(8, '0');

const caseKey = (id: string): Key => ({ pk: `CASE#${named(id)}`, sk: 'CASE' });

/**
 * The case's report count, apart from its editorial item and split over a few shards, so reports
 * neither conflict with an editor's change nor with each other. Beside the case item: one Query of
 * `begins_with(sk, 'CASE')` reads the case and its count.
 */
export const reportShard = (caseId: string, shard: number): Key => ({
  pk: `CASE#${named(caseId)}`,
  sk: `CASE#REPORTS#${shard}`,
});

export const reportShards = 4;

/** Sorted by version, then time: unversioned entries (escalations, merges) sit after their version. */
export const history = (caseId: string, version: number, at: string): Key => ({
  pk: `CASE#${named(caseId)}`,
  sk: `HISTORY#${pad(version)}#${at}#${randomId(4)}`,
});

export const historyPrefix = 'HISTORY#';

export const submission = (id: string): Key => ({ pk: `SUBMISSION#${named(id)}`, sk: 'SUBMISSION' });

export const subscription = (id: string): Key => ({ pk: `SUBSCRIPTION#${named(id)}`, sk: 'SUBSCRIPTION' });

/**
 * One item per followed topic ('*' for every topic) and per followed page (its pageTarget), in the
 * subscription's own partition.
 */
export const follow = (subscriptionId: string, target: string): Key => ({
  pk: `SUBSCRIPTION#${named(subscriptionId)}`,
  sk: `FOLLOW#${target}`,
});

/** A subscriber import written through a continuation, and its chunks of rows (CHUNK#<index>). */
export const importJob = (id: string): Key => ({ pk: `IMPORT#${named(id)}`, sk: 'JOB' });

export const importChunk = (id: string, index: number): Key => ({
  pk: `IMPORT#${named(id)}`,
  sk: `CHUNK#${String(index).padStart(6, '0')}`,
});

/** The claim that makes a subscription the only one of its address, keyed by the address's hash. */
export const subscriberAddress = (addressHash: string): Key => ({
  pk: `SUBSCRIBER#${addressHash}`,
  sk: 'SUBSCRIBER',
});

export const urlClaim = (urlKey: string): Key => ({ pk: `URL#${digest(urlKey)}`, sk: 'URL' });

export const idempotency = (scope: string, key: string): Key => ({
  pk: `IDEMPOTENCY#${scope}#${digest(key)}`,
  sk: 'IDEMPOTENCY',
});

export const topic = (key: string): Key => ({ pk: 'TOPICS', sk: `TOPIC#${key}` });

export const topicsPartition = 'TOPICS';

export const correction = (id: string): Key => ({ pk: `CORRECTION#${named(id)}`, sk: 'CORRECTION' });

export const rateWindow = (key: string, window: number): Key => ({
  pk: `RATE#${digest(key)}`,
  sk: `WINDOW#${window}`,
});

export const delivery = (key: string): Key => ({ pk: `DELIVERY#${key}`, sk: 'DELIVERY' });

/** The public log: its head and its entries, in seq order, in one partition. */
export const logHead = { pk: 'LOG', sk: 'HEAD' } as Key;

export const logEntry = (seq: number): Key => ({ pk: 'LOG', sk: `ENTRY#${String(seq).padStart(12, '0')}` });

/** A version's announcement (the outbox entry), per round: 0 for the publication, then re-announcements. */
export const announcement = (ref: { correctionId: string; version: number; round: number }): Key => ({
  pk: `ANNOUNCEMENT#${ref.correctionId}#${pad(ref.version)}#${pad(ref.round)}`,
  sk: 'ANNOUNCEMENT',
});

export const announcementRef = (
  pk: string,
): { correctionId: string; version: number; round: number } | undefined => {
  const [prefix, correctionId, version, round] = pk.split('#');
  if (prefix !== 'ANNOUNCEMENT' || !correctionId) return undefined;
  return { correctionId, version: Number(version), round: Number(round) };
};

/** A version's delivery plan (per announcement round): the cursor of its audience. */
export const plan = (ref: { correctionId: string; version: number; round: number }): Key => ({
  pk: `PLAN#${ref.correctionId}#${pad(ref.version)}#${pad(ref.round)}`,
  sk: 'PLAN',
});

/** A continuation's progress (shared/usecases/continuation.ts): one item per (kind, target). */
export const continuation = (kind: string, target: string): Key => ({
  pk: `CONTINUATION#${kind}#${target}`,
  sk: 'PROGRESS',
});

/** One shard of a version's delivery counters (the shards are summed on read). */
export const deliveryCounters = (correctionId: string, version: number, shard: number): Key => ({
  pk: `DELIVERIES#${correctionId}#${pad(version)}`,
  sk: `COUNTERS#${shard}`,
});

/** One pacing window of a channel's sends (the sender's token bucket). */
export const sendWindow = (channel: string, window: number): Key => ({
  pk: `PACE#${channel}#${window}`,
  sk: 'PACE',
});

/** Time to correction: one item per month and topic, months in order, in one partition. */
export const topicMonth = (month: string, topic: string): Key => ({
  pk: 'STATS',
  sk: `MONTH#${month}#TOPIC#${topic}`,
});

/** An address that gets nothing more, by its hash (recipientHash). */
export const suppression = (addressHash: string): Key => ({
  pk: `SUPPRESSED#${addressHash}`,
  sk: 'SUPPRESSION',
});

/** Where the scheduled import of SMS opt-outs left off. */
export const optOutPlace = { pk: 'OPTOUTS', sk: 'PLACE' } as Key;

/**
 * A page's notices: one item per correction of the page (its pageTarget), in order of first
 * publication, so a page's newest notices are one Query read backwards, whatever the table holds.
 */
export const notice = (target: string, publishedAt: string, correctionId: string): Key => ({
  pk: `NOTICES#${target}`,
  sk: `NOTICE#${publishedAt}#${named(correctionId)}`,
});

export const noticePrefix = 'NOTICE#';

/**
 * A reporter's way of being reached (its address), apart from the submission so that it can expire
 * (TTL) after the case ends while the report itself stays.
 */
export const contact = (submissionId: string, channel: string): Key => ({
  pk: `SUBMISSION#${named(submissionId)}`,
  sk: `CONTACT#${channel}`,
});

export const contactPrefix = 'CONTACT#';

/** One erasure's audit entry (who, when, which hash, how much), newest last, in one partition. */
export const erasure = (at: string, id: string): Key => ({ pk: 'ERASURES', sk: `ERASURE#${at}#${id}` });

/** Marks a person (by recipient hash) as a reporter of a case, under the case's partition. */
export const reporter = (caseId: string, recipientHash: string): Key => ({
  pk: `CASE#${named(caseId)}`,
  sk: `REPORTER#${recipientHash}`,
});

// `case` is a reserved word: a binding cannot take it, an export name can.
export { caseKey as case };
