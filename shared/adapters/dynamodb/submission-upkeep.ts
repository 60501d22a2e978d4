/**
 * What later happens to a case's reports: when the case ends, its reporters' contacts get their
 * expiry (and contacts stored inline by earlier versions move out into items that expire); when it is
 * merged, its reports move to the case that absorbed it.
 */
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { contactRecipients } from '../../domain/recipient.ts';
import type { Submission } from '../../domain/submission.ts';
import type { Clock } from '../../ports/clock.ts';
import type { SubmissionUpkeep } from '../../ports/submission-store.ts';
import * as keys from './item-keys.ts';
import { submissionIndexKeys, withoutStorage } from './keys.ts';
import { type Cursors, mergedPage, wholeItems } from './paging.ts';
import { contactItems, contactPut, reporterMarks, submissionsPartition } from './submission-items.ts';
import { ConditionsFailed, transact } from './transact.ts';

export class DynamoSubmissionUpkeep implements SubmissionUpkeep {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly cursors: Cursors,
    private readonly clock: Clock,
  ) {}

  async expireContacts(
    caseId: string,
    expiresAt: string,
    cursor?: string,
  ): Promise<{ expired: number; nextCursor: string | null }> {
    const page = await mergedPage(this.doc, this.tableName, [submissionsPartition(caseId)], {
      limit: 100,
      ...(cursor ? { cursor } : {}),
      query: `contacts\n${caseId}`,
      cursors: this.cursors,
    });
    const epoch = Math.floor(Date.parse(expiresAt) / 1000);
    // Read whole: a submission of an earlier version may hold its contact inline.
    const submissions = await wholeItems(this.doc, this.tableName, page.items);
    const found = await contactItems(
      this.doc,
      this.tableName,
      submissions.map((item) => String(item.id)),
      this.clock.now(),
    );
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
  async moveInlineContact(submission: Submission, epoch?: number): Promise<number> {
    const recipients = contactRecipients(submission.contact);
    try {
      await transact(this.doc, [
        ...recipients.map((recipient) => contactPut(this.tableName, submission.id, recipient, epoch)),
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
  async relink(submissions: Submission[], from: string, to: string): Promise<void> {
    await Promise.all(
      submissions.map(async (submission) => {
        const moved = submissionIndexKeys(to, submission.createdAt, submission.id);
        // The reporter's marks go first, so a reporter is never unmarked on the case they now belong to.
        await Promise.all(
          reporterMarks(this.tableName, { ...submission, caseId: to }).map((mark) =>
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
}
