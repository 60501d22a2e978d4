/**
 * A correction published (or amended) in one transaction with everything that goes with it: the
 * case's move to published, the public log entry, the first publication's time to correction, the
 * announcement (the outbox) and the page's notice.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Correction } from '../../domain/correction.ts';
import { LogMovedOn } from '../../ports/public-log.ts';
import type { Publication, Publications } from '../../ports/publications.ts';
import { announcementPut } from './announcement-store.ts';
import { caseUpdate, historyItem } from './case-store.ts';
import * as keys from './item-keys.ts';
import { noticePut } from './notice-store.ts';
import { logAppendItems } from './public-log.ts';
import { firstPublicationItem } from './stats-store.ts';
import { ConditionsFailed, transact } from './transact.ts';

/** gsi1: all by first publication; gsi2: one topic's by first publication; gsi3: all by last update. */
const correctionIndexKeys = (c: Correction): Record<string, string> => ({
  gsi1pk: 'CORRECTIONS',
  gsi1sk: `${c.publishedAt}#${c.id}`,
  gsi2pk: `CORRECTIONS#TOPIC#${c.topic}`,
  gsi2sk: `${c.publishedAt}#${c.id}`,
  gsi3pk: 'CORRECTIONS#UPDATED',
  gsi3sk: `${c.updatedAt}#${c.id}`,
});

export class DynamoPublications implements Publications {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async publish({
    correction,
    decision: publication,
    approved,
    logEntry,
    firstPublication,
    announcement,
  }: Publication): Promise<boolean> {
    const firstVersion = correction.version === 1;
    try {
      await transact(this.doc, [
        {
          Put: {
            TableName: this.tableName,
            Item: {
              ...keys.correction(correction.id),
              entity: 'correction',
              ...correction,
              ...correctionIndexKeys(correction),
            },
            ...(firstVersion
              ? { ConditionExpression: 'attribute_not_exists(pk)' }
              : {
                  ConditionExpression: '#version = :previous',
                  ExpressionAttributeNames: { '#version': 'version' },
                  ExpressionAttributeValues: { ':previous': correction.version - 1 },
                }),
          },
        },
        caseUpdate(this.tableName, approved, publication.next, {
          expression: '#status = :approved AND #version = :caseVersion',
          names: { '#status': 'status', '#version': 'version' },
          values: { ':approved': 'approved', ':caseVersion': approved.version },
        }),
        historyItem(this.tableName, publication.next.id, publication.next.version, publication.entry),
        ...logAppendItems(this.tableName, logEntry),
        ...(firstPublication ? [firstPublicationItem(this.tableName, firstPublication)] : []),
        announcementPut(this.tableName, announcement),
        // Last, so the indexes of the conditions above stay as the catch below reads them.
        ...noticePut(this.tableName, correction),
      ]);
      return true;
    } catch (error) {
      if (!(error instanceof ConditionsFailed)) throw error;
      if (error.failedAt(1)) return false;
      if (error.failedAt(3) || error.failedAt(4)) throw new LogMovedOn();
      // Another amendment of the same correction landed first: fail so the stream retries on top of it.
      throw new Error(`Correction ${correction.id} moved past version ${correction.version - 1}; retry`);
    }
  }
}
