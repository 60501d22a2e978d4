/**
 * Audience counters in the single table: one small item per scope (AUDIENCE#TOPIC#<topic>,
 * AUDIENCE#URL#<url hash>, AUDIENCE#REPORTERS#<case>) holding one number per channel and language
 * (`email#zh-CN`, or `sms` where the language is not known), `digest#`-prefixed for daily and weekly
 * subscribers, and on a page's item `also#<topic>#`-prefixed for its followers who follow that topic
 * too (a page's item holds a few numbers per topic its followers follow: small, whatever the
 * audience). Read here; kept by audience-changes.ts.
 */
import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { languages } from '../../domain/case.ts';
import type {
  AudienceCounters,
  AudienceCounts,
  AudienceScope,
  AudienceTally,
} from '../../ports/audience-counters.ts';
import type { Key } from './keys.ts';

export const audienceKey = (scope: AudienceScope): Key => {
  switch (scope.kind) {
    case 'topic':
      return { pk: `AUDIENCE#TOPIC#${scope.topic}`, sk: 'AUDIENCE' };
    case 'url':
      // The pageTarget is PAGE#<hash of the normalized address>.
      return { pk: `AUDIENCE#URL#${scope.page.slice(scope.page.indexOf('#') + 1)}`, sk: 'AUDIENCE' };
    case 'reporters':
      return { pk: `AUDIENCE#REPORTERS#${scope.caseId}`, sk: 'AUDIENCE' };
  }
};

export class DynamoAudienceCounters implements AudienceCounters {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async read(scopes: ReadonlyArray<AudienceScope>): Promise<AudienceTally[]> {
    const wanted = scopes.map(audienceKey);
    const found = new Map<string, Record<string, unknown>>();
    let requested: Key[] = [...new Map(wanted.map((key) => [key.pk, key])).values()];
    while (requested.length > 0) {
      const result = await this.doc.send(
        new BatchGetCommand({
          RequestItems: { [this.tableName]: { Keys: requested, ConsistentRead: true } },
        }),
      );
      for (const item of result.Responses?.[this.tableName] ?? []) found.set(String(item.pk), item);
      requested = (result.UnprocessedKeys?.[this.tableName]?.Keys as Key[] | undefined) ?? [];
    }
    return wanted.map((key) => tally(found.get(key.pk)));
  }
}

const noCounts = (): AudienceCounts => ({ email: 0, sms: 0, byLanguage: {} });

function add(counts: AudienceCounts, channel: 'email' | 'sms', language: string | undefined, n: number) {
  counts[channel] += n;
  if (language && (languages as ReadonlyArray<string>).includes(language)) {
    const known = language as (typeof languages)[number];
    const sum = counts.byLanguage[known] ?? { email: 0, sms: 0 };
    sum[channel] += n;
    counts.byLanguage[known] = sum;
  }
}

function tally(item: Record<string, unknown> | undefined): AudienceTally {
  const result: AudienceTally = { ...noCounts(), digests: noCounts(), alsoFollowing: {} };
  if (!item) return result;
  for (const [name, value] of Object.entries(item)) {
    if (typeof value !== 'number') continue;
    const parts = name.split('#');
    const digests = parts[0] === 'digest';
    if (digests) parts.shift();
    let also: string | undefined;
    if (parts[0] === 'also') {
      also = parts[1];
      parts.splice(0, 2);
    }
    const [channel, language] = parts;
    if (channel !== 'email' && channel !== 'sms') continue;
    if (also === undefined) {
      add(digests ? result.digests : result, channel, language, value);
      continue;
    }
    const topic = result.alsoFollowing[also] ?? { immediate: noCounts(), digests: noCounts() };
    result.alsoFollowing[also] = topic;
    add(digests ? topic.digests : topic.immediate, channel, language, value);
  }
  return result;
}
