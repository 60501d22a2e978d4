/**
 * The senders' shared token bucket: time is cut into short windows, each allowing its share of the
 * channel's rate; a sender takes tokens with one conditional ADD on the window's item and, when the
 * window is spent, waits for the next. Short windows keep bursts small (a provider counts over about
 * a second), and the shares are rounded so that they add up to the exact rate over a second.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Channel } from '../../domain/subscription.ts';
import type { SendPacer } from '../../ports/send-pacer.ts';
import * as keys from './item-keys.ts';

const windowMs = 200;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class DynamoSendPacer implements SendPacer {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    /** Sends per second, per channel. */
    private readonly rates: Record<Channel, number>,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** Tokens of window `w`: the rate's exact share, so whole seconds add up to the rate. */
  private allowance(channel: Channel, window: number): number {
    const perWindow = (this.rates[channel] * windowMs) / 1000;
    return Math.floor(perWindow * (window + 1)) - Math.floor(perWindow * window);
  }

  async take(channel: Channel, wanted: number, deadlineMs: number): Promise<number> {
    for (;;) {
      const now = this.nowMs();
      if (now >= deadlineMs) return 0;
      const window = Math.floor(now / windowMs);
      const allowance = this.allowance(channel, window);
      let asking = Math.min(wanted, allowance);
      while (asking > 0 && this.nowMs() < (window + 1) * windowMs) {
        const left = await this.takeFrom(channel, window, allowance, asking);
        if (left === 'granted') return asking;
        // What is left of this window, if anything, is worth asking for at once.
        asking = Math.min(wanted, left);
      }
      // The next window, with a little jitter so that waiting senders do not all ask at once.
      const wait = (window + 1) * windowMs - this.nowMs() + Math.random() * 20;
      if (this.nowMs() + wait >= deadlineMs) return 0;
      await sleep(Math.max(0, wait));
    }
  }

  /** One conditional ADD: granted, or how many tokens the window still had. */
  private async takeFrom(
    channel: Channel,
    window: number,
    allowance: number,
    asking: number,
  ): Promise<'granted' | number> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.sendWindow(channel, window),
          UpdateExpression: 'ADD used :n SET entity = :entity, expiresAt = :expiresAt',
          ConditionExpression: 'attribute_not_exists(used) OR used <= :room',
          ExpressionAttributeValues: {
            ':n': asking,
            ':room': allowance - asking,
            ':entity': 'send-window',
            ':expiresAt': Math.ceil((window * windowMs) / 1000) + 60,
          },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return 'granted';
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const used = Number(error.Item ? (unmarshall(error.Item).used ?? 0) : 0);
      return Math.max(0, allowance - used);
    }
  }
}
