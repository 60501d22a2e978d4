/**
 * What the functions see in process.env when they run in the local stack: the same variables the CDK
 * stack sets (shared/runtime/config.ts), pointed at the local engines, plus what the AWS SDK and
 * Powertools read. Handlers read their configuration when they are imported, so the stack applies
 * this before it imports them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { QueueKey, TopicKey } from '../shared/resources/messaging.ts';
import { env } from '../shared/runtime/config.ts';
import { newKeyring, serializeKeyring } from '../shared/security/keyring.ts';
import { localCredentials, localRegion } from './engines.ts';

/** A variable's value, or undefined to remove it. */
export type Variables = Record<string, string | undefined>;

export interface LocalEnvironmentInput {
  tableName: string;
  topicArns: Record<TopicKey, string>;
  queueUrls: Record<QueueKey, string>;
  publicBaseUrl: string;
  linkSecret: string;
  outboxFile: string;
  dynamoDbEndpoint: string;
  messagingEndpoint: string;
  /** Email to this SMTP server (smtp://host:port) instead of the outbox. */
  smtpUrl?: string;
}

export function localEnvironment(
  input: LocalEnvironmentInput,
  shell: NodeJS.ProcessEnv = process.env,
): Variables {
  // Spelled out per config variable, so a variable added to the config does not compile until the
  // local stack decides what it is here. Tunables keep the developer's value (else the config default).
  const config: Record<keyof typeof env, string | undefined> = {
    stage: 'local',
    tableName: input.tableName,
    correctionEventsTopicArn: input.topicArns.correctionEvents,
    editorAlertsTopicArn: input.topicArns.editorAlerts,
    deliveryPlanQueueUrl: input.queueUrls.deliveryPlan,
    emailSendQueueUrl: input.queueUrls.emailSend,
    smsSendQueueUrl: input.queueUrls.smsSend,
    webhookCallsQueueUrl: input.queueUrls.webhookCalls,
    emailEventsTopicArn: input.topicArns.emailEvents,
    emailEventsQueueUrl: input.queueUrls.emailEvents,
    publicBaseUrl: input.publicBaseUrl,
    // The demo data is a city fire and rescue bureau's: the pages name it unless the shell names another.
    publisherNameZh: shell[env.publisherNameZh] ?? '示例市消防救援支队',
    publisherNameEn: shell[env.publisherNameEn] ?? 'Example City Fire and Rescue',
    smsSenderId: shell[env.smsSenderId],
    // Locally the secret itself is given; an ARN left in the shell would send the code to AWS.
    linkSecretArn: undefined,
    linkSecret: input.linkSecret,
    // No edge here: the gateway is reached directly.
    originSecret: undefined,
    emailTransport: input.smtpUrl ? 'smtp' : 'outbox',
    smtpUrl: input.smtpUrl,
    smsTransport: 'outbox',
    outboxFile: input.outboxFile,
    sesFromAddress: shell[env.sesFromAddress],
    sesConfigurationSet: shell[env.sesConfigurationSet],
    timeZone: shell[env.timeZone],
    alertLanguage: shell[env.alertLanguage],
    defaultTopic: shell[env.defaultTopic],
    severityDueMinutes: shell[env.severityDueMinutes],
    clientRequestsPerMinute: shell[env.clientRequestsPerMinute],
    subscriptionRequestsPerAddressPerHour: shell[env.subscriptionRequestsPerAddressPerHour],
    smsCountries: shell[env.smsCountries],
    emailConfirmationsPerHour: shell[env.emailConfirmationsPerHour],
    smsConfirmationsPerHour: shell[env.smsConfirmationsPerHour],
    smsRequestsPerPrefixPerHour: shell[env.smsRequestsPerPrefixPerHour],
    unsubscribedRetentionDays: shell[env.unsubscribedRetentionDays],
    reporterContactDays: shell[env.reporterContactDays],
    deliveryRecordDays: shell[env.deliveryRecordDays],
    emailSendsPerSecond: shell[env.emailSendsPerSecond],
    smsSendsPerSecond: shell[env.smsSendsPerSecond],
    // The console signs in with a picked identity and POST /dev/token: there is no Cognito here.
    consoleSignIn: 'dev',
    cognitoDomainUrl: undefined,
    cognitoClientId: undefined,
    // Webhook signing secrets are sealed under the local secret; tests receive on 127.0.0.1; retries
    // take seconds rather than a day (the shell may shorten or lengthen them).
    webhookSecretsKeyArn: undefined,
    webhookLocalReceivers: 'true',
    webhookRetryBaseSeconds: shell[env.webhookRetryBaseSeconds] ?? '1',
    webhookRetryMaxDelaySeconds: shell[env.webhookRetryMaxDelaySeconds] ?? '2',
    webhookRetryWindowSeconds: shell[env.webhookRetryWindowSeconds] ?? '10',
  };
  const variables: Variables = {};
  for (const [key, name] of Object.entries(env) as [keyof typeof env, string][])
    variables[name] = config[key];
  return {
    ...variables,
    AWS_REGION: localRegion,
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    AWS_SESSION_TOKEN: undefined,
    // With a profile set the SDK prefers it to the keys above: a developer's real credentials.
    AWS_PROFILE: undefined,
    AWS_ENDPOINT_URL_DYNAMODB: input.dynamoDbEndpoint,
    AWS_ENDPOINT_URL_DYNAMODB_STREAMS: input.dynamoDbEndpoint,
    AWS_ENDPOINT_URL_SNS: input.messagingEndpoint,
    // fauxqs's queue URLs name their own host, and the SQS client warns when its endpoint differs from
    // a queue URL's (then sends to the queue URL anyway): point it at that host from the start.
    AWS_ENDPOINT_URL_SQS: new URL(input.queueUrls.deliveryPlan).origin,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    POWERTOOLS_SERVICE_NAME: 'corrections-desk',
    POWERTOOLS_TRACE_ENABLED: 'false',
  };
}

/** Sets the variables in process.env; returns the function that puts back what was there before. */
export function applyEnvironment(variables: Variables): () => void {
  const previous: Variables = {};
  for (const [name, value] of Object.entries(variables)) {
    previous[name] = process.env[name];
    setVariable(name, value);
  }
  return () => {
    for (const [name, value] of Object.entries(previous)) setVariable(name, value);
  };
}

function setVariable(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/**
 * The key ring that signs links and cursors (shared/security/keyring.ts): new on every run, except
 * with a data directory, where it is kept (`link-secret`) so the links in old outbox messages and
 * saved cursors still work after a restart, and where `npm run rotate-keys -- --data-dir DIR` rotates it.
 */
export async function linkSecret(dataDir?: string): Promise<string> {
  const fresh = serializeKeyring(newKeyring());
  if (dataDir === undefined) return fresh;
  const file = localKeyFile(dataDir);
  try {
    const kept = (await readFile(file, 'utf8')).trim();
    if (kept) return kept;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await writeFile(file, `${fresh}\n`, { encoding: 'utf8', mode: 0o600 });
  return fresh;
}

export const localKeyFile = (dataDir: string): string => join(dataDir, 'link-secret');
