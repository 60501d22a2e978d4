/**
 * A person's records by recipient hash (gsi2, RECIPIENT#<hash>): contact items, reporter marks and
 * delivery records carry those index keys (see recipientIndexKeys). An erasure pages through that
 * partition and deletes each item; a delete that finds nothing (erased already, or expired) counts
 * nothing, so a step may run twice. Audit entries live in one partition, in time order.
 */
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ErasedRecords, ErasureEntry, PersonalDataStore } from '../../ports/personal-data.ts';
import * as keys from './item-keys.ts';
import { recipientIndexKeys, withoutStorage } from './keys.ts';
import { type Cursors, mergedPage, wholeItems } from './paging.ts';

type Item = Record<string, unknown>;

const pageSize = 100;

/** Items deleted at once: enough to finish a page in a few round trips, few enough not to throttle. */
const parallelDeletes = 10;

export class DynamoPersonalData implements PersonalDataStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly cursors: Cursors,
  ) {}

  async erasePage(addressHash: string, cursor?: string): Promise<{ erased: ErasedRecords; next?: string }> {
    const query = `erasure\n${addressHash}`;
    const start = cursor ? (this.cursors.decode(query, cursor) as Item) : undefined;
    const result = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': recipientIndexKeys(addressHash, '').gsi2pk },
        Limit: pageSize,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    const found = result.Items ?? [];
    const erased: ErasedRecords = { submissions: 0, deliveries: 0, reporterMarks: 0 };
    const submissions = new Set<string>();
    let next = 0;
    const worker = async () => {
      while (next < found.length) {
        const item = found[next++] as Item;
        // The index's sort key says what the item is (keys are projected whatever else is).
        const what = String(item.gsi2sk);
        const deleted = await this.doc.send(
          new DeleteCommand({
            TableName: this.tableName,
            Key: { pk: item.pk, sk: item.sk },
            ReturnValues: 'ALL_OLD',
          }),
        );
        if (!deleted.Attributes) continue;
        if (what.startsWith('CONTACT#')) submissions.add(what.split('#')[1] ?? what);
        else if (what.startsWith('DELIVERY#')) erased.deliveries++;
        else if (what.startsWith('REPORTER#')) erased.reporterMarks++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(parallelDeletes, found.length) }, worker));
    erased.submissions = submissions.size;
    const last = result.LastEvaluatedKey;
    return { erased, ...(last ? { next: this.cursors.encode(query, last) } : {}) };
  }

  async recordErasure(entry: ErasureEntry): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.erasure(entry.at, entry.id),
          entity: 'erasure',
          ...entry,
          gsi1pk: 'ERASURES',
          gsi1sk: `${entry.at}#${entry.id}`,
        },
      }),
    );
  }

  async erasures(options: { limit: number; cursor?: string }) {
    const page = await mergedPage(
      this.doc,
      this.tableName,
      [{ index: 'gsi1', pkName: 'gsi1pk', pkValue: 'ERASURES', skName: 'gsi1sk', ascending: false }],
      {
        limit: options.limit,
        ...(options.cursor ? { cursor: options.cursor } : {}),
        query: 'erasures',
        cursors: this.cursors,
      },
    );
    // The index holds keys only: the entries are read whole.
    const items = await wholeItems(this.doc, this.tableName, page.items);
    return {
      items: items.map((item) => withoutStorage<ErasureEntry>(item)),
      nextCursor: page.nextCursor,
    };
  }
}
