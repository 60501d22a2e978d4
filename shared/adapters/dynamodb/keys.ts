/**
 * The single table's keys beside each item's own (./item-keys.ts). Index keys are overloaded: each
 * entity uses the generic gsiNpk/gsiNsk attributes for its own access patterns (documented beside each
 * builder).
 */
import { type Case, isOpen } from '../../domain/case.ts';
import { NotFound } from '../../domain/errors.ts';

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
