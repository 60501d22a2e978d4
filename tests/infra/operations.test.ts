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
  editorMailFrom: 'editors@news.example.org',
  editorMailFromName: 'News desk',
  smsSpendLimitUsd: '500',
});
/** The production stage as tests/infra/stack.test.ts sees it: every ops option at its default. */
const standard = synthesize();
/** The dev stage with no settings: what `npm run synth` builds. */
const bare = synthesize({});

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

describe('editors’ sign-in mail and domain', () => {
  const userPool = (synthesized: typeof standard) => resourceAt(synthesized, 'EditorSignIn/UserPool')[1];
  const domain = (synthesized: typeof standard) => resourceAt(synthesized, 'EditorSignIn/UserPool/Domain')[1];

  it('sends invitations and codes through the desk’s SES identity and configuration set, from its own address', () => {
    const mail = userPool(standard).Properties.EmailConfiguration;
    expect(mail).toMatchObject({
      EmailSendingAccount: 'DEVELOPER',
      // The display name is Chinese, so RFC 2047-encoded.
      From: `=?UTF-8?B?${Buffer.from('更正工作台 Corrections desk').toString('base64')}?= <sign-in@news.example.org>`,
    });
    const [configurationSetId] = resourceAt(standard, 'Email/ConfigurationSet');
    expect(mail.ConfigurationSet).toEqual({ Ref: configurationSetId });
    expect(JSON.stringify(mail.SourceArn)).toContain(':identity/news.example.org');
    const operatedMail = userPool(operated).Properties.EmailConfiguration;
    expect(operatedMail.From).toBe('News desk <editors@news.example.org>');
  });

  it('invites and verifies in Chinese and English, with the user name, the code and the console link', () => {
    const { AdminCreateUserConfig, VerificationMessageTemplate } = userPool(standard).Properties;
    const invitation = AdminCreateUserConfig.InviteMessageTemplate;
    expect(invitation.EmailSubject).toMatch(/更正工作台.*Corrections desk/);
    for (const part of ['{username}', '{####}', '临时密码', 'Temporary password']) {
      expect(invitation.EmailMessage).toContain(part);
    }
    expect(invitation.EmailMessage).toContain('https://corrections.news.example.org/console');
    expect(VerificationMessageTemplate).toMatchObject({ DefaultEmailOption: 'CONFIRM_WITH_CODE' });
    expect(VerificationMessageTemplate.EmailMessage).toMatch(
      /验证码是 \{####\}[\s\S]*verification code is \{####\}/,
    );
  });

  it('serves the hosted UI on the stage’s own domain with its us-east-1 certificate, and says where DNS points', () => {
    expect(domain(standard).Properties).toMatchObject({
      Domain: 'sign-in.news.example.org',
      CustomDomainConfig: { CertificateArn: expect.stringMatching(/^arn:aws:acm:us-east-1:/) },
    });
    expect(standard.template.toJSON().Outputs.SignInDomainTarget).toBeDefined();
  });

  it('keeps Cognito’s own sender and domain prefix on a bare dev stage', () => {
    expect(userPool(bare).Properties.EmailConfiguration ?? {}).not.toHaveProperty('SourceArn');
    expect(domain(bare).Properties.Domain).toEqual(expect.anything());
    expect(domain(bare).Properties).not.toHaveProperty('CustomDomainConfig');
    expect(bare.template.toJSON().Outputs).not.toHaveProperty('SignInDomainTarget');
  });
});

describe('the SMS spend limit', () => {
  const spendAlarms = (synthesized: typeof standard) =>
    (Object.values(synthesized.template.findResources('AWS::CloudWatch::Alarm')) as Json[]).filter(
      (alarm) => alarm.Properties.MetricName === 'SMSMonthToDateSpentUSD',
    );

  it('alarms the editors at 80% of the limit the stage states', () => {
    const [alarm] = spendAlarms(operated);
    const [alertsId] = resourceAt(operated, 'Messaging/EditorAlerts');
    expect(alarm?.Properties).toMatchObject({
      Namespace: 'AWS/SNS',
      Statistic: 'Maximum',
      Threshold: 400,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [{ Ref: alertsId }],
    });
  });

  it('has no spend alarm when the stage states no limit', () => {
    expect(spendAlarms(standard)).toEqual([]);
  });
});
