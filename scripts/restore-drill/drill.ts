/**
 * The restore drill: restore the latest recovery point of the live table into a new table, check it
 * against the live table, report the figures, delete the copy. How the restore happens is a port
 * (`Restorer`): AWS Backup's StartRestoreJob deployed, a table copy on DynamoDB Local; the checks are
 * the same code for both.
 */

import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import {
  DeleteTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  GetItemCommand,
  ScanCommand,
  waitUntilTableNotExists,
} from '@aws-sdk/client-dynamodb';
import { tableDefinition } from '../../shared/resources/table.ts';

/** How the copy to check comes to exist. */
export interface Restorer {
  /** What the restore is made from, for the report (e.g. AWS Backup). */
  readonly method: string;
  /** Restores the newest recovery point of `liveTable` as `targetTable`, ready to read, and says which. */
  restoreLatest(liveTable: string, targetTable: string): Promise<RecoveryPoint>;
}

export interface RecoveryPoint {
  /** The recovery point's ARN or another name for what was restored. */
  id: string;
  /** When the recovery point was taken: the live table has moved on since. */
  createdAt: string;
}

export interface DrillReport {
  stage: string;
  method: string;
  liveTable: string;
  restoredTable: string;
  recoveryPoint: RecoveryPoint;
  startedAt: string;
  finishedAt: string;
  restoreSeconds: number;
  items: { live: number; restored: number; difference: number };
  /** Every index of the table definition exists on the restored table. */
  indexes: { expected: string[]; missing: string[] };
  sample: { size: number; identical: number; changedSince: number; goneFromLive: number };
  copyDeleted: boolean;
  passed: boolean;
  /** Why it did not pass; empty when it did. */
  problems: string[];
}

export interface DrillOptions {
  stage: string;
  liveTable: string;
  /** Items read from the restored table and compared with the live one. */
  sampleSize: number;
  /** Share of items (count) and of the sample that may differ, for writes since the recovery point. */
  tolerance: number;
  now?: () => Date;
}

/** Runs the whole drill; the restored table is deleted whatever the outcome of the checks. */
export async function runDrill(
  dynamo: DynamoDBClient,
  restorer: Restorer,
  options: DrillOptions,
): Promise<DrillReport> {
  const now = options.now ?? (() => new Date());
  const started = now();
  const restoredTable = `${options.liveTable}-drill-${started.toISOString().replace(/\D/g, '').slice(0, 14)}`;
  const recoveryPoint = await restorer.restoreLatest(options.liveTable, restoredTable);
  const restored = now();
  try {
    const figures = await compareTables(dynamo, options.liveTable, restoredTable, options.sampleSize);
    const copyDeleted = await deleteTable(dynamo, restoredTable);
    const problems = [
      ...judge(figures, options.tolerance),
      ...(copyDeleted ? [] : [`the restored table ${restoredTable} could not be deleted`]),
    ];
    return {
      stage: options.stage,
      method: restorer.method,
      liveTable: options.liveTable,
      restoredTable,
      recoveryPoint,
      startedAt: started.toISOString(),
      finishedAt: now().toISOString(),
      restoreSeconds: Math.round((restored.getTime() - started.getTime()) / 1000),
      ...figures,
      copyDeleted,
      passed: problems.length === 0,
      problems,
    };
  } catch (error) {
    await deleteTable(dynamo, restoredTable);
    throw error;
  }
}

type Figures = Pick<DrillReport, 'items' | 'indexes' | 'sample'>;

/** Counts both tables, checks the indexes, and compares a sample of restored items with the live ones. */
export async function compareTables(
  dynamo: DynamoDBClient,
  liveTable: string,
  restoredTable: string,
  sampleSize: number,
): Promise<Figures> {
  const [live, restored] = await Promise.all([
    countItems(dynamo, liveTable),
    countItems(dynamo, restoredTable),
  ]);
  const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: restoredTable }));
  const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  const expected = tableDefinition.indexes.map((index) => index.name);

  const sample = await sampleItems(dynamo, restoredTable, sampleSize);
  let identical = 0;
  let changedSince = 0;
  let goneFromLive = 0;
  for (const item of sample) {
    const key = {
      [tableDefinition.partitionKey]: item[tableDefinition.partitionKey] as AttributeValue,
      [tableDefinition.sortKey]: item[tableDefinition.sortKey] as AttributeValue,
    };
    const { Item } = await dynamo.send(
      new GetItemCommand({ TableName: liveTable, Key: key, ConsistentRead: true }),
    );
    if (!Item) goneFromLive += 1;
    else if (sameItem(Item, item)) identical += 1;
    else changedSince += 1;
  }
  return {
    items: { live, restored, difference: live - restored },
    indexes: { expected, missing: expected.filter((name) => !present.has(name)) },
    sample: { size: sample.length, identical, changedSince, goneFromLive },
  };
}

/** What makes a drill fail: an empty or incomplete copy, missing indexes, a sample that does not match. */
export function judge(figures: Figures, tolerance: number): string[] {
  const problems: string[] = [];
  const { items, indexes, sample } = figures;
  if (items.live > 0 && items.restored === 0) problems.push('the restored table is empty');
  else if (items.live > 0 && Math.abs(items.difference) / items.live > tolerance) {
    problems.push(
      `the item counts differ by ${Math.abs(items.difference)} (${percent(Math.abs(items.difference) / items.live)}), more than ${percent(tolerance)}`,
    );
  }
  if (indexes.missing.length > 0)
    problems.push(`indexes missing on the restored table: ${indexes.missing.join(', ')}`);
  const differing = sample.size - sample.identical;
  if (sample.size > 0 && differing / sample.size > tolerance) {
    problems.push(
      `${differing} of ${sample.size} sampled items differ from the live table (${percent(differing / sample.size)}), more than ${percent(tolerance)}`,
    );
  }
  return problems;
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/** Exact count by a COUNT scan (DescribeTable's ItemCount lags by hours). */
async function countItems(dynamo: DynamoDBClient, table: string): Promise<number> {
  let count = 0;
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await dynamo.send(
      new ScanCommand({ TableName: table, Select: 'COUNT', ExclusiveStartKey: start }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}

/**
 * Up to `size` items spread over the table (the first items of as many scan segments), topped up from
 * the start of the table when segments came back short (a small table leaves many empty).
 */
async function sampleItems(
  dynamo: DynamoDBClient,
  table: string,
  size: number,
): Promise<Array<Record<string, AttributeValue>>> {
  if (size <= 0) return [];
  const segments = Math.min(size, 100);
  const perSegment = Math.ceil(size / segments);
  const pages = await Promise.all(
    Array.from({ length: segments }, (_, segment) =>
      dynamo.send(
        new ScanCommand({ TableName: table, Segment: segment, TotalSegments: segments, Limit: perSegment }),
      ),
    ),
  );
  const sample = new Map<string, Record<string, AttributeValue>>();
  const add = (items: Array<Record<string, AttributeValue>> = []) => {
    for (const item of items) if (sample.size < size) sample.set(canonical(keyOf(item)), item);
  };
  for (const page of pages) add(page.Items);
  let start: Record<string, AttributeValue> | undefined;
  while (sample.size < size) {
    const page = await dynamo.send(
      new ScanCommand({ TableName: table, ExclusiveStartKey: start, Limit: size }),
    );
    add(page.Items);
    start = page.LastEvaluatedKey;
    if (!start) break;
  }
  return [...sample.values()];
}

const keyOf = (item: Record<string, AttributeValue>): Record<string, AttributeValue> => ({
  [tableDefinition.partitionKey]: item[tableDefinition.partitionKey] as AttributeValue,
  [tableDefinition.sortKey]: item[tableDefinition.sortKey] as AttributeValue,
});

/** Attribute-for-attribute equality, whatever order the attributes or set members came back in. */
function sameItem(a: Record<string, AttributeValue>, b: Record<string, AttributeValue>): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    // String, number and binary sets are unordered.
    return `{${entries
      .map(([key, inner]) =>
        ['SS', 'NS', 'BS'].includes(key) && Array.isArray(inner)
          ? `${key}:${canonical([...inner].map(String).sort())}`
          : `${key}:${canonical(inner)}`,
      )
      .join(',')}}`;
  }
  return JSON.stringify(value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value);
}

async function deleteTable(dynamo: DynamoDBClient, table: string): Promise<boolean> {
  try {
    await dynamo.send(new DeleteTableCommand({ TableName: table }));
    await waitUntilTableNotExists(
      { client: dynamo, maxWaitTime: 600, minDelay: 1, maxDelay: 20 },
      { TableName: table },
    );
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'ResourceNotFoundException') return true;
    return false;
  }
}

/** The report as the operator files it: figures first, then the verdict. */
export function formatReport(report: DrillReport): string {
  const { items, sample, indexes } = report;
  return [
    `Restore drill, stage ${report.stage}: ${report.passed ? 'PASSED' : 'FAILED'}`,
    `  started            ${report.startedAt}`,
    `  finished           ${report.finishedAt}`,
    `  method             ${report.method}`,
    `  recovery point     ${report.recoveryPoint.id}`,
    `  taken at           ${report.recoveryPoint.createdAt}`,
    `  restore took       ${report.restoreSeconds} s`,
    `  live table         ${report.liveTable}: ${items.live} items`,
    `  restored table     ${report.restoredTable}: ${items.restored} items (difference ${items.difference})`,
    `  indexes            ${indexes.expected.length - indexes.missing.length} of ${indexes.expected.length}`,
    `  sample             ${sample.size} items: ${sample.identical} identical, ${sample.changedSince} changed since, ${sample.goneFromLive} gone from live`,
    `  copy deleted       ${report.copyDeleted ? 'yes' : `NO: delete ${report.restoredTable} by hand`}`,
    ...report.problems.map((problem) => `  problem            ${problem}`),
  ].join('\n');
}
