/**
 * `npm run migrate-personal-data -- --stage <stage>` (or `--endpoint <DynamoDB Local URL> --table T
 * --data-dir DIR` for a local stack): brings personal data written by versions before keyed hashes
 * and retention up to date, once, after deploying this version (docs/deploy.md, Personal data).
 *
 * Earlier versions keyed people by an unsalted SHA-256 of `channel:address`; this one by HMAC-SHA-256
 * under the key ring's data key. The run reads the table once (a paged Scan: an offline job, never a
 * request) and, where it knows the address:
 * - re-keys each subscription (its address claim, its addressHash and its follows' copies) and moves
 *   the suppression of the old hash to the new one; a legacy subscription of an address that
 *   subscribed again since the upgrade (so it has two) is ended and left to expire;
 * - for each submission with an inline contact: re-keys its reporter marks and the suppression of
 *   each address, and moves the contact into contact items that expire `reporterContactDays` after
 *   the case ended (none while it is open);
 * - gives each delivery record without one an expiry `deliveryRecordDays` after its last attempt.
 * A suppression whose address the desk no longer knows cannot be re-keyed: it stays (a hash that
 * matches nobody any more); docs/deploy.md says what that means. Every write is conditional, so the
 * run may be interrupted and run again; `--from` resumes where the printed position left off.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { localCredentials, localRegion } from '../local/engines.ts';
import { localKeyFile } from '../local/environment.ts';
import * as keys from '../shared/adapters/dynamodb/item-keys.ts';
import { expiresAfterDays, recipientIndexKeys } from '../shared/adapters/dynamodb/keys.ts';
import { Cursors } from '../shared/adapters/dynamodb/paging.ts';
import { DynamoSubmissionUpkeep } from '../shared/adapters/dynamodb/submission-upkeep.ts';
import { DynamoSubscriptionStore } from '../shared/adapters/dynamodb/subscription-store.ts';
import { ConditionsFailed, transact } from '../shared/adapters/dynamodb/transact.ts';
import { contactRecipients, type Recipient, recipientHash } from '../shared/domain/recipient.ts';
import type { Submission } from '../shared/domain/submission.ts';
import { canonicalAddress, unsubscribed } from '../shared/domain/subscription.ts';
import { systemClock } from '../shared/ports/clock.ts';
import { keyed } from '../shared/runtime/keys.ts';
import { linkSecretArn } from './rotate-keys.ts';

type Item = Record<string, unknown>;

/** How earlier versions hashed a person: SHA-256 of `channel:address`, no key. */
export const legacyRecipientHash = (recipient: Recipient): string =>
  createHash('sha256')
    .update(`${recipient.channel}:${canonicalAddress(recipient.channel, recipient.address)}`, 'utf8')
    .digest('hex');

export interface MigrationReport {
  subscriptionsRekeyed: number;
  legacyDuplicatesEnded: number;
  suppressionsRekeyed: number;
  reporterMarksRekeyed: number;
  contactsMoved: number;
  deliveriesGivenExpiry: number;
}

export interface MigrationOptions {
  reporterContactDays: number;
  deliveryRecordDays: number;
  /** Where an interrupted run left off (the last position it printed). */
  from?: string;
  /** After each page of the scan: the counts so far, and where to go on from. */
  progress?: (report: MigrationReport, position: string | undefined) => void;
}

/** Runs the migration over the table. Recipient hashes must already be keyed (runtime/keys.ts). */
export async function migratePersonalData(
  doc: DynamoDBDocumentClient,
  tableName: string,
  options: MigrationOptions,
): Promise<MigrationReport> {
  const report: MigrationReport = {
    subscriptionsRekeyed: 0,
    legacyDuplicatesEnded: 0,
    suppressionsRekeyed: 0,
    reporterMarksRekeyed: 0,
    contactsMoved: 0,
    deliveriesGivenExpiry: 0,
  };
  const clock = systemClock;
  // Cursors are not used by what the migration calls; a throwaway signer keeps the types honest.
  const cursors = new Cursors(keyed('migration-without-cursors').cursorSigner);
  const subscriptions = new DynamoSubscriptionStore(doc, tableName, clock);
  const submissions = new DynamoSubmissionUpkeep(doc, tableName, cursors, clock);
  const get = async (key: { pk: string; sk: string }) =>
    (await doc.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item;

  /** The suppression of the old hash, under the new one (the first suppression kept). */
  async function moveSuppression(oldHash: string, newHash: string): Promise<void> {
    const old = await get(keys.suppression(oldHash));
    if (!old) return;
    try {
      await transact(doc, [
        {
          Put: {
            TableName: tableName,
            Item: {
              ...old,
              ...keys.suppression(newHash),
              addressHash: newHash,
              gsi1sk: `${String(old.at)}#${newHash}`,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        { Delete: { TableName: tableName, Key: keys.suppression(oldHash) } },
      ]);
    } catch (error) {
      if (!(error instanceof ConditionsFailed)) throw error;
      // Suppressed under the new hash already (since the upgrade): the old one only goes.
      await doc.send(new DeleteCommand({ TableName: tableName, Key: keys.suppression(oldHash) }));
    }
    report.suppressionsRekeyed++;
  }

  async function rekeySubscription(item: Item): Promise<void> {
    const recipient = { channel: item.channel, address: item.address } as Recipient;
    if (typeof item.address !== 'string') return;
    const oldHash = legacyRecipientHash(recipient);
    const newHash = recipientHash(recipient);
    if (item.addressHash !== oldHash) return;
    const id = String(item.id);
    await moveSuppression(oldHash, newHash);
    const claim = await get(keys.subscriberAddress(newHash));
    if (claim && claim.subscriptionId !== id) {
      // The address subscribed again since the upgrade: that subscription is the one; this one ends.
      const legacy = await subscriptions.get(id);
      if (legacy && legacy.status !== 'unsubscribed')
        await subscriptions.save(legacy, unsubscribed(legacy, clock.now(), 0));
      report.legacyDuplicatesEnded++;
      return;
    }
    const follows = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :follow)',
        ExpressionAttributeValues: { ':pk': keys.subscription(id).pk, ':follow': 'FOLLOW#' },
        ProjectionExpression: 'pk, sk',
      }),
    );
    try {
      await transact(doc, [
        {
          Put: {
            TableName: tableName,
            Item: {
              ...keys.subscriberAddress(newHash),
              entity: 'subscriber-address',
              subscriptionId: id,
              ...(typeof item.expiresAt === 'number' ? { expiresAt: item.expiresAt } : {}),
            },
            ConditionExpression: 'attribute_not_exists(pk) OR subscriptionId = :id',
            ExpressionAttributeValues: { ':id': id },
          },
        },
        {
          Update: {
            TableName: tableName,
            Key: keys.subscription(id),
            UpdateExpression: 'SET addressHash = :new',
            ConditionExpression: 'addressHash = :old',
            ExpressionAttributeValues: { ':new': newHash, ':old': oldHash },
          },
        },
        {
          Delete: {
            TableName: tableName,
            Key: keys.subscriberAddress(oldHash),
            ConditionExpression: 'attribute_not_exists(pk) OR subscriptionId = :id',
            ExpressionAttributeValues: { ':id': id },
          },
        },
        ...(follows.Items ?? []).map((follow) => ({
          Update: {
            TableName: tableName,
            Key: { pk: follow.pk, sk: follow.sk },
            UpdateExpression: 'SET addressHash = :new',
            ExpressionAttributeValues: { ':new': newHash },
          },
        })),
      ]);
      report.subscriptionsRekeyed++;
    } catch (error) {
      // Changed meanwhile (re-keyed by a parallel run, or by its owner): the next run looks again.
      if (!(error instanceof ConditionsFailed)) throw error;
    }
  }

  async function migrateSubmission(item: Item): Promise<void> {
    const submission = item as unknown as Submission;
    const recipients = contactRecipients(submission.contact);
    if (recipients.length === 0) return;
    for (const recipient of recipients) {
      const oldHash = legacyRecipientHash(recipient);
      const newHash = recipientHash(recipient);
      await moveSuppression(oldHash, newHash);
      const mark = await get(keys.reporter(submission.caseId, oldHash));
      if (mark) {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...mark,
              ...keys.reporter(submission.caseId, newHash),
              ...recipientIndexKeys(newHash, `REPORTER#${submission.caseId}`),
            },
          }),
        );
        await doc.send(
          new DeleteCommand({ TableName: tableName, Key: keys.reporter(submission.caseId, oldHash) }),
        );
        report.reporterMarksRekeyed++;
      }
    }
    const owner = await get(keys.case(submission.caseId));
    const ended = owner && (owner.status === 'published' || owner.status === 'closed');
    const expiresAt = ended
      ? expiresAfterDays(String(owner.updatedAt), options.reporterContactDays)
      : undefined;
    report.contactsMoved += await submissions.moveInlineContact(submission, expiresAt);
  }

  async function expireDelivery(item: Item): Promise<void> {
    if (typeof item.expiresAt === 'number') return;
    const from = String(item.lastAttemptAt ?? item.firstAttemptAt ?? clock.now());
    try {
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: item.pk, sk: item.sk },
          UpdateExpression: 'SET expiresAt = :expires',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(expiresAt)',
          ExpressionAttributeValues: { ':expires': expiresAfterDays(from, options.deliveryRecordDays) },
        }),
      );
      report.deliveriesGivenExpiry++;
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  }

  let start: Item | undefined = options.from
    ? JSON.parse(Buffer.from(options.from, 'base64url').toString('utf8'))
    : undefined;
  for (;;) {
    const page = await doc.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: 'entity IN (:subscription, :submission, :delivery)',
        ExpressionAttributeValues: {
          ':subscription': 'subscription',
          ':submission': 'submission',
          ':delivery': 'delivery',
        },
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    for (const item of page.Items ?? []) {
      if (item.entity === 'subscription') await rekeySubscription(item);
      else if (item.entity === 'submission') await migrateSubmission(item);
      else if (item.entity === 'delivery') await expireDelivery(item);
    }
    start = page.LastEvaluatedKey;
    options.progress?.(
      report,
      start ? Buffer.from(JSON.stringify(start), 'utf8').toString('base64url') : undefined,
    );
    if (!start) return report;
  }
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      stage: { type: 'string' },
      endpoint: { type: 'string' },
      table: { type: 'string', default: 'corrections-desk' },
      'data-dir': { type: 'string' },
      from: { type: 'string' },
      'reporter-contact-days': { type: 'string', default: '90' },
      'delivery-record-days': { type: 'string', default: '180' },
    },
    strict: true,
  });
  const days = (name: 'reporter-contact-days' | 'delivery-record-days') => {
    const value = Number(values[name]);
    return Number.isFinite(value) && value > 0 ? value : fail(`--${name} is a positive number of days`);
  };
  let client: DynamoDBClient;
  let tableName: string;
  let secret: string;
  if (values.endpoint) {
    const dataDir = values['data-dir'] ?? fail('A local run needs the stack’s --data-dir (its key file)');
    client = new DynamoDBClient({
      endpoint: values.endpoint,
      region: localRegion,
      credentials: localCredentials,
    });
    tableName = values.table;
    secret = await readFile(localKeyFile(dataDir), 'utf8');
  } else if (values.stage) {
    const stackName = `corrections-desk-${values.stage}`;
    const cloudFormation = new CloudFormationClient({});
    const { Stacks } = await cloudFormation.send(new DescribeStacksCommand({ StackName: stackName }));
    tableName =
      Stacks?.[0]?.Outputs?.find((output) => output.OutputKey === 'TableName')?.OutputValue ??
      fail(`${stackName} has no TableName output: deploy this version first`);
    const secrets = new SecretsManagerClient({});
    const value = await secrets.send(
      new GetSecretValueCommand({ SecretId: await linkSecretArn(cloudFormation, stackName) }),
    );
    secret = value.SecretString ?? fail('The link secret is empty');
    client = new DynamoDBClient({});
  } else {
    return fail('Name a deployed --stage, or --endpoint, --table and --data-dir for a local stack');
  }
  keyed(secret);
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const report = await migratePersonalData(doc, tableName, {
    reporterContactDays: days('reporter-contact-days'),
    deliveryRecordDays: days('delivery-record-days'),
    ...(values.from ? { from: values.from } : {}),
    progress: (so, position) => console.error(JSON.stringify({ ...so, ...(position ? { position } : {}) })),
  });
  console.log(JSON.stringify(report, null, 2));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
