/** Reading a report with its contact (see submission-items.ts for how they are kept). */
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Submission } from '../../domain/submission.ts';
import type { Clock } from '../../ports/clock.ts';
import type { SubmissionStore } from '../../ports/submission-store.ts';
import * as keys from './item-keys.ts';
import { assembled, live } from './submission-items.ts';

export class DynamoSubmissionStore implements SubmissionStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
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
}
