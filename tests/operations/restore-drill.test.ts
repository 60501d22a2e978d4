/**
 * The restore drill on DynamoDB Local: the restore is simulated by a table copy (the same checks as
 * the AWS Backup path), and the AWS Backup restorer is checked on the exact requests it makes.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BackupClient } from '@aws-sdk/client-backup';
import {
  CreateTableCommand,
  DeleteItemCommand,
  DynamoDBClient,
  ListTablesCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { localCredentials, localRegion } from '../../local/engines.ts';
import { compareTables, formatReport, judge, runDrill } from '../../scripts/restore-drill/drill.ts';
import { AwsBackupRestorer, TableCopyRestorer } from '../../scripts/restore-drill/restorers.ts';
import { createTableInput } from '../../shared/resources/table.ts';

const endpoint = inject('dynamoDbEndpoint');
const dynamo = new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials });
const liveTable = `drill-live-${randomUUID().slice(0, 8)}`;
const itemCount = 57;

const key = (n: number) => ({ pk: { S: `CASE#${n}` }, sk: { S: 'CASE' } });

beforeAll(async () => {
  await dynamo.send(new CreateTableCommand(createTableInput(liveTable)));
  for (let n = 0; n < itemCount; n++) {
    await dynamo.send(
      new PutItemCommand({
        TableName: liveTable,
        Item: {
          ...key(n),
          entity: { S: 'case' },
          id: { S: `c${n}` },
          summary: { S: `第${n}号：伤亡人数更正` },
          version: { N: String(n % 5) },
          tags: { SS: ['火灾', 'fire', `n${n}`] },
          gsi1pk: { S: 'STATUS#open' },
          gsi1sk: { S: String(n).padStart(4, '0') },
        },
      }),
    );
  }
});

const tables = async () => (await dynamo.send(new ListTablesCommand({}))).TableNames ?? [];

describe('the restore drill on DynamoDB Local', () => {
  it('restores a copy, finds it complete and identical, reports the figures and deletes the copy', async () => {
    const times = [new Date('2026-11-28T02:00:00Z'), new Date('2026-11-28T02:00:07Z')];
    let calls = 0;
    const now = () => times[Math.min(calls++, times.length - 1)] as Date;
    const report = await runDrill(dynamo, new TableCopyRestorer(dynamo, now), {
      stage: 'local',
      liveTable,
      sampleSize: 20,
      tolerance: 0,
      now,
    });
    expect(report).toMatchObject({
      stage: 'local',
      liveTable,
      restoredTable: `${liveTable}-drill-20261128020000`,
      items: { live: itemCount, restored: itemCount, difference: 0 },
      indexes: { missing: [] },
      sample: { size: 20, identical: 20, changedSince: 0, goneFromLive: 0 },
      copyDeleted: true,
      passed: true,
      problems: [],
    });
    expect(report.indexes.expected).toHaveLength(5);
    expect(await tables()).not.toContain(report.restoredTable);
    const text = formatReport(report);
    expect(text).toContain('PASSED');
    expect(text).toContain(`${itemCount} items (difference 0)`);
  });

  it('tells writes since the recovery point apart, and fails the drill beyond the tolerance', async () => {
    const restored = `${liveTable}-changed`;
    await new TableCopyRestorer(dynamo).restoreLatest(liveTable, restored);
    // After the "recovery point": one case edited, one deleted, three new.
    await dynamo.send(
      new UpdateItemCommand({
        TableName: liveTable,
        Key: key(3),
        UpdateExpression: 'SET summary = :s',
        ExpressionAttributeValues: { ':s': { S: '已修订' } },
      }),
    );
    await dynamo.send(new DeleteItemCommand({ TableName: liveTable, Key: key(4) }));
    for (const n of [100, 101, 102]) {
      await dynamo.send(
        new PutItemCommand({ TableName: liveTable, Item: { ...key(n), entity: { S: 'case' } } }),
      );
    }
    const figures = await compareTables(dynamo, liveTable, restored, itemCount);
    expect(figures.items).toEqual({ live: itemCount + 2, restored: itemCount, difference: 2 });
    expect(figures.sample).toEqual({
      size: itemCount,
      identical: itemCount - 2,
      changedSince: 1,
      goneFromLive: 1,
    });
    expect(judge(figures, 0.05)).toEqual([]);
    expect(judge(figures, 0.01)).toEqual([
      'the item counts differ by 2 (3.4%), more than 1.0%',
      '2 of 57 sampled items differ from the live table (3.5%), more than 1.0%',
    ]);
    expect(judge({ ...figures, items: { live: 10, restored: 0, difference: 10 } }, 0.5)).toContain(
      'the restored table is empty',
    );
  });

  it('runs as npm run restore-drill against the local stack’s DynamoDB, writing the report to file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'drill-'));
    const reportFile = join(dir, 'drill.json');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/restore-drill.ts',
        '--stage',
        'local',
        '--endpoint',
        endpoint,
        '--table',
        liveTable,
        '--sample',
        '10',
        '--tolerance',
        '0.5',
        '--report',
        reportFile,
      ],
      { env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } },
    );
    expect(stdout).toContain('Restore drill, stage local: PASSED');
    const report = JSON.parse(await readFile(reportFile, 'utf8'));
    expect(report).toMatchObject({ passed: true, copyDeleted: true, sample: { size: 10 } });
    expect(report.items.live).toBe(report.items.restored);
  });
});

describe('the AWS Backup restorer', () => {
  it('restores the newest completed point of this vault to the new name, with the backup role, and waits for it', async () => {
    const sent: Array<{ name: string; input: Record<string, unknown> }> = [];
    let polls = 0;
    const backup = {
      send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
        const name = command.constructor.name;
        sent.push({ name, input: command.input });
        switch (name) {
          case 'ListRecoveryPointsByResourceCommand':
            return {
              RecoveryPoints: [
                {
                  RecoveryPointArn: 'rp-old',
                  Status: 'COMPLETED',
                  BackupVaultName: 'desk-vault',
                  CreationDate: new Date('2026-11-26T18:00:00Z'),
                },
                {
                  RecoveryPointArn: 'rp-partial',
                  Status: 'PARTIAL',
                  BackupVaultName: 'desk-vault',
                  CreationDate: new Date('2026-11-28T18:00:00Z'),
                },
                {
                  RecoveryPointArn: 'rp-copy',
                  Status: 'COMPLETED',
                  BackupVaultName: 'other-vault',
                  CreationDate: new Date('2026-11-28T19:00:00Z'),
                },
                {
                  RecoveryPointArn: 'rp-new',
                  Status: 'COMPLETED',
                  BackupVaultName: 'desk-vault',
                  CreationDate: new Date('2026-11-27T18:00:00Z'),
                },
              ],
            };
          case 'GetRecoveryPointRestoreMetadataCommand':
            return { RestoreMetadata: { originalTableName: 'live', targetTableName: 'live' } };
          case 'StartRestoreJobCommand': {
            // AWS Backup makes the table; here DynamoDB Local does.
            const target = (command.input.Metadata as Record<string, string>).targetTableName as string;
            await dynamo.send(new CreateTableCommand(createTableInput(target)));
            return { RestoreJobId: 'job-1' };
          }
          case 'DescribeRestoreJobCommand':
            polls += 1;
            return { Status: polls < 3 ? 'RUNNING' : 'COMPLETED' };
          default:
            throw new Error(`unexpected ${name}`);
        }
      },
    } as unknown as BackupClient;
    const target = `${liveTable}-aws`;
    const restorer = new AwsBackupRestorer(
      backup,
      dynamo,
      {
        vaultName: 'desk-vault',
        restoreRoleArn: 'arn:aws:iam::111122223333:role/restore',
        tableArn: 'arn:table',
      },
      1,
    );
    const point = await restorer.restoreLatest(liveTable, target);
    expect(point).toEqual({ id: 'rp-new', createdAt: '2026-11-27T18:00:00.000Z' });
    expect(sent.map((call) => call.name)).toEqual([
      'ListRecoveryPointsByResourceCommand',
      'GetRecoveryPointRestoreMetadataCommand',
      'StartRestoreJobCommand',
      'DescribeRestoreJobCommand',
      'DescribeRestoreJobCommand',
      'DescribeRestoreJobCommand',
    ]);
    expect(sent[0]?.input).toEqual({ ResourceArn: 'arn:table', NextToken: undefined });
    expect(sent[1]?.input).toEqual({ BackupVaultName: 'desk-vault', RecoveryPointArn: 'rp-new' });
    expect(sent[2]?.input).toEqual({
      RecoveryPointArn: 'rp-new',
      IamRoleArn: 'arn:aws:iam::111122223333:role/restore',
      ResourceType: 'DynamoDB',
      Metadata: { originalTableName: 'live', targetTableName: target },
    });
    expect(await tables()).toContain(target);
  });
});
