/** Every record of a test table's stream so far, as Lambda would hand them to a stream function. */
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import { inject } from 'vitest';
import { localCredentials, localRegion } from '../../local/engines.ts';
import { toLambdaRecord } from '../../local/stream-records.ts';
import type { TestDesk } from './desk.ts';

export async function streamRecords(
  desk: Pick<TestDesk, 'documents' | 'tableName'>,
): Promise<DynamoDBRecord[]> {
  const table = await desk.documents.send(new DescribeTableCommand({ TableName: desk.tableName }));
  const streamArn = table.Table?.LatestStreamArn ?? '';
  const streams = new DynamoDBStreamsClient({
    region: localRegion,
    credentials: localCredentials,
    endpoint: inject('dynamoDbEndpoint'),
  });
  const description = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
  const records: DynamoDBRecord[] = [];
  for (const shard of description.StreamDescription?.Shards ?? []) {
    let iterator = (
      await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shard.ShardId,
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      )
    ).ShardIterator;
    while (iterator) {
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      if (!page.Records?.length) break;
      records.push(...page.Records.map((record) => toLambdaRecord(record, streamArn)));
      iterator = page.NextShardIterator;
    }
  }
  return records;
}
