/**
 * TransactWriteItems with the two things every caller needs: retries when another transaction held
 * an item (TransactionConflict), and, when a condition failed, which item failed and what it held.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export class ConditionsFailed extends Error {
  constructor(
    /** Per request item, in order: whether its condition failed, and the item as it was (when asked). */
    readonly reasons: ReadonlyArray<{ failed: boolean; item?: Record<string, unknown> }>,
  ) {
    super('A transaction condition failed');
  }

  failedAt(index: number): boolean {
    return this.reasons[index]?.failed ?? false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function transact(
  doc: DynamoDBDocumentClient,
  items: TransactItem[],
  options: { attempts?: number } = {},
): Promise<void> {
  const attempts = options.attempts ?? 12;
  for (let attempt = 1; ; attempt++) {
    try {
      await doc.send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      if (reasons.some((reason) => reason.Code === 'ConditionalCheckFailed')) {
        throw new ConditionsFailed(
          reasons.map((reason) => ({
            failed: reason.Code === 'ConditionalCheckFailed',
            ...(reason.Item ? { item: unmarshall(reason.Item) } : {}),
          })),
        );
      }
      const conflicting = reasons.some(
        (reason) => reason.Code === 'TransactionConflict' || reason.Code === 'ThrottlingError',
      );
      if (!conflicting || attempt >= attempts) throw error;
      // Full jitter: contenders spread out instead of colliding again in step.
      await sleep(Math.random() * Math.min(1000, 10 * 2 ** attempt));
    }
  }
}
