/** Case images from DynamoDB stream records, for the stream functions' own check of what changed. */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { Case } from '../../domain/case.ts';
import { withoutStorage } from './keys.ts';

const caseFrom = (image: Record<string, unknown> | undefined): Case | undefined => {
  if (!image) return undefined;
  const item = unmarshall(image as Record<string, AttributeValue>);
  return item.entity === 'case' ? withoutStorage<Case>(item) : undefined;
};

export function caseImages(record: DynamoDBRecord): { before?: Case; after?: Case } {
  const before = caseFrom(record.dynamodb?.OldImage);
  const after = caseFrom(record.dynamodb?.NewImage);
  return { ...(before ? { before } : {}), ...(after ? { after } : {}) };
}
