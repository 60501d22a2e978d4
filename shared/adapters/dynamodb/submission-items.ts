/**
 * How a report is kept in the table, for the stores that write it (intake), read it (submissions)
 * and tend it later (expiry and merges): the submission item, one contact item per way of reaching
 * the reporter (expiring on their own, indexed by the person's recipient hash so an erasure finds
 * them) and the reporter's marks on the case. Submissions stored before kept the contact inline; it is
 * read the same way and moved out when the case ends.
 */
import { BatchGetCommand, type DynamoDBDocumentClient, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  contactRecipients,
  type Recipient,
  recipientHash,
  reporterRecipient,
} from '../../domain/recipient.ts';
import type { Contact, Submission } from '../../domain/submission.ts';
import * as keys from './item-keys.ts';
import { recipientIndexKeys, submissionIndexKeys, withoutStorage } from './keys.ts';
import type { Partition } from './paging.ts';
import type { TransactItem } from './transact.ts';

type Item = Record<string, unknown>;

const channels = ['email', 'sms'] as const;

/** The index partition of a case's submissions (gsi5), oldest first. */
export const submissionsPartition = (caseId: string): Partition => ({
  index: 'gsi5',
  pkName: 'gsi5pk',
  pkValue: submissionIndexKeys(caseId, '', '').gsi5pk ?? '',
  skName: 'gsi5sk',
  ascending: true,
});

/** A contact item's address back into a Contact. */
const contactOf = (items: Item[]): Contact | undefined => {
  const contact: Contact = {};
  for (const item of items) {
    if (item.channel === 'email') contact.email = String(item.address);
    if (item.channel === 'sms') contact.phone = String(item.address);
  }
  return contact.email || contact.phone ? contact : undefined;
};

/** The submission as stored, with its contact from its contact items (or the inline one of old). */
export function assembled(item: Item, contacts: Item[]): Submission {
  const { contact: inline, ...submission } = withoutStorage<Submission>(item);
  const contact = contactOf(contacts) ?? inline;
  return contact ? { ...submission, contact } : submission;
}

/** TTL deletes late: an item past its expiry is read as gone. */
export function live(items: Item[], now: string): Item[] {
  const seconds = Math.floor(Date.parse(now) / 1000);
  return items.filter((item) => !(typeof item.expiresAt === 'number' && item.expiresAt <= seconds));
}

/** The live contact items of these submissions (two possible keys each, read 100 at a time). */
export async function contactItems(
  doc: DynamoDBDocumentClient,
  tableName: string,
  submissionIds: string[],
  now: string,
): Promise<Item[]> {
  const wanted = submissionIds.flatMap((id) => channels.map((channel) => keys.contact(id, channel)));
  const found: Item[] = [];
  for (let i = 0; i < wanted.length; i += 100) {
    let requested: Item[] = wanted.slice(i, i + 100);
    while (requested.length > 0) {
      const result = await doc.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: requested } } }),
      );
      found.push(...(result.Responses?.[tableName] ?? []));
      requested = (result.UnprocessedKeys?.[tableName]?.Keys as Item[] | undefined) ?? [];
    }
  }
  return live(found, now);
}

/**
 * One mark per way the reporter can be reached, so a subscriber who reported is told once. The way
 * the reply goes (email if given, else SMS) is flagged `reply`: the case's reporter count counts
 * those. Updates, not puts, so a later report never clears a flag an earlier one set.
 */
export function reporterMarks(
  tableName: string,
  submission: Submission,
): Array<{ Update: UpdateCommandInput & { UpdateExpression: string } }> {
  const reply = reporterRecipient(submission.contact);
  return contactRecipients(submission.contact).map((recipient) => {
    const replyHere = reply?.channel === recipient.channel;
    const hash = recipientHash(recipient);
    const indexed = recipientIndexKeys(hash, `REPORTER#${submission.caseId}`);
    return {
      Update: {
        TableName: tableName,
        Key: keys.reporter(submission.caseId, hash),
        UpdateExpression: `SET entity = :entity, channel = :channel, gsi2pk = :gsi2pk, gsi2sk = :gsi2sk${replyHere ? ', reply = :reply' : ''}`,
        ExpressionAttributeValues: {
          ':entity': 'reporter',
          ':channel': recipient.channel,
          ':gsi2pk': indexed.gsi2pk,
          ':gsi2sk': indexed.gsi2sk,
          ...(replyHere ? { ':reply': true } : {}),
        },
      },
    };
  });
}

/** The submission without its contact, and one contact item per way of reaching the reporter. */
export function submissionPuts(tableName: string, submission: Submission): TransactItem[] {
  const { contact, ...report } = submission;
  return [
    {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.submission(submission.id),
          entity: 'submission',
          ...report,
          ...submissionIndexKeys(submission.caseId, submission.createdAt, submission.id),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...contactRecipients(contact).map((recipient) => contactPut(tableName, submission.id, recipient)),
  ];
}

export function contactPut(
  tableName: string,
  submissionId: string,
  recipient: Recipient,
  expiresAt?: number,
): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.contact(submissionId, recipient.channel),
        entity: 'contact',
        submissionId,
        channel: recipient.channel,
        address: recipient.address,
        ...recipientIndexKeys(recipientHash(recipient), `CONTACT#${submissionId}#${recipient.channel}`),
        ...(expiresAt ? { expiresAt } : {}),
      },
    },
  };
}
