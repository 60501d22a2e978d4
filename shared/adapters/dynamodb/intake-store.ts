/**
 * Taking in public reports: the case a report opens or joins, the report itself (see
 * submission-items.ts), the URL claim a new case takes (see url-claims.ts), and the reports'
 * idempotency records.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Decision } from '../../domain/lifecycle.ts';
import type { Submission } from '../../domain/submission.ts';
import { IdempotencyRecordExists, type IdempotentWrite } from '../../ports/idempotency-store.ts';
import { CaseNotOpen, ClaimChanged, type IntakeStore } from '../../ports/intake-store.ts';
import { addReports, caseItem, historyItem, idempotencyItem } from './case-store.ts';
import * as keys from './item-keys.ts';
import { reporterMarks, submissionPuts } from './submission-items.ts';
import { ConditionsFailed, type TransactItem, transact } from './transact.ts';

export class DynamoIntakeStore implements IntakeStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

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
      ...submissionPuts(this.tableName, submission),
      ...reporterMarks(this.tableName, submission),
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
      ...submissionPuts(this.tableName, input.submission),
      ...reporterMarks(this.tableName, input.submission),
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
}
