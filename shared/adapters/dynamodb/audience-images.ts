/**
 * What a stream record changes in the audience counters, from its old and new images: an active
 * follow item counts for its topic (by channel and language); a reporter mark that is the reporter's
 * reply address counts for its case. A change is the new image's count minus the old one's, so a
 * re-save moves nothing, an unsubscribe or suppression (the follow turns inactive) or a dropped topic
 * (the follow is deleted) takes one away, and a changed language moves one between languages.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { Language } from '../../domain/case.ts';
import type { Channel } from '../../domain/subscription.ts';
import type { AudienceDelta } from '../../ports/audience-counters.ts';

type Item = Record<string, unknown>;

const itemOf = (image: Record<string, unknown> | undefined): Item | undefined =>
  image ? unmarshall(image as Record<string, AttributeValue>) : undefined;

function counted(item: Item | undefined, delta: number): AudienceDelta[] {
  if (!item) return [];
  const channel = item.channel as Channel;
  if (item.entity === 'follow' && item.status === 'active') {
    const topic = String(item.sk).slice('FOLLOW#'.length);
    return [{ scope: { kind: 'topic', topic }, channel, language: item.language as Language, delta }];
  }
  if (item.entity === 'reporter' && item.reply === true) {
    const caseId = String(item.pk).slice('CASE#'.length);
    return [{ scope: { kind: 'reporters', caseId }, channel, delta }];
  }
  return [];
}

/**
 * The record's change to the counters, if any, under the record's id: unique to it and the same on
 * every redelivery, so the counters apply it once.
 */
export function audienceChange(record: DynamoDBRecord): { id: string; deltas: AudienceDelta[] } | undefined {
  const deltas = [
    ...counted(itemOf(record.dynamodb?.OldImage), -1),
    ...counted(itemOf(record.dynamodb?.NewImage), +1),
  ];
  if (deltas.length === 0) return undefined;
  const id = record.eventID ?? record.dynamodb?.SequenceNumber;
  if (!id) throw new Error('A stream record without an id or sequence number');
  return { id, deltas };
}
