/**
 * Cases and their history in the single table, one case read at a time (written by
 * case-decisions.ts and case-escalations.ts; many read by case-queue.ts), and the items they write.
 */
import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { type Case, type HistoryEntry, isOpen } from '../../domain/case.ts';
import type { CaseStore } from '../../ports/case-store.ts';
import type { IdempotentWrite } from '../../ports/idempotency-store.ts';
import * as keys from './item-keys.ts';
import { caseIndexKeys, withoutStorage } from './keys.ts';
import type { TransactItem } from './transact.ts';

export const caseItem = (c: Case): Record<string, unknown> => ({
  ...keys.case(c.id),
  entity: 'case',
  ...c,
  ...caseIndexKeys(c),
});

export const historyItem = (
  tableName: string,
  caseId: string,
  version: number,
  entry: HistoryEntry,
): TransactItem => ({
  Put: {
    TableName: tableName,
    Item: { ...keys.history(caseId, version, entry.at), entity: 'history', ...entry },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

export const idempotencyItem = (tableName: string, write: IdempotentWrite, at: string): TransactItem => ({
  Put: {
    TableName: tableName,
    Item: {
      ...keys.idempotency(write.scope, write.key),
      entity: 'idempotency',
      requestHash: write.requestHash,
      response: write.response,
      // A day is ample for a client to retry; the record then expires.
      expiresAt: Math.floor(Date.parse(at) / 1000) + 24 * 60 * 60,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/**
 * SET for every attribute that differs between two versions of a case (and its index keys), REMOVE
 * for those that went away. reportCount is never written here: only joins ADD to it, so no report
 * is ever lost to an editor's concurrent change.
 */
function changes(before: Case, after: Case): { set: Record<string, unknown>; remove: string[] } {
  const previous = caseItem(before);
  const next = caseItem(after);
  const set: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(next)) {
    if (name === 'reportCount' || name === 'pk' || name === 'sk') continue;
    if (JSON.stringify(previous[name]) !== JSON.stringify(value)) set[name] = value;
  }
  const remove = Object.keys(previous).filter((name) => !(name in next));
  return { set, remove };
}

export interface Condition {
  expression: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

/** The case is still the one a decision was made on: same version, no escalation since. */
export const unchangedSince = (before: Case): Condition => ({
  expression: 'attribute_exists(pk) AND #version = :expectedVersion AND #severity = :seenSeverity',
  names: { '#version': 'version', '#severity': 'severity' },
  values: { ':expectedVersion': before.version, ':seenSeverity': before.severity },
});

export function caseUpdate(tableName: string, before: Case, after: Case, condition: Condition): TransactItem {
  const { set, remove } = changes(before, after);
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ...condition.values };
  const assignments = Object.entries(set).map(([name, value], i) => {
    names[`#s${i}`] = name;
    values[`:s${i}`] = value;
    return `#s${i} = :s${i}`;
  });
  const removals = remove.map((name, i) => {
    names[`#r${i}`] = name;
    return `#r${i}`;
  });
  const expression = [
    assignments.length ? `SET ${assignments.join(', ')}` : '',
    removals.length ? `REMOVE ${removals.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    Update: {
      TableName: tableName,
      Key: keys.case(before.id),
      UpdateExpression: expression,
      ConditionExpression: condition.expression,
      ExpressionAttributeNames: { ...names, ...condition.names },
      ExpressionAttributeValues: values,
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

export class DynamoCaseStore implements CaseStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The case and its report count, in one Query of the items beside it. */
  async get(id: string): Promise<Case | undefined> {
    const result = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :case)',
        ExpressionAttributeValues: { ':pk': keys.case(id).pk, ':case': keys.case(id).sk },
        ConsistentRead: true,
      }),
    );
    const items = result.Items ?? [];
    const found = items.find((item) => item.sk === keys.case(id).sk);
    return found ? counted(found, items) : undefined;
  }

  async getWithHistory(id: string): Promise<{ case: Case; history: HistoryEntry[] } | undefined> {
    const [found, history] = await Promise.all([this.get(id), this.history(id)]);
    return found ? { case: found, history } : undefined;
  }

  private async history(id: string): Promise<HistoryEntry[]> {
    const entries: HistoryEntry[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const result = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :history)',
          ExpressionAttributeValues: { ':pk': keys.case(id).pk, ':history': keys.historyPrefix },
          ConsistentRead: true,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      entries.push(...(result.Items ?? []).map((item) => withoutStorage<HistoryEntry>(item)));
      start = result.LastEvaluatedKey;
    } while (start);
    return entries;
  }
}

/** Select COUNT over every page of a query. */
export async function countQuery(
  doc: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'Select' | 'ExclusiveStartKey'>,
): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const result = await doc.send(
      new QueryCommand({ ...input, Select: 'COUNT', ...(start ? { ExclusiveStartKey: start } : {}) }),
    );
    count += result.Count ?? 0;
    start = result.LastEvaluatedKey;
  } while (start);
  return count;
}

/** The case item with its report count: the count written when it opened plus every shard's. */
export function counted(
  caseItem: Record<string, unknown>,
  beside: ReadonlyArray<Record<string, unknown>>,
): Case {
  const c = withoutStorage<Case>(caseItem);
  const shards = beside.filter((item) => String(item.sk).startsWith(`${keys.case(c.id).sk}#REPORTS#`));
  const added = shards.reduce(
    (sum, item) => sum + (typeof item.reportCount === 'number' ? item.reportCount : 0),
    0,
  );
  return { ...c, reportCount: (c.reportCount ?? 0) + added };
}

/** Reports added to a case (a join, a merge), on one of its count shards, while it takes reports. */
export function addReports(tableName: string, caseId: string, added: number): TransactItem {
  return {
    Update: {
      TableName: tableName,
      Key: keys.reportShard(caseId, Math.floor(Math.random() * keys.reportShards)),
      UpdateExpression: 'SET entity = :entity ADD reportCount :added',
      ConditionExpression: 'attribute_not_exists(closed)',
      ExpressionAttributeValues: { ':entity': 'report-count', ':added': added },
    },
  };
}

/**
 * A case that stops taking reports (approved, closed, merged) marks every count shard closed in the
 * same transaction, so a report racing it either lands first or is refused (and opens a new case).
 */
export function closedToReports(tableName: string, before: Case, after: Case): TransactItem[] {
  if (!isOpen(before.status) || isOpen(after.status)) return [];
  return Array.from({ length: keys.reportShards }, (_, shard) => ({
    Update: {
      TableName: tableName,
      Key: keys.reportShard(before.id, shard),
      UpdateExpression: 'SET entity = :entity, closed = :closed',
      ExpressionAttributeValues: { ':entity': 'report-count', ':closed': after.updatedAt },
    },
  }));
}
