/** The editors' decisions on cases, each written with its history entry in one transaction. */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type Case, openStatuses } from '../../domain/case.ts';
import { ActionNotAllowed, NotFound, VersionMismatch } from '../../domain/errors.ts';
import { allowedActions, type Decision } from '../../domain/lifecycle.ts';
import { type CaseDecisions, CaseMovedOn } from '../../ports/case-store.ts';
import { IdempotencyRecordExists, type IdempotentWrite } from '../../ports/idempotency-store.ts';
import {
  addReports,
  caseItem,
  caseUpdate,
  closedToReports,
  historyItem,
  idempotencyItem,
  unchangedSince,
} from './case-store.ts';
import * as keys from './item-keys.ts';
import { withoutStorage } from './keys.ts';
import { ConditionsFailed, type TransactItem, transact } from './transact.ts';

export class DynamoCaseDecisions implements CaseDecisions {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(decision: Decision, idempotency?: IdempotentWrite): Promise<void> {
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.tableName,
          Item: caseItem(decision.next),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      this.historyPut(decision),
    ];
    if (idempotency) items.push(idempotencyItem(this.tableName, idempotency, decision.next.createdAt));
    try {
      await transact(this.doc, items);
    } catch (error) {
      if (error instanceof ConditionsFailed && idempotency && error.failedAt(2)) {
        throw new IdempotencyRecordExists(idempotency.scope, idempotency.key);
      }
      throw error;
    }
  }

  async save(decision: Decision, before: Case): Promise<void> {
    const update = caseUpdate(this.tableName, before, decision.next, unchangedSince(before));
    try {
      await transact(this.doc, [
        update,
        this.historyPut(decision),
        ...closedToReports(this.tableName, before, decision.next),
      ]);
    } catch (error) {
      if (error instanceof ConditionsFailed && error.failedAt(0))
        this.explain(before, error.reasons[0]?.item);
      throw error;
    }
  }

  async merge(
    duplicate: Decision,
    duplicateBefore: Case,
    target: Decision,
    targetBefore: Case,
  ): Promise<void> {
    const added = target.next.reportCount - targetBefore.reportCount;
    const closeDuplicate = caseUpdate(
      this.tableName,
      duplicateBefore,
      duplicate.next,
      unchangedSince(duplicateBefore),
    );
    const growTarget: TransactItem = {
      Update: {
        TableName: this.tableName,
        Key: keys.case(targetBefore.id),
        UpdateExpression: 'SET updatedAt = :now',
        ConditionExpression: `#status IN (${openStatuses.map((_, i) => `:open${i}`).join(', ')})`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':now': target.next.updatedAt,
          ...Object.fromEntries(openStatuses.map((status, i) => [`:open${i}`, status])),
        },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    };
    try {
      await transact(this.doc, [
        closeDuplicate,
        this.historyPut(duplicate),
        growTarget,
        this.historyPut(target),
        addReports(this.tableName, targetBefore.id, added),
        ...closedToReports(this.tableName, duplicateBefore, duplicate.next),
      ]);
    } catch (error) {
      if (!(error instanceof ConditionsFailed)) throw error;
      if (error.failedAt(0)) this.explain(duplicateBefore, error.reasons[0]?.item);
      if (error.failedAt(2)) {
        const now = error.reasons[2]?.item ? withoutStorage<Case>(error.reasons[2].item) : undefined;
        const status = now?.status ?? 'unknown';
        throw new ActionNotAllowed(
          `Case ${targetBefore.id} is ${status} and can no longer absorb a duplicate.`,
          status,
          now ? allowedActions(now.status) : [],
          'duplicate-target-closed',
        );
      }
      throw error;
    }
  }

  private historyPut(decision: Decision): TransactItem {
    return historyItem(this.tableName, decision.next.id, decision.next.version, decision.entry);
  }

  /** Why a versioned write was refused: gone, another version, or an unversioned change to decide on. */
  private explain(before: Case, stored: Record<string, unknown> | undefined): never {
    if (!stored) throw new NotFound(`No case ${before.id}.`);
    const current = withoutStorage<Case>(stored);
    if (current.version !== before.version) throw new VersionMismatch(before.version, current.version);
    throw new CaseMovedOn();
  }
}
