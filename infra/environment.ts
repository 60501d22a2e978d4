/**
 * The environment every deployed function gets: each variable of shared/runtime/config.ts that
 * applies when deployed (not the local-only LINK_SECRET and OUTBOX_FILE), plus Powertools' own.
 */
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { QueueKey, TopicKey } from '../shared/resources/messaging.ts';
import { env } from '../shared/runtime/config.ts';
import { serviceName } from '../shared/runtime/observability.ts';
import type { DeskConfig } from './config.ts';

export interface DeployedResources {
  table: ITableV2;
  topics: Record<TopicKey, ITopic>;
  queues: Record<QueueKey, IQueue>;
  linkSecret: ISecret;
  webhookSecretsKey: ISecret;
  sesConfigurationSet: string;
  publicBaseUrl: string;
  /** The header value the edge adds to every request (a CloudFormation dynamic reference). */
  originSecret: string;
  /** The console signs editors in through Cognito's hosted UI with this app client. */
  signIn: { domainUrl: string; clientId: string };
}

export function functionEnvironment(
  config: DeskConfig,
  resources: DeployedResources,
): Record<string, string> {
  const topicKeys = Object.keys(resources.topics) as TopicKey[];
  const queueKeys = Object.keys(resources.queues) as QueueKey[];
  const optional = (name: string, value: number | undefined) =>
    value === undefined ? {} : { [name]: String(value) };
  return {
    [env.stage]: config.stage,
    [env.tableName]: resources.table.tableName,
    ...Object.fromEntries(topicKeys.map((key) => [env[`${key}TopicArn`], resources.topics[key].topicArn])),
    ...Object.fromEntries(queueKeys.map((key) => [env[`${key}QueueUrl`], resources.queues[key].queueUrl])),
    [env.publicBaseUrl]: resources.publicBaseUrl,
    [env.originSecret]: resources.originSecret,
    [env.publisherNameZh]: config.publisherName.zh,
    [env.publisherNameEn]: config.publisherName.en,
    ...(config.smsSenderId ? { [env.smsSenderId]: config.smsSenderId } : {}),
    [env.linkSecretArn]: resources.linkSecret.secretArn,
    [env.webhookSecretsKeyArn]: resources.webhookSecretsKey.secretArn,
    [env.emailTransport]: 'ses',
    [env.smsTransport]: 'sns',
    [env.sesFromAddress]: config.sesFromAddress,
    [env.sesConfigurationSet]: resources.sesConfigurationSet,
    [env.timeZone]: config.timeZone,
    [env.alertLanguage]: config.alertLanguage,
    [env.smsCountries]: config.smsCountries.join(','),
    [env.reporterContactDays]: String(config.reporterContactDays),
    [env.deliveryRecordDays]: String(config.deliveryRecordDays),
    [env.consoleSignIn]: 'cognito',
    [env.cognitoDomainUrl]: resources.signIn.domainUrl,
    [env.cognitoClientId]: resources.signIn.clientId,
    ...optional(env.clientRequestsPerMinute, config.clientRequestsPerMinute),
    ...optional(env.subscriptionRequestsPerAddressPerHour, config.subscriptionRequestsPerAddressPerHour),
    ...optional(env.emailConfirmationsPerHour, config.emailConfirmationsPerHour),
    ...optional(env.smsConfirmationsPerHour, config.smsConfirmationsPerHour),
    ...optional(env.smsRequestsPerPrefixPerHour, config.smsRequestsPerPrefixPerHour),
    ...optional(env.emailSendsPerSecond, config.emailSendsPerSecond),
    ...optional(env.smsSendsPerSecond, config.smsSendsPerSecond),
    POWERTOOLS_SERVICE_NAME: serviceName,
    POWERTOOLS_LOG_LEVEL: config.logLevel,
  };
}
