/** A case's reports with their contacts, a page at a time through gsi5 (see submission-items.ts). */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Submission } from '../../domain/submission.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Page } from '../../ports/page.ts';
import type { CaseSubmissions } from '../../ports/submission-store.ts';
import { type Cursors, mergedPage, wholeItems } from './paging.ts';
import { assembled, contactItems, submissionsPartition } from './submission-items.ts';

type Item = Record<string, unknown>;

export class DynamoCaseSubmissions implements CaseSubmissions {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly cursors: Cursors,
    private readonly clock: Clock,
  ) {}

  async page(caseId: string, cursor?: string): Promise<Page<Submission>> {
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
