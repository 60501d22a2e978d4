import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Topic } from '../../domain/topic.ts';
import type { TopicStore } from '../../ports/topic-store.ts';
import * as keys from './item-keys.ts';
import { withoutStorage } from './keys.ts';

/** The catalogue is small (tens of topics): one partition, read whole. */
export class DynamoTopicStore implements TopicStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async list(): Promise<Topic[]> {
    const topics: Topic[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const result = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.topicsPartition },
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      topics.push(...(result.Items ?? []).map((item) => withoutStorage<Topic>(item)));
      start = result.LastEvaluatedKey;
    } while (start);
    return topics;
  }

  async get(key: string): Promise<Topic | undefined> {
    const result = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.topic(key) }));
    return result.Item ? withoutStorage<Topic>(result.Item) : undefined;
  }

  async put(topic: Topic): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.topic(topic.key), entity: 'topic', ...topic },
      }),
    );
  }
}
