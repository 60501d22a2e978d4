/**
 * The whole corrections desk in one stack, built from the shared definitions of the table, topics,
 * queues and functions. Environment-agnostic: it synthesizes without an account or a network.
 */
import { CfnOutput, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import {
  type FunctionDefinition,
  type FunctionKey,
  functionDefinitions,
} from '../shared/resources/functions.ts';
import { type QueueKey, queues as queueDefinitions } from '../shared/resources/messaging.ts';
import { defaultSendsPerSecond } from '../shared/runtime/config.ts';
import { grantFunctionAccess } from './access.ts';
import type { DeskConfig } from './config.ts';
import { Alarms } from './constructs/alarms.ts';
import { TableBackup } from './constructs/backup.ts';
import { DeskDashboard } from './constructs/dashboard.ts';
import { DeskApi } from './constructs/desk-api.ts';
import { DeskFunction, secretsExtension } from './constructs/desk-function.ts';
import { DeskEdge } from './constructs/edge.ts';
import { EditorSignIn } from './constructs/editor-sign-in.ts';
import { EmailSending } from './constructs/email.ts';
import { EventTriggers } from './constructs/event-triggers.ts';
import { Messaging } from './constructs/messaging.ts';
import { DeskTable } from './constructs/table.ts';
import { functionEnvironment } from './environment.ts';
import { mapRecord } from './records.ts';

/**
 * How long a queue's oldest message may wait before it alarms (minutes; 15 unless said here). Sends
 * are paced to the provider's rate, so a large audience waits its turn; webhook retries back off for
 * up to a day on purpose.
 */
const oldestMessageMinutes: Partial<Record<QueueKey, number>> = {
  emailSend: 120,
  smsSend: 120,
  webhookCalls: 24 * 60,
};

export interface CorrectionsDeskStackProps extends StackProps {
  config: DeskConfig;
  /** The repository root, where the function entries and package-lock.json are. */
  sourceRoot: string;
}

export class CorrectionsDeskStack extends Stack {
  constructor(scope: Construct, id: string, props: CorrectionsDeskStackProps) {
    super(scope, id, props);
    const { config } = props;
    // readConfig accepts only the periods CloudWatch Logs offers, which are RetentionDays' values.
    const logRetention = config.logRetentionDays as RetentionDays;
    const definitions: Record<FunctionKey, FunctionDefinition> = functionDefinitions;

    const { table } = new DeskTable(this, 'Data', { adopted: config.adoptedTable });
    const backup = new TableBackup(this, 'Backup', {
      stage: config.stage,
      table,
      timeZone: config.timeZone,
      lockMode: config.backupLockMode,
      copyVaultArn: config.backupCopyVaultArn,
    });
    const messaging = new Messaging(this, 'Messaging', {
      stage: config.stage,
      alertEmails: config.alertEmails,
    });
    const email = new EmailSending(this, 'Email', {
      stage: config.stage,
      identity: config.sesIdentity,
      fromAddress: config.sesFromAddress,
      events: messaging.topics.emailEvents,
    });

    const linkSecret = new Secret(this, 'LinkSecret', {
      description: 'Signs the links in messages (confirm, unsubscribe) and the paging cursors',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      // Rotating or losing it breaks every link already sent: it outlives the stack.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(linkSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'An HMAC key, not a credential: rotation would invalidate every confirmation and unsubscribe ' +
        'link already in people’s mailboxes. Rotate by hand (docs/deploy.md) if it is ever exposed.',
    });

    const webhookSecretsKey = new Secret(this, 'WebhookSecretsKey', {
      description: 'Encrypts the webhooks’ signing secrets stored in the table (AES-256-GCM)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      // Losing it makes every stored webhook secret unreadable: it outlives the stack.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(webhookSecretsKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'A data key: rotating it would need every stored webhook secret re-sealed. Receivers rotate ' +
        'their own signing secrets by adding a new webhook and removing the old one.',
    });

    const api = new DeskApi(this, 'Api', {
      stage: config.stage,
      corsOrigin: config.consoleOrigin,
      throttle: { rateLimit: config.apiRateLimit, burstLimit: config.apiBurstLimit },
      formThrottle: { rateLimit: config.edge.formRateLimit, burstLimit: config.edge.formBurstLimit },
      logRetention,
    });
    const edge = new DeskEdge(this, 'Edge', { stage: config.stage, httpApi: api.httpApi, edge: config.edge });
    const publicBaseUrl = config.publicBaseUrl ?? edge.url;
    const signIn = new EditorSignIn(this, 'EditorSignIn', {
      stage: config.stage,
      consoleUrl: `${publicBaseUrl}/console`,
      ...(config.editorMail
        ? {
            mail: {
              ...config.editorMail,
              configurationSet: email.configurationSet.configurationSetName,
            },
          }
        : {}),
      ...(config.signInDomain ? { customDomain: config.signInDomain } : {}),
    });

    const environment = functionEnvironment(config, {
      table,
      topics: messaging.topics,
      queues: messaging.queues,
      linkSecret,
      webhookSecretsKey,
      sesConfigurationSet: email.configurationSet.configurationSetName,
      publicBaseUrl,
      originSecret: edge.originSecret.secretValue.unsafeUnwrap(),
      signIn: { domainUrl: signIn.domain.baseUrl(), clientId: signIn.consoleClient.userPoolClientId },
    });
    const secretsLayer = secretsExtension(config.secretsExtensionLayerArn);
    const functions = mapRecord(
      definitions,
      (definition) =>
        new DeskFunction(this, definition.id, {
          definition,
          sourceRoot: props.sourceRoot,
          environment,
          logRetention,
          logLevels: { application: config.logLevel, system: config.systemLogLevel },
          secretsExtension: secretsLayer,
        }),
    );
    const keys = Object.keys(definitions) as FunctionKey[];
    const { topics, topicKey, queues, deadLetterQueues: parked } = messaging;
    for (const key of keys) {
      grantFunctionAccess(key, functions[key].role, {
        table,
        topics,
        topicKey,
        queues,
        deadLetterQueues: parked,
        linkSecret,
        webhookSecretsKey,
        email,
      });
    }

    const lambdas = mapRecord(functions, (deskFunction) => deskFunction.function);
    const authorizer = new HttpJwtAuthorizer(
      'EditorJwt',
      `https://cognito-idp.${this.region}.${this.urlSuffix}/${signIn.userPool.userPoolId}`,
      { jwtAudience: [signIn.consoleClient.userPoolClientId] },
    );
    for (const key of keys) {
      const { trigger, id: functionId } = definitions[key];
      if (trigger.kind === 'http') api.addRoutes(functionId, lambdas[key], trigger.routes, authorizer);
    }
    const triggers = new EventTriggers(this, 'Triggers', {
      definitions,
      functions: lambdas,
      table,
      queues: messaging.queues,
      timeZone: config.timeZone,
      sendsPerSecond: {
        email: config.emailSendsPerSecond ?? defaultSendsPerSecond.email,
        sms: config.smsSendsPerSecond ?? defaultSendsPerSecond.sms,
      },
    });

    const deadLetterQueues = [...Object.values(messaging.deadLetterQueues), ...triggers.failureQueues];
    const byName = (selected: FunctionKey[]) =>
      Object.fromEntries(selected.map((key) => [definitions[key].id, lambdas[key]]));
    const { alarms } = new Alarms(this, 'Alarms', {
      topic: messaging.topics.editorAlerts,
      deadLetterQueues,
      functions: byName(keys),
      streamConsumers: byName(keys.filter((key) => definitions[key].trigger.kind === 'stream')),
      api: api.httpApi,
      backupVaultName: backup.vault.backupVaultName,
      smsSpendLimitUsd: config.smsSpendLimitUsd,
      queues: Object.fromEntries(
        Object.entries(messaging.queues).map(([key, queue]) => [
          queueDefinitions[key as QueueKey].id,
          { queue, oldestMessageMinutes: oldestMessageMinutes[key as QueueKey] ?? 15 },
        ]),
      ),
    });
    new DeskDashboard(this, 'Dashboard', { stage: config.stage, alarms });

    const output = (id: string, value: string, description: string) =>
      new CfnOutput(this, id, { value, description });
    output('PublicBaseUrl', publicBaseUrl, 'Base of every public link; the console is at /console');
    output('ApiUrl', api.url, 'The HTTP API’s own endpoint: it answers only requests through the edge');
    output('EdgeUrl', edge.url, 'The CloudFront distribution: point the public domain here');
    output('DistributionDomainName', edge.distribution.distributionDomainName, 'CNAME target of edgeDomain');
    output('UserPoolId', signIn.userPool.userPoolId, 'Editors sign in here (docs/deploy.md: first editor)');
    output('ConsoleClientId', signIn.consoleClient.userPoolClientId, 'The console’s app client');
    output('SignInDomain', signIn.domain.baseUrl(), 'Cognito hosted UI');
    if (config.signInDomain) {
      output(
        'SignInDomainTarget',
        signIn.domain.cloudFrontEndpoint,
        `Point ${config.signInDomain.name} at this (an alias or CNAME record) in DNS`,
      );
    }
    output('TableName', table.tableName, 'The desk’s table (point-in-time recovery on)');
    output(
      'BackupVaultName',
      backup.vault.backupVaultName,
      'Locked vault of the table’s daily and monthly backups',
    );
    output(
      'BackupRestoreRoleArn',
      backup.role.roleArn,
      'The role AWS Backup restores with (npm run restore-drill)',
    );
    output(
      'EditorAlertsTopicArn',
      messaging.topics.editorAlerts.topicArn,
      'Alarms, escalations and the digest',
    );
    for (const queue of deadLetterQueues) {
      output(`${queue.node.id}QueueUrl`, queue.queueUrl, 'Failed messages: inspect, then redrive');
    }
    email.identity?.dkimRecords.forEach((record, index) => {
      output(
        `DkimRecord${index + 1}`,
        `${record.name} CNAME ${record.value}`,
        'Publish in DNS to verify SES',
      );
    });
  }
}
