/**
 * Time-to-correction figures in the single table: one item per topic and month holding the exact
 * hours of each first publication (a list of numbers: a topic would need tens of thousands of
 * corrections in one month to approach the item size limit). The publishing transaction appends to
 * it, so each first publication is counted exactly once; a year of them is read by one paged Query.
 */
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { FirstPublication, TopicMonth } from '../../domain/time-to-correction.ts';
import type { StatsStore } from '../../ports/stats-store.ts';
import * as keys from './item-keys.ts';
import type { TransactItem } from './transact.ts';

export function firstPublicationItem(tableName: string, record: FirstPublication): TransactItem {
  return {
    Update: {
      TableName: tableName,
      Key: keys.topicMonth(record.month, record.topic),
      UpdateExpression:
        'SET #entity = :entity, #topic = :topic, #month = :month, #hours = list_append(if_not_exists(#hours, :none), :hours)',
      ExpressionAttributeNames: {
        '#entity': 'entity',
        '#topic': 'topic',
        '#month': 'month',
        '#hours': 'hours',
      },
      ExpressionAttributeValues: {
        ':entity': 'topic-month',
        ':topic': record.topic,
        ':month': record.month,
        ':none': [],
        ':hours': [record.hours],
      },
    },
  };
}

export class DynamoStatsStore implements StatsStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async topicMonths(months: ReadonlyArray<string>): Promise<TopicMonth[]> {
    const sorted = [...months].sort();
    const [first, last] = [sorted[0], sorted.at(-1)];
    if (!first || !last) return [];
    const found: TopicMonth[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const result = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
          ExpressionAttributeValues: {
            ':pk': keys.topicMonth(first, '').pk,
            ':first': keys.topicMonth(first, '').sk,
            ':last': keys.topicMonth(last, '\uffff').sk,
          },
          ProjectionExpression: '#topic, #month, #hours',
          ExpressionAttributeNames: { '#topic': 'topic', '#month': 'month', '#hours': 'hours' },
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const item of result.Items ?? []) found.push(item as TopicMonth);
      start = result.LastEvaluatedKey;
    } while (start);
    return found;
  }
}
