/**
 * Pages over index partitions, at a cost that depends on the page size only. Cursors are sealed
 * with the link secret and bound to the query they came from: a tampered or foreign cursor is
 * invalid input, never a Scan or a wrong page.
 */
import { BatchGetCommand, type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { InvalidInput } from '../../domain/errors.ts';
import type { Page } from '../../ports/page.ts';
import type { Signer } from '../../security/tokens.ts';

type Item = Record<string, unknown>;

export interface Partition {
  index: string;
  /** The partition key attribute of the index and its value. */
  pkName: string;
  pkValue: string;
  skName: string;
  ascending: boolean;
}

export class Cursors {
  constructor(private readonly signer: Signer) {}

  encode(query: string, state: unknown): string {
    return this.signer.seal(`cursor\n${query}`, state);
  }

  decode(query: string, cursor: string): unknown {
    const state = this.signer.open(`cursor\n${query}`, cursor);
    if (state === undefined)
      throw new InvalidInput([{ path: 'cursor', message: 'is not a cursor from this list' }]);
    return state;
  }
}

const lastKey = (item: Item, partition: Partition): Item => ({
  pk: item.pk,
  sk: item.sk,
  [partition.pkName]: item[partition.pkName],
  [partition.skName]: item[partition.skName],
});

/**
 * One page merged from several partitions that share a sort order (e.g. every open status by
 * deadline): one Query per partition, each at most `limit` items, whatever the table holds.
 * The cursor records, per partition, the last item taken (or that it is exhausted).
 */
export async function mergedPage(
  doc: DynamoDBDocumentClient,
  tableName: string,
  partitions: Partition[],
  options: { limit: number; cursor?: string; query: string; cursors: Cursors },
): Promise<Page<Item>> {
  type Position = Item | null | 'done';
  const start = (options.cursor ? options.cursors.decode(options.query, options.cursor) : {}) as Record<
    string,
    Position
  >;
  if (typeof start !== 'object' || start === null || Array.isArray(start)) {
    throw new InvalidInput([{ path: 'cursor', message: 'is not a cursor from this list' }]);
  }
  const results = await Promise.all(
    partitions.map(async (partition) => {
      const position = start[partition.pkValue] ?? null;
      if (position === 'done') return { partition, items: [] as Item[], more: false };
      const result = await doc.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: partition.index,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': partition.pkName },
          ExpressionAttributeValues: { ':pk': partition.pkValue },
          ScanIndexForward: partition.ascending,
          Limit: options.limit,
          ...(position ? { ExclusiveStartKey: position } : {}),
        }),
      );
      return { partition, items: result.Items ?? [], more: result.LastEvaluatedKey !== undefined };
    }),
  );
  const ascending = partitions[0]?.ascending ?? true;
  const candidates = results.flatMap(({ partition, items }) => items.map((item) => ({ partition, item })));
  candidates.sort((a, b) => {
    const x = String(a.item[a.partition.skName]);
    const y = String(b.item[b.partition.skName]);
    return ascending ? x.localeCompare(y) : y.localeCompare(x);
  });
  const taken = candidates.slice(0, options.limit);
  const next: Record<string, Position> = {};
  let remaining = false;
  for (const { partition, items, more } of results) {
    const fromHere = taken.filter((candidate) => candidate.partition === partition);
    const last = fromHere[fromHere.length - 1];
    const previous = start[partition.pkValue] ?? null;
    const exhausted = fromHere.length === items.length && !more;
    next[partition.pkValue] = exhausted ? 'done' : last ? lastKey(last.item, partition) : previous;
    if (!exhausted) remaining = true;
  }
  return {
    items: taken.map((candidate) => candidate.item),
    nextCursor: remaining ? options.cursors.encode(options.query, next) : null,
  };
}

/**
 * The table's items behind a page of index entries (indexes that project keys only), in the page's
 * order: one BatchGet per 100, unprocessed keys asked for again. An item deleted since the index was
 * read is left out.
 */
export async function wholeItems(
  doc: DynamoDBDocumentClient,
  tableName: string,
  entries: ReadonlyArray<Item>,
): Promise<Item[]> {
  const keyOf = (item: Item) => `${String(item.pk)}\n${String(item.sk)}`;
  const found = new Map<string, Item>();
  for (let i = 0; i < entries.length; i += 100) {
    let requested: Item[] = entries.slice(i, i + 100).map((entry) => ({ pk: entry.pk, sk: entry.sk }));
    while (requested.length > 0) {
      const result = await doc.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: requested } } }),
      );
      for (const item of result.Responses?.[tableName] ?? []) found.set(keyOf(item), item);
      requested = (result.UnprocessedKeys?.[tableName]?.Keys as Item[] | undefined) ?? [];
    }
  }
  return entries.flatMap((entry) => {
    const item = found.get(keyOf(entry));
    return item ? [item] : [];
  });
}
