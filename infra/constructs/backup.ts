/**
 * Backups the desk can prove: AWS Backup takes the table daily (kept 35 days) and monthly (kept a
 * year) into a vault of its own. The vault is locked, so nobody (administrators included) can delete
 * a recovery point before its time; in compliance mode not even the lock can be removed once its
 * grace period ends. Optionally every recovery point is also copied to a vault in another account or
 * region. Point-in-time recovery stays on for the last 35 days at one-second precision.
 */
import { Duration, RemovalPolicy, TimeZone, Validations } from 'aws-cdk-lib';
import {
  BackupPlan,
  BackupPlanRule,
  BackupResource,
  BackupVault,
  type IBackupVault,
} from 'aws-cdk-lib/aws-backup';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { ManagedPolicy, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import type { BackupLockMode } from '../config.ts';

/** How long each kind of recovery point is kept, and so the bounds of the vault's lock. */
export const backupRetention = { dailyDays: 35, monthlyDays: 365 } as const;
/** Compliance mode's cooling-off: until then the lock can still be removed, after that never. */
export const complianceGraceDays = 3;

export interface TableBackupProps {
  stage: string;
  table: ITableV2;
  /** Backups run at night in the desk's own time zone. */
  timeZone: string;
  lockMode: BackupLockMode;
  /** A vault in another account or region that receives a copy of every recovery point. */
  copyVaultArn?: string;
}

export class TableBackup extends Construct {
  readonly vault: BackupVault;
  readonly plan: BackupPlan;
  /** The role AWS Backup backs up and restores with (the restore drill passes it to StartRestoreJob). */
  readonly role: Role;

  constructor(scope: Construct, id: string, props: TableBackupProps) {
    super(scope, id);

    const key = new Key(this, 'VaultKey', {
      description: `Encrypts the corrections desk's recovery points (${props.stage})`,
      enableKeyRotation: true,
      // The recovery points outlive the stack (they are locked), and so must the key that opens them.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.vault = new BackupVault(this, 'Vault', {
      backupVaultName: `corrections-desk-${props.stage}`,
      encryptionKey: key,
      removalPolicy: RemovalPolicy.RETAIN,
      // Denies DeleteRecoveryPoint and lifecycle changes to everyone, on top of the lock.
      blockRecoveryPointDeletion: true,
      lockConfiguration: {
        minRetention: Duration.days(backupRetention.dailyDays),
        maxRetention: Duration.days(backupRetention.monthlyDays),
        ...(props.lockMode === 'compliance' ? { changeableFor: Duration.days(complianceGraceDays) } : {}),
      },
    });

    const copyVault: IBackupVault | undefined = props.copyVaultArn
      ? BackupVault.fromBackupVaultArn(this, 'CopyVault', props.copyVaultArn)
      : undefined;
    const timeZone = TimeZone.of(props.timeZone);
    const rule = (ruleName: string, schedule: Schedule, keepDays: number) =>
      new BackupPlanRule({
        ruleName,
        backupVault: this.vault,
        scheduleExpression: schedule,
        scheduleExpressionTimezone: timeZone,
        startWindow: Duration.hours(1),
        completionWindow: Duration.hours(8),
        deleteAfter: Duration.days(keepDays),
        ...(copyVault
          ? { copyActions: [{ destinationBackupVault: copyVault, deleteAfter: Duration.days(keepDays) }] }
          : {}),
      });
    this.plan = new BackupPlan(this, 'Plan', {
      backupPlanName: `corrections-desk-${props.stage}`,
      backupVault: this.vault,
      backupPlanRules: [
        rule('Daily', Schedule.cron({ minute: '0', hour: '3' }), backupRetention.dailyDays),
        rule('Monthly', Schedule.cron({ minute: '0', hour: '4', day: '1' }), backupRetention.monthlyDays),
      ],
    });

    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('backup.amazonaws.com'),
      description: 'AWS Backup backs up and restores the corrections desk table',
      managedPolicies: [
        ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSBackupServiceRolePolicyForBackup'),
        ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSBackupServiceRolePolicyForRestores'),
      ],
    });
    for (const policy of ['AWSBackupServiceRolePolicyForBackup', 'AWSBackupServiceRolePolicyForRestores']) {
      Validations.of(this.role).acknowledge({
        id: `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/${policy}]`,
        reason:
          'AWS Backup’s own service-role policy, maintained by AWS as the service changes what a DynamoDB ' +
          'backup, copy or restore needs; only backup.amazonaws.com can assume this role.',
      });
    }
    this.plan.addSelection('Table', {
      resources: [BackupResource.fromArn(props.table.tableArn)],
      role: this.role,
    });
    // The vault's key, action by action (the CDK's grantEncryptDecrypt would use wildcards).
    key.grant(
      this.role,
      'kms:Encrypt',
      'kms:Decrypt',
      'kms:GenerateDataKey',
      'kms:GenerateDataKeyWithoutPlaintext',
      'kms:ReEncryptFrom',
      'kms:ReEncryptTo',
      'kms:DescribeKey',
    );
  }
}
