/** Case images and announcements from DynamoDB stream records, for the stream functions' own check of what changed. */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { AnnouncementRef } from '../../domain/announcement.ts';
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

/** The announcement a stream record shows being written (an INSERT), if that is what it is. */
export function announcementWritten(record: DynamoDBRecord): AnnouncementRef | undefined {
  if (record.eventName !== 'INSERT' || !record.dynamodb?.NewImage) return undefined;
  const item = unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>);
  if (item.entity !== 'announcement') return undefined;
  return {
    correctionId: String(item.correctionId),
    version: Number(item.version),
    round: Number(item.round),
  };
}
