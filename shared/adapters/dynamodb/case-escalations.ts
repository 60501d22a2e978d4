/** Escalations: a case's severity raised without a new version, so no editor's draft is refused for it. */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Case } from '../../domain/case.ts';
import type { Decision } from '../../domain/lifecycle.ts';
import type { CaseEscalations } from '../../ports/case-store.ts';
import { caseUpdate, closedToReports, historyItem, unchangedSince } from './case-store.ts';
import { ConditionsFailed, transact } from './transact.ts';

export class DynamoCaseEscalations implements CaseEscalations {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async saveUnversioned(decision: Decision, expected: Case): Promise<boolean> {
    const update = caseUpdate(this.tableName, expected, decision.next, unchangedSince(expected));
    try {
      await transact(this.doc, [
        update,
        historyItem(this.tableName, decision.next.id, decision.next.version, decision.entry),
        ...closedToReports(this.tableName, expected, decision.next),
      ]);
      return true;
    } catch (error) {
      if (error instanceof ConditionsFailed && error.failedAt(0)) return false;
      throw error;
    }
  }
}
