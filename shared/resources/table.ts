/**
 * The one definition of the desk's DynamoDB table. The CDK stack and the local stack both build the
 * table from this, so keys, indexes and the stream cannot drift apart.
 */
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { Subscription } from '../domain/subscription.ts';

export const indexNames = ['gsi1', 'gsi2', 'gsi3', 'gsi4', 'gsi5'] as const;
export type IndexName = (typeof indexNames)[number];

/**
 * What a follow item (and an active digest subscription) carries for the planner and the digests: the
 * subscription, without its confirmation secrets, and its erasure time.
 */
const followerAttributes = [
  'id',
  'channel',
  'address',
  'addressHash',
  'status',
  'topics',
  'follows',
  'frequency',
  'language',
  'createdAt',
  'updatedAt',
  'version',
  'consent',
  'unsubscribedAt',
  'endedBy',
  'eraseAt',
  'expiresAt',
] as const satisfies ReadonlyArray<keyof Subscription | 'expiresAt'>;
// Every field of a subscription but its confirmation is projected: a field added to Subscription
// does not compile here until it is projected (or left out on purpose).
type Unprojected = Exclude<keyof Subscription, 'confirmation' | (typeof followerAttributes)[number]>;
const everyFieldProjected: [Unprojected] extends [never] ? true : Unprojected = true;
void everyFieldProjected;

/**
 * Each index projects only what its queries read, so an item's writes touch an index only when what
 * that index serves changes (a case's edits never rewrite its index entries):
 * - gsi1, gsi2, gsi3 (cases by status, topic, assignee; corrections by publication and update; pending
 *   announcements; suppressions): keys only. Every reader takes the keys and reads the page's items
 *   whole from the table in one BatchGet (or needs only the key).
 * - gsi4 (cases by topic and assignee; followers of a topic or page; digest subscribers): the
 *   subscription's attributes, which the planner and the digests read from the index with no second
 *   read; cases read their keys only.
 * - gsi5 (cases opened per day, counted; a case's reports, read whole by key): keys only.
 */
export const indexProjections: Record<
  IndexName,
  { type: 'KEYS_ONLY' } | { type: 'INCLUDE'; attributes: ReadonlyArray<string> }
> = {
  gsi1: { type: 'KEYS_ONLY' },
  gsi2: { type: 'KEYS_ONLY' },
  gsi3: { type: 'KEYS_ONLY' },
  gsi4: { type: 'INCLUDE', attributes: followerAttributes },
  gsi5: { type: 'KEYS_ONLY' },
};

export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Short-lived items (codes, idempotency records, rate-limit windows) carry an epoch-seconds expiry. */
  timeToLiveAttribute: 'expiresAt',
  streamView: 'NEW_AND_OLD_IMAGES',
  indexes: indexNames.map((name) => ({ name, partitionKey: `${name}pk`, sortKey: `${name}sk` })),
} as const;

/** CreateTable input for DynamoDB Local, derived from the definition above. */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const keyAttributes = [
    tableDefinition.partitionKey,
    tableDefinition.sortKey,
    ...tableDefinition.indexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keyAttributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: tableDefinition.indexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: projectionOf(index.name),
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.streamView },
  };
}

function projectionOf(
  index: IndexName,
): NonNullable<CreateTableCommandInput['GlobalSecondaryIndexes']>[number]['Projection'] {
  const projection = indexProjections[index];
  return projection.type === 'INCLUDE'
    ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...projection.attributes] }
    : { ProjectionType: projection.type };
}
