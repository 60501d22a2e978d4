/**
 * Public reports, the URL claims that gather them into one case, and their idempotency records.
 * A reporter's contact details are items of their own beside the submission (one per way of reaching
 * them), so that they expire (TTL) a set time after the case ends while the report stays, and are
 * indexed by the person's recipient hash so that an erasure finds them. Submissions stored before
 * kept the contact inline; it is read the same way and moved out when the case ends.
 */
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { Decision } from '../../domain/lifecycle.ts';
import {
  contactRecipients,
  type Recipient,
  recipientHash,
  reporterRecipient,
} from '../../domain/recipient.ts';
import type { Contact, Submission } from '../../domain/submission.ts';
import type { Clock } from '../../ports/clock.ts';
import { IdempotencyRecordExists, type IdempotentWrite } from '../../ports/idempotency-store.ts';
import { CaseNotOpen, ClaimChanged, type IntakeStore, type UrlClaim } from '../../ports/intake-store.ts';
import type { Page } from '../../ports/page.ts';
import { addReports, caseItem, historyItem, idempotencyItem } from './case-store.ts';
import { keys, recipientIndexKeys, submissionIndexKeys, withoutStorage } from './keys.ts';
import { type Cursors, mergedPage, wholeItems } from './paging.ts';
import { ConditionsFailed, type TransactItem, transact } from './transact.ts';

type Item = Record<string, unknown>;

const channels = ['email', 'sms'] as const;

/** A contact item's address back into a Contact. */
const contactOf = (items: Item[]): Contact | undefined => {
  const contact: Contact = {};
  for (const item of items) {
    if (item.channel === 'email') contact.email = String(item.address);
    if (item.channel === 'sms') contact.phone = String(item.address);
  }
  return contact.email || contact.phone ? contact : undefined;
};

export class DynamoIntakeStore implements IntakeStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly cursors: Cursors,
    private readonly clock: Clock,
  ) {}

  async findClaim(urlKey: string): Promise<UrlClaim | undefined> {
    const result = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.urlClaim(urlKey), ConsistentRead: true }),
    );
    return result.Item ? { urlKey, caseId: String(result.Item.caseId) } : undefined;
  }

  async openWithReport(input: {
    decision: Decision;
    submission: Submission;
    claim?: { urlKey: string; url: string; replacing?: string };
    idempotency?: IdempotentWrite;
  }): Promise<void> {
    const { decision, submission, claim, idempotency } = input;
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.tableName,
          Item: caseItem(decision.next),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      historyItem(this.tableName, decision.next.id, decision.next.version, decision.entry),
      ...this.submissionPuts(submission),
      ...this.reporterMarks(submission),
    ];
    const claimAt = claim ? items.length : -1;
    if (claim) {
      items.push({
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.urlClaim(claim.urlKey),
            entity: 'url-claim',
            url: claim.url,
            caseId: decision.next.id,
          },
          ...(claim.replacing
            ? {
                ConditionExpression: 'caseId = :replacing',
                ExpressionAttributeValues: { ':replacing': claim.replacing },
              }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        },
      });
    }
    const idempotencyAt = idempotency ? items.length : -1;
    if (idempotency) items.push(idempotencyItem(this.tableName, idempotency, submission.createdAt));
    try {
      await transact(this.doc, items);
    } catch (error) {
      if (error instanceof ConditionsFailed) {
        if (idempotency && error.failedAt(idempotencyAt)) {
          throw new IdempotencyRecordExists(idempotency.scope, idempotency.key);
        }
        if (error.failedAt(claimAt)) throw new ClaimChanged();
      }
      throw error;
    }
  }

  async joinWithReport(input: {
    caseId: string;
    submission: Submission;
    idempotency?: IdempotentWrite;
  }): Promise<void> {
    const items: TransactItem[] = [
      // Never the case item itself: a surge of reports must not queue behind one hot item.
      addReports(this.tableName, input.caseId, 1),
      ...this.submissionPuts(input.submission),
      ...this.reporterMarks(input.submission),
    ];
    const idempotencyAt = items.length;
    if (input.idempotency)
      items.push(idempotencyItem(this.tableName, input.idempotency, input.submission.createdAt));
    try {
      await transact(this.doc, items);
    } catch (error) {
      if (error instanceof ConditionsFailed) {
        if (input.idempotency && error.failedAt(idempotencyAt)) {
          throw new IdempotencyRecordExists(input.idempotency.scope, input.idempotency.key);
        }
        if (error.failedAt(0)) throw new CaseNotOpen();
      }
      throw error;
    }
  }

  async moveClaim(urlKey: string, from: string, to: string): Promise<void> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.urlClaim(urlKey),
          UpdateExpression: 'SET caseId = :to',
          ConditionExpression: 'caseId = :from',
          ExpressionAttributeValues: { ':from': from, ':to': to },
        }),
      );
    } catch (error) {
      // The claim moved on already (a newer case took it): nothing to do.
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  }

  async getSubmission(id: string): Promise<Submission | undefined> {
    // The submission and its contact items: one partition, one read.
    const result = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.submission(id).pk },
        ConsistentRead: true,
      }),
    );
    const items = result.Items ?? [];
    const item = items.find((found) => found.sk === keys.submission(id).sk);
    if (!item) return undefined;
    const contacts = items.filter((found) => String(found.sk).startsWith(keys.contactPrefix));
    return this.assembled(item, this.live(contacts));
  }

  async submissionsOf(caseId: string, cursor?: string): Promise<Page<Submission>> {
    const pkValue = submissionIndexKeys(caseId, '', '').gsi5pk ?? '';
    const page = await mergedPage(
      this.doc,
      this.tableName,
      [{ index: 'gsi5', pkName: 'gsi5pk', pkValue, skName: 'gsi5sk', ascending: true }],
      { limit: 100, ...(cursor ? { cursor } : {}), query: `submissions\n${caseId}`, cursors: this.cursors },
    );
    // The index holds keys only: the submissions are read whole, then their contacts.
    const items = await wholeItems(this.doc, this.tableName, page.items);
    return { items: await this.withContacts(items), nextCursor: page.nextCursor };
  }

  async expireContacts(
    caseId: string,
    expiresAt: string,
    cursor?: string,
  ): Promise<{ expired: number; nextCursor: string | null }> {
    const pkValue = submissionIndexKeys(caseId, '', '').gsi5pk ?? '';
    const page = await mergedPage(
      this.doc,
      this.tableName,
      [{ index: 'gsi5', pkName: 'gsi5pk', pkValue, skName: 'gsi5sk', ascending: true }],
      { limit: 100, ...(cursor ? { cursor } : {}), query: `contacts\n${caseId}`, cursors: this.cursors },
    );
    const epoch = Math.floor(Date.parse(expiresAt) / 1000);
    // Read whole: a submission of an earlier version may hold its contact inline.
    const submissions = await wholeItems(this.doc, this.tableName, page.items);
    const found = await this.contactItems(submissions.map((item) => String(item.id)));
    const stamped = await Promise.all(
      found.map(async (contact) => {
        try {
          await this.doc.send(
            new UpdateCommand({
              TableName: this.tableName,
              Key: { pk: contact.pk, sk: contact.sk },
              // An earlier expiry (a first ending) stands: running the step twice changes nothing.
              UpdateExpression: 'SET expiresAt = :expires',
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(expiresAt)',
              ExpressionAttributeValues: { ':expires': epoch },
            }),
          );
          return 1;
        } catch (error) {
          if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
          return 0;
        }
      }),
    );
    // Contacts stored inline by earlier versions move out into items that expire with the rest.
    const moved = await Promise.all(
      submissions
        .filter((item) => item.contact !== undefined)
        .map((item) => this.moveInlineContact(withoutStorage<Submission>(item), epoch)),
    );
    return {
      expired: stamped.reduce((sum: number, n) => sum + n, 0) + moved.reduce((sum, n) => sum + n, 0),
      nextCursor: page.nextCursor,
    };
  }

  /**
   * A contact stored inline by earlier versions, moved into contact items (expiring at `epoch`, if
   * given): when its case ends, or by the data migration (scripts/migrate-personal-data.ts).
   */
  async moveInlineContact(submission: Submission, epoch?: number): Promise<number> {
    const recipients = contactRecipients(submission.contact);
    try {
      await transact(this.doc, [
        ...recipients.map((recipient) => this.contactPut(submission.id, recipient, epoch)),
        {
          Update: {
            TableName: this.tableName,
            Key: keys.submission(submission.id),
            UpdateExpression: 'REMOVE contact',
            ConditionExpression: 'attribute_exists(contact)',
          },
        },
      ]);
      return recipients.length;
    } catch (error) {
      if (!(error instanceof ConditionsFailed)) throw error;
      return 0;
    }
  }

  /** The live contact items of these submissions (two possible keys each, read 100 at a time). */
  private async contactItems(submissionIds: string[]): Promise<Item[]> {
    const wanted = submissionIds.flatMap((id) => channels.map((channel) => keys.contact(id, channel)));
    const found: Item[] = [];
    for (let i = 0; i < wanted.length; i += 100) {
      let requested: Item[] = wanted.slice(i, i + 100);
      while (requested.length > 0) {
        const result = await this.doc.send(
          new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: requested } } }),
        );
        found.push(...(result.Responses?.[this.tableName] ?? []));
        requested = (result.UnprocessedKeys?.[this.tableName]?.Keys as Item[] | undefined) ?? [];
      }
    }
    return this.live(found);
  }

  /** Submissions read from the index, each with its contact. */
  private async withContacts(items: Item[]): Promise<Submission[]> {
    const contacts = await this.contactItems(items.map((item) => String(item.id)));
    const bySubmission = new Map<string, Item[]>();
    for (const contact of contacts) {
      const id = String(contact.submissionId);
      bySubmission.set(id, [...(bySubmission.get(id) ?? []), contact]);
    }
    return items.map((item) => this.assembled(item, bySubmission.get(String(item.id)) ?? []));
  }

  private assembled(item: Item, contacts: Item[]): Submission {
    const { contact: inline, ...submission } = withoutStorage<Submission>(item);
    const contact = contactOf(contacts) ?? inline;
    return contact ? { ...submission, contact } : submission;
  }

  /** TTL deletes late: an item past its expiry is read as gone. */
  private live(items: Item[]): Item[] {
    const now = Math.floor(Date.parse(this.clock.now()) / 1000);
    return items.filter((item) => !(typeof item.expiresAt === 'number' && item.expiresAt <= now));
  }

  async relinkSubmissions(submissions: Submission[], from: string, to: string): Promise<void> {
    await Promise.all(
      submissions.map(async (submission) => {
        const moved = submissionIndexKeys(to, submission.createdAt, submission.id);
        // The reporter's marks go first, so a reporter is never unmarked on the case they now belong to.
        await Promise.all(
          this.reporterMarks({ ...submission, caseId: to }).map((mark) =>
            this.doc.send(new UpdateCommand(mark.Update)),
          ),
        );
        try {
          await this.doc.send(
            new UpdateCommand({
              TableName: this.tableName,
              Key: keys.submission(submission.id),
              UpdateExpression: 'SET caseId = :to, gsi5pk = :pk, gsi5sk = :sk',
              ConditionExpression: 'caseId = :from',
              ExpressionAttributeValues: {
                ':from': from,
                ':to': to,
                ':pk': moved.gsi5pk,
                ':sk': moved.gsi5sk,
              },
            }),
          );
        } catch (error) {
          // Moved already (a step run twice): nothing to do.
          if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
        }
      }),
    );
  }

  async reporterHashes(caseId: string, limit: number): Promise<{ hashes: string[]; more: boolean }> {
    const prefix = 'REPORTER#';
    // Keys only (about 150 bytes an item): a thousand fit far inside one Query's megabyte.
    const result = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.case(caseId).pk, ':prefix': prefix },
        ProjectionExpression: 'sk',
        Limit: limit,
      }),
    );
    const hashes = (result.Items ?? []).map((item) => String(item.sk).slice(prefix.length));
    return { hashes, more: result.LastEvaluatedKey !== undefined };
  }

  async reportersAmong(caseId: string, recipientHashes: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    const unique = [...new Set(recipientHashes)];
    // BatchGetItem takes 100 keys at a time; unprocessed keys are asked for again.
    for (let i = 0; i < unique.length; i += 100) {
      let requested: Record<string, unknown>[] = unique
        .slice(i, i + 100)
        .map((hash) => keys.reporter(caseId, hash));
      while (requested.length > 0) {
        const result = await this.doc.send(
          new BatchGetCommand({
            RequestItems: { [this.tableName]: { Keys: requested, ProjectionExpression: 'sk' } },
          }),
        );
        for (const item of result.Responses?.[this.tableName] ?? [])
          found.add(String(item.sk).slice('REPORTER#'.length));
        requested =
          (result.UnprocessedKeys?.[this.tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
      }
    }
    return found;
  }

  /**
   * One mark per way the reporter can be reached, so a subscriber who reported is told once. The way
   * the reply goes (email if given, else SMS) is flagged `reply`: the case's reporter count counts
   * those. Updates, not puts, so a later report never clears a flag an earlier one set.
   */
  private reporterMarks(
    submission: Submission,
  ): Array<{ Update: UpdateCommandInput & { UpdateExpression: string } }> {
    const reply = reporterRecipient(submission.contact);
    return contactRecipients(submission.contact).map((recipient) => {
      const replyHere = reply?.channel === recipient.channel;
      const hash = recipientHash(recipient);
      const indexed = recipientIndexKeys(hash, `REPORTER#${submission.caseId}`);
      return {
        Update: {
          TableName: this.tableName,
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
  private submissionPuts(submission: Submission): TransactItem[] {
    const { contact, ...report } = submission;
    return [
      {
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.submission(submission.id),
            entity: 'submission',
            ...report,
            ...submissionIndexKeys(submission.caseId, submission.createdAt, submission.id),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      ...contactRecipients(contact).map((recipient) => this.contactPut(submission.id, recipient)),
    ];
  }

  private contactPut(submissionId: string, recipient: Recipient, expiresAt?: number): TransactItem {
    return {
      Put: {
        TableName: this.tableName,
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
}
