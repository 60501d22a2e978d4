/**
 * Delivery plans: one item per (correction, version, round) holding the cursor of its audience. The
 * cursor only moves by a conditional write from the position a run started at, together with that
 * run's `planned` counters, so a replayed event or a redelivered step plans nothing new and only one
 * chain of runs goes on.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PlanPosition } from '../../ports/delivery-queues.ts';
import type { PlanRef, PlanState, PlanStore } from '../../ports/plan-store.ts';
import { counterUpdate } from './delivery-store.ts';
import { keys } from './keys.ts';
import { ConditionsFailed, type TransactItem, transact } from './transact.ts';

const done = 'done';
const encode = (position: PlanPosition | undefined): string => (position ? JSON.stringify(position) : done);
const decode = (value: unknown): PlanPosition | undefined =>
  typeof value === 'string' && value !== done ? (JSON.parse(value) as PlanPosition) : undefined;

const stateOf = (item: Record<string, unknown>): PlanState => {
  const position = decode(item.position);
  const previous = decode(item.previous);
  return { ...(position ? { position } : {}), ...(previous ? { previous } : {}) };
};

export class DynamoPlanStore implements PlanStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async start(ref: PlanRef, first: PlanPosition): Promise<PlanState> {
    const result = await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.plan(ref),
        UpdateExpression:
          'SET #position = if_not_exists(#position, :first), entity = :entity, correctionId = :c, version = :v, round = :r',
        ExpressionAttributeNames: { '#position': 'position' },
        ExpressionAttributeValues: {
          ':first': encode(first),
          ':entity': 'plan',
          ':c': ref.correctionId,
          ':v': ref.version,
          ':r': ref.round,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return stateOf(result.Attributes ?? {});
  }

  async get(ref: PlanRef): Promise<PlanState | undefined> {
    const result = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.plan(ref), ConsistentRead: true }),
    );
    return result.Item ? stateOf(result.Item) : undefined;
  }

  async advance(
    ref: PlanRef,
    from: PlanPosition,
    to: PlanPosition | undefined,
    planned: Partial<Record<'email' | 'sms', number>>,
  ): Promise<boolean> {
    const move: TransactItem = {
      Update: {
        TableName: this.tableName,
        Key: keys.plan(ref),
        UpdateExpression: 'SET #position = :to, previous = :from ADD runs :one',
        ConditionExpression: '#position = :from',
        ExpressionAttributeNames: { '#position': 'position' },
        ExpressionAttributeValues: { ':to': encode(to), ':from': encode(from), ':one': 1 },
      },
    };
    const counters = (Object.entries(planned) as Array<['email' | 'sms', number]>)
      .filter(([, amount]) => amount > 0)
      .map(([channel, amount]) =>
        counterUpdate(
          this.tableName,
          { correctionId: ref.correctionId, version: ref.version, channel },
          { planned: amount },
        ),
      );
    try {
      if (counters.length) await transact(this.doc, [move, ...counters]);
      else await this.doc.send(new UpdateCommand(move.Update as NonNullable<TransactItem['Update']>));
      return true;
    } catch (error) {
      if (error instanceof ConditionsFailed || error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
