/**
 * The progress item every continuation keeps (delivery plans and the generic continuations alike):
 * where its next step starts, moved only by a conditional write from the position a step started at,
 * so of two steps from one position only one moves it, and a replayed one finds it moved on.
 * Positions are strings (the caller encodes its own); `done` is reserved for the end.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ProgressState } from '../../ports/continuations.ts';
import type { Key } from './keys.ts';
import { ConditionsFailed, type TransactItem, transact } from './transact.ts';

const done = 'done';

const stateOf = (item: Record<string, unknown>): ProgressState<string> => {
  const at = (value: unknown) => (typeof value === 'string' && value !== done ? value : undefined);
  const position = at(item.position);
  const previous = at(item.previous);
  return {
    ...(position !== undefined ? { position } : {}),
    ...(previous !== undefined ? { previous } : {}),
    ...(position !== undefined && item.handedOn === position ? { handedOn: true } : {}),
    ...(typeof item.movedAt === 'string' ? { movedAt: item.movedAt } : {}),
  };
};

export class DynamoProgress {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Creates the item at `first` (with `attributes`, for whoever reads the table) unless it exists. */
  async start(key: Key, first: string, attributes: Record<string, unknown>): Promise<ProgressState<string>> {
    const names = Object.keys(attributes);
    const result = await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: key,
        UpdateExpression: `SET #position = if_not_exists(#position, :first)${names
          .map((_, i) => `, #a${i} = :a${i}`)
          .join('')}`,
        ExpressionAttributeNames: {
          '#position': 'position',
          ...Object.fromEntries(names.map((name, i) => [`#a${i}`, name])),
        },
        ExpressionAttributeValues: {
          ':first': first,
          ...Object.fromEntries(names.map((name, i) => [`:a${i}`, attributes[name]])),
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return stateOf(result.Attributes ?? {});
  }

  async get(key: Key): Promise<ProgressState<string> | undefined> {
    const result = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    return result.Item ? stateOf(result.Item) : undefined;
  }

  /**
   * Moves from `from` to `to` (absent: done) if still at `from`, noting when, with `alongside` (say,
   * counters) in the same transaction. False if another step moved it first.
   */
  async advance(
    key: Key,
    move: { from: string; to: string | undefined; now: string },
    alongside: TransactItem[] = [],
  ): Promise<boolean> {
    const update = {
      TableName: this.tableName,
      Key: key,
      UpdateExpression: 'SET #position = :to, previous = :from, movedAt = :now ADD steps :one',
      ConditionExpression: '#position = :from',
      ExpressionAttributeNames: { '#position': 'position' },
      ExpressionAttributeValues: { ':to': move.to ?? done, ':from': move.from, ':now': move.now, ':one': 1 },
    };
    try {
      if (alongside.length) await transact(this.doc, [{ Update: update }, ...alongside]);
      else await this.doc.send(new UpdateCommand(update));
      return true;
    } catch (error) {
      if (error instanceof ConditionsFailed || error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  /** Notes that the step starting at `position` was sent on; read back as `handedOn` while it stands there. */
  async handedOn(key: Key, position: string): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: key,
        UpdateExpression: 'SET handedOn = :position',
        ExpressionAttributeValues: { ':position': position },
      }),
    );
  }
}
