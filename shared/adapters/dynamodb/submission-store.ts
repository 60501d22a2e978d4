/** Reading reports with their contacts (see submission-items.ts for how they are kept). */
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Submission } from '../../domain/submission.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Page } from '../../ports/page.ts';
import type { SubmissionStore } from '../../ports/submission-store.ts';
import { keys } from './keys.ts';
import { type Cursors, mergedPage, wholeItems } from './paging.ts';
import { assembled, contactItems, live, submissionsPartition } from './submission-items.ts';

type Item = Record<string, unknown>;

export class DynamoSubmissionStore implements SubmissionStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly cursors: Cursors,
    private readonly clock: Clock,
  ) {}

  async get(id: string): Promise<Submission | undefined> {
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
    return assembled(item, live(contacts, this.clock.now()));
  }

  async ofCase(caseId: string, cursor?: string): Promise<Page<Submission>> {
    const page = await mergedPage(this.doc, this.tableName, [submissionsPartition(caseId)], {
      limit: 100,
      ...(cursor ? { cursor } : {}),
      query: `submissions\n${caseId}`,
      cursors: this.cursors,
    });
    // The index holds keys only: the submissions are read whole, then their contacts.
    const items = await wholeItems(this.doc, this.tableName, page.items);
    const contacts = await contactItems(
      this.doc,
      this.tableName,
      items.map((item) => String(item.id)),
      this.clock.now(),
    );
    const bySubmission = new Map<string, Item[]>();
    for (const contact of contacts) {
      const id = String(contact.submissionId);
      bySubmission.set(id, [...(bySubmission.get(id) ?? []), contact]);
    }
    return {
      items: items.map((item) => assembled(item, bySubmission.get(String(item.id)) ?? [])),
      nextCursor: page.nextCursor,
    };
  }
}
