/**
 * Issue 14's operational settings, synthesized with every ops option set away from its default:
 * logging, backups, editors' mail. (The default-context checks live in stack.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { functionDefinitions } from '../../shared/resources/functions.ts';
import { type Json, productionContext, refersTo, resourceAt, synthesize } from './synth.ts';

const copyVaultArn = 'arn:aws:backup:eu-west-1:222233334444:backup-vault:desk-copies';
const operated = synthesize({
  ...productionContext,
  logLevel: 'debug',
  systemLogLevel: 'INFO',
  logRetentionDays: '365',
  backupLockMode: 'compliance',
  backupCopyVaultArn: copyVaultArn,
});
/** The production stage as tests/infra/stack.test.ts sees it: every ops option at its default. */
const standard = synthesize();

describe('logging from configuration', () => {
  it.each(Object.values(functionDefinitions).map((definition) => definition.id))(
    '%s logs JSON at the configured levels, kept as long as configured',
    (functionId) => {
      const [, fn] = resourceAt(operated, `${functionId}/Function`);
      const [, logGroup] = resourceAt(operated, `${functionId}/Logs`);
      expect(fn.Properties.LoggingConfig).toMatchObject({
        LogFormat: 'JSON',
        ApplicationLogLevel: 'DEBUG',
        SystemLogLevel: 'INFO',
      });
      expect(fn.Properties.Environment.Variables.POWERTOOLS_LOG_LEVEL).toBe('DEBUG');
      expect(logGroup.Properties.RetentionInDays).toBe(365);
    },
  );

  it('keeps the API access logs as long as the functions’ logs', () => {
    const [, accessLogs] = resourceAt(operated, 'Api/AccessLogs');
    expect(accessLogs.Properties.RetentionInDays).toBe(365);
  });
});

describe('backups', () => {
  const only = (synthesized: typeof standard, type: string): Json => {
    const found = Object.values(synthesized.template.findResources(type));
    expect(found).toHaveLength(1);
    return found[0];
  };

  it('keep the table daily for 35 days and monthly for a year, at night in the desk’s time zone', () => {
    const plan = only(standard, 'AWS::Backup::BackupPlan').Properties.BackupPlan;
    const [vaultId] = resourceAt(standard, 'Backup/Vault');
    expect(plan.BackupPlanRule).toEqual([
      expect.objectContaining({
        RuleName: 'Daily',
        ScheduleExpression: 'cron(0 3 * * ? *)',
        ScheduleExpressionTimezone: 'Europe/Berlin',
        Lifecycle: { DeleteAfterDays: 35 },
        TargetBackupVault: { 'Fn::GetAtt': [vaultId, 'BackupVaultName'] },
      }),
      expect.objectContaining({
        RuleName: 'Monthly',
        ScheduleExpression: 'cron(0 4 1 * ? *)',
        Lifecycle: { DeleteAfterDays: 365 },
      }),
    ]);
    for (const rule of plan.BackupPlanRule) expect(rule).not.toHaveProperty('CopyActions');
    const selection = only(standard, 'AWS::Backup::BackupSelection').Properties.BackupSelection;
    const [tableId] = resourceAt(standard, 'Data/Table');
    const [roleId] = resourceAt(standard, 'Backup/Role');
    expect(selection.Resources).toEqual([{ 'Fn::GetAtt': [tableId, 'Arn'] }]);
    expect(selection.IamRoleArn).toEqual({ 'Fn::GetAtt': [roleId, 'Arn'] });
  });

  it('go into a retained, encrypted vault whose recovery points nobody can delete early (governance lock)', () => {
    const [, vault] = resourceAt(standard, 'Backup/Vault');
    const [keyId, key] = resourceAt(standard, 'Backup/VaultKey');
    expect(vault.DeletionPolicy).toBe('Retain');
    expect(key.DeletionPolicy).toBe('Retain');
    expect(key.Properties.EnableKeyRotation).toBe(true);
    expect(vault.Properties).toMatchObject({
      BackupVaultName: 'corrections-desk-prod',
      EncryptionKeyArn: { 'Fn::GetAtt': [keyId, 'Arn'] },
      LockConfiguration: { MinRetentionDays: 35, MaxRetentionDays: 365 },
    });
    expect(vault.Properties.LockConfiguration).not.toHaveProperty('ChangeableForDays');
    expect(vault.Properties.AccessPolicy.Statement).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: expect.arrayContaining(['backup:DeleteRecoveryPoint']),
      }),
    );
  });

  it('lock in compliance mode after a grace period, and copy every recovery point, when configured', () => {
    const [, vault] = resourceAt(operated, 'Backup/Vault');
    expect(vault.Properties.LockConfiguration).toEqual({
      MinRetentionDays: 35,
      MaxRetentionDays: 365,
      ChangeableForDays: 3,
    });
    const plan = only(operated, 'AWS::Backup::BackupPlan').Properties.BackupPlan;
    expect(plan.BackupPlanRule.map((rule: Json) => rule.CopyActions)).toEqual([
      [{ DestinationBackupVaultArn: copyVaultArn, Lifecycle: { DeleteAfterDays: 35 } }],
      [{ DestinationBackupVaultArn: copyVaultArn, Lifecycle: { DeleteAfterDays: 365 } }],
    ]);
  });

  it('alarm the editors on a failed backup, copy or restore job into the vault', () => {
    const [vaultId] = resourceAt(standard, 'Backup/Vault');
    const [alertsId] = resourceAt(standard, 'Messaging/EditorAlerts');
    const alarms = Object.values(standard.template.findResources('AWS::CloudWatch::Alarm')) as Json[];
    for (const metricName of [
      'NumberOfBackupJobsFailed',
      'NumberOfCopyJobsFailed',
      'NumberOfRestoreJobsFailed',
    ]) {
      const alarm = alarms.find((candidate) => candidate.Properties.MetricName === metricName);
      expect(alarm?.Properties).toMatchObject({
        Namespace: 'AWS/Backup',
        Statistic: 'Sum',
        Threshold: 1,
        AlarmActions: [{ Ref: alertsId }],
      });
      expect(refersTo(alarm?.Properties.Dimensions, vaultId)).toBe(true);
    }
  });

  it('tell the restore drill the vault and the role it restores with', () => {
    const outputs = standard.template.toJSON().Outputs;
    const [vaultId] = resourceAt(standard, 'Backup/Vault');
    const [roleId] = resourceAt(standard, 'Backup/Role');
    expect(refersTo(outputs.BackupVaultName.Value, vaultId)).toBe(true);
    expect(outputs.BackupRestoreRoleArn.Value).toEqual({ 'Fn::GetAtt': [roleId, 'Arn'] });
  });
});
