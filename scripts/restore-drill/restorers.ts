/**
 * The two ways the drill gets its copy. Deployed: AWS Backup restores the newest completed recovery
 * point in the stage's vault (StartRestoreJob), exactly what an operator would do after a loss.
 * Locally, where there is no AWS Backup: the live table is copied item by item into the new table, a
 * recovery point taken now.
 */
import {
  type BackupClient,
  DescribeRestoreJobCommand,
  GetRecoveryPointRestoreMetadataCommand,
  ListRecoveryPointsByResourceCommand,
  type RecoveryPointByResource,
  StartRestoreJobCommand,
} from '@aws-sdk/client-backup';
import {
  type AttributeValue,
  BatchWriteItemCommand,
  CreateTableCommand,
  type DynamoDBClient,
  ScanCommand,
  type WriteRequest,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { createTableInput } from '../../shared/resources/table.ts';
import type { RecoveryPoint, Restorer } from './drill.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface BackupTarget {
  /** The stage's vault (stack output BackupVaultName): copies in other vaults are not this stage's. */
  vaultName: string;
  /** The role AWS Backup restores with (stack output BackupRestoreRoleArn). */
  restoreRoleArn: string;
  /** The live table's ARN, the resource the recovery points belong to. */
  tableArn: string;
}

export class AwsBackupRestorer implements Restorer {
  readonly method = 'AWS Backup StartRestoreJob';

  constructor(
    private readonly backup: BackupClient,
    private readonly dynamo: DynamoDBClient,
    private readonly target: BackupTarget,
    private readonly pollMs = 15_000,
    private readonly timeoutMs = 4 * 60 * 60 * 1000,
  ) {}

  async restoreLatest(_liveTable: string, targetTable: string): Promise<RecoveryPoint> {
    const latest = await this.latestRecoveryPoint();
    const arn = latest.RecoveryPointArn as string;
    const { RestoreMetadata } = await this.backup.send(
      new GetRecoveryPointRestoreMetadataCommand({
        BackupVaultName: this.target.vaultName,
        RecoveryPointArn: arn,
      }),
    );
    const { RestoreJobId } = await this.backup.send(
      new StartRestoreJobCommand({
        RecoveryPointArn: arn,
        IamRoleArn: this.target.restoreRoleArn,
        ResourceType: 'DynamoDB',
        // What the recovery point says about itself, with the new table's name: never the live one.
        Metadata: { ...RestoreMetadata, targetTableName: targetTable },
      }),
    );
    if (!RestoreJobId) throw new Error('AWS Backup started no restore job');
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      const job = await this.backup.send(new DescribeRestoreJobCommand({ RestoreJobId }));
      if (job.Status === 'COMPLETED') break;
      if (job.Status === 'FAILED' || job.Status === 'ABORTED') {
        throw new Error(
          `Restore job ${RestoreJobId} ${job.Status}: ${job.StatusMessage ?? 'no reason given'}`,
        );
      }
      if (Date.now() > deadline)
        throw new Error(`Restore job ${RestoreJobId} still ${job.Status} at the deadline`);
      await sleep(this.pollMs);
    }
    await waitUntilTableExists(
      { client: this.dynamo, maxWaitTime: 600, minDelay: 1, maxDelay: 20 },
      { TableName: targetTable },
    );
    return { id: arn, createdAt: latest.CreationDate?.toISOString() ?? 'unknown' };
  }

  private async latestRecoveryPoint(): Promise<RecoveryPointByResource> {
    const points: RecoveryPointByResource[] = [];
    let NextToken: string | undefined;
    do {
      const page = await this.backup.send(
        new ListRecoveryPointsByResourceCommand({ ResourceArn: this.target.tableArn, NextToken }),
      );
      points.push(...(page.RecoveryPoints ?? []));
      NextToken = page.NextToken;
    } while (NextToken);
    const latest = points
      .filter((point) => point.Status === 'COMPLETED' && point.BackupVaultName === this.target.vaultName)
      .sort((a, b) => (b.CreationDate?.getTime() ?? 0) - (a.CreationDate?.getTime() ?? 0))[0];
    if (!latest?.RecoveryPointArn) {
      throw new Error(
        `No completed recovery point of ${this.target.tableArn} in vault ${this.target.vaultName}`,
      );
    }
    return latest;
  }
}

/** DynamoDB Local has no backups: the "recovery point" is the live table as it is now, copied. */
export class TableCopyRestorer implements Restorer {
  readonly method = 'table copy (DynamoDB Local: no AWS Backup)';

  constructor(
    private readonly dynamo: DynamoDBClient,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async restoreLatest(liveTable: string, targetTable: string): Promise<RecoveryPoint> {
    const createdAt = this.now().toISOString();
    // A restored table has the keys and indexes but no stream: copy that too.
    const { StreamSpecification: _noStream, ...input } = createTableInput(targetTable);
    await this.dynamo.send(new CreateTableCommand(input));
    await waitUntilTableExists(
      { client: this.dynamo, maxWaitTime: 60, minDelay: 1, maxDelay: 2 },
      { TableName: targetTable },
    );
    let start: Record<string, AttributeValue> | undefined;
    do {
      const page = await this.dynamo.send(
        new ScanCommand({ TableName: liveTable, ExclusiveStartKey: start }),
      );
      const items = page.Items ?? [];
      for (let i = 0; i < items.length; i += 25) {
        await this.write(
          targetTable,
          items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
        );
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return { id: `copy of ${liveTable} at ${createdAt}`, createdAt };
  }

  private async write(table: string, requests: WriteRequest[]): Promise<void> {
    let pending = requests;
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt > 0) await sleep(Math.min(1000, 50 * 2 ** attempt));
      const result = await this.dynamo.send(
        new BatchWriteItemCommand({ RequestItems: { [table]: pending } }),
      );
      pending = result.UnprocessedItems?.[table] ?? [];
    }
  }
}
