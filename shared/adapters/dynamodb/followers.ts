/**
 * Who follows what, through the follow items' index (gsi4): a topic's or a page's active immediate
 * followers, the digests' subscribers, and which of some people follow a publication (see
 * subscription-items.ts).
 */
import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  type Channel,
  type Frequency,
  followsOf,
  frequencyOf,
  type Subscription,
} from '../../domain/subscription.ts';
import { pageTarget } from '../../domain/url.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Followers } from '../../ports/followers.ts';
import type { Page } from '../../ports/page.ts';
import * as keys from './item-keys.ts';
import { digestIndexKeys, followerIndexKeys, withoutStorage } from './keys.ts';
import { type Cursors, mergedPage } from './paging.ts';
import { epochSeconds, unexpired } from './subscription-items.ts';

type Item = Record<string, unknown>;

export class DynamoFollowers implements Followers {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly cursors: Cursors,
    private readonly clock: Clock,
  ) {}

  async of(target: string, options: { limit: number; cursor?: string }): Promise<Page<Subscription>> {
    return this.indexPage(followerIndexKeys(target, '').gsi4pk ?? '', ['followers', target], options);
  }

  async ofDigest(
    frequency: Exclude<Frequency, 'immediate'>,
    options: { limit: number; cursor?: string },
  ): Promise<Page<Subscription>> {
    return this.indexPage(digestIndexKeys(frequency, '').gsi4pk ?? '', ['digests', frequency], options);
  }

  private async indexPage(
    partition: string,
    query: string[],
    options: { limit: number; cursor?: string },
  ): Promise<Page<Subscription>> {
    const page = await mergedPage(
      this.doc,
      this.tableName,
      [{ index: 'gsi4', pkName: 'gsi4pk', pkValue: partition, skName: 'gsi4sk', ascending: true }],
      {
        limit: options.limit,
        ...(options.cursor ? { cursor: options.cursor } : {}),
        query: JSON.stringify(query),
        cursors: this.cursors,
      },
    );
    return {
      items: page.items.map((item) => withoutStorage<Subscription>(item)),
      nextCursor: page.nextCursor,
    };
  }

  async among(
    addressHashes: string[],
    reach: { topics: string[]; page?: string },
  ): Promise<Array<Pick<Subscription, 'channel' | 'language'>>> {
    const claims = await this.batchGet(
      [...new Set(addressHashes)].map(keys.subscriberAddress),
      'subscriptionId, expiresAt',
    );
    const ids = [...new Set(claims.map((claim) => String(claim.subscriptionId)))];
    const found = await this.batchGet(
      ids.map(keys.subscription),
      'channel, #language, #status, topics, follows, frequency, expiresAt',
      { '#language': 'language', '#status': 'status' },
    );
    const reached = (s: Item): boolean =>
      (s.topics as string[]).some((topic) => reach.topics.includes(topic)) ||
      (reach.page !== undefined && followsOf(s).some((url) => pageTarget(url) === reach.page));
    return found
      .filter((s) => s.status === 'active' && frequencyOf(s) === 'immediate' && reached(s))
      .map((s) => ({ channel: s.channel as Channel, language: s.language as Subscription['language'] }));
  }

  /**
   * Items by key, 100 to a BatchGet and the BatchGets side by side, unprocessed keys asked for again;
   * items past their erasure left out.
   */
  private async batchGet(
    wanted: Array<{ pk: string; sk: string }>,
    projection: string,
    names?: Record<string, string>,
  ): Promise<Item[]> {
    const chunks: Item[][] = [];
    for (let i = 0; i < wanted.length; i += 100) chunks.push(wanted.slice(i, i + 100));
    const found = await Promise.all(chunks.map((chunk) => this.batchGetChunk(chunk, projection, names)));
    return unexpired(found.flat(), epochSeconds(this.clock.now()));
  }

  private async batchGetChunk(wanted: Item[], projection: string, names?: Record<string, string>) {
    const items: Item[] = [];
    let requested: Item[] = wanted;
    while (requested.length > 0) {
      const result = await this.doc.send(
        new BatchGetCommand({
          RequestItems: {
            [this.tableName]: {
              Keys: requested,
              ProjectionExpression: projection,
              ...(names ? { ExpressionAttributeNames: names } : {}),
            },
          },
        }),
      );
      items.push(...(result.Responses?.[this.tableName] ?? []));
      requested = (result.UnprocessedKeys?.[this.tableName]?.Keys as Item[] | undefined) ?? [];
    }
    return items;
  }
}
