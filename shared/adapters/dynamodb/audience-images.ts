/**
 * What a stream record changes in the audience counters, from its old and new images: an active
 * follow item counts for its topic or page (by channel and language, immediate or digest; a page's
 * also under each topic its subscriber follows, or '*' alone); a reporter mark that is the reporter's
 * reply address counts for its case. A change is the new image's count minus the old one's, so a
 * re-save moves nothing, an unsubscribe or suppression (the follow turns inactive) or a dropped topic
 * (the follow is deleted) takes one away, and a changed language moves one between languages.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { Language } from '../../domain/case.ts';
import { type Channel, type Frequency, frequencyOf } from '../../domain/subscription.ts';
import { allTopics } from '../../domain/topic.ts';
import { pagePrefix } from '../../domain/url.ts';
import type { AudienceDelta } from '../../ports/audience-counters.ts';

type Item = Record<string, unknown>;

const itemOf = (image: Record<string, unknown> | undefined): Item | undefined =>
  image ? unmarshall(image as Record<string, AttributeValue>) : undefined;

function counted(item: Item | undefined, delta: number): AudienceDelta[] {
  if (!item) return [];
  const channel = item.channel as Channel;
  if (item.entity === 'follow' && item.status === 'active') {
    const target = String(item.sk).slice('FOLLOW#'.length);
    const counted = {
      channel,
      language: item.language as Language,
      ...(frequencyOf(item as { frequency?: Frequency }) !== 'immediate' ? { digest: true as const } : {}),
      delta,
    };
    if (!target.startsWith(pagePrefix)) return [{ scope: { kind: 'topic', topic: target }, ...counted }];
    const scope = { kind: 'url' as const, page: target };
    const topics = Array.isArray(item.topics) ? (item.topics as string[]) : [];
    // '*' alone when present, so that a follower is taken off a page's count at most once.
    const also = topics.includes(allTopics) ? [allTopics] : [...new Set(topics)];
    return [
      { scope, ...counted },
      ...also.map((topic): AudienceDelta => ({ scope, ...counted, alsoFollowing: topic })),
    ];
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
