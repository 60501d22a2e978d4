/**
 * The composition root inside a function: config, SDK clients and adapters, built once per container
 * and shared by every invocation. Handlers ask for `services()` and pass what a use case needs.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { assemble, type Services } from './assemble.ts';
import { type Config, readConfig } from './config.ts';
import { traced } from './tracing.ts';

export const config: Config = readConfig();

const dynamo = traced(new DynamoDBClient({}));
export const documents = DynamoDBDocumentClient.from(dynamo, {
  marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
});
// Adaptive retry: the client slows itself down when SNS (SMS, events) or SES throttles, on top of
// the sender's own pacing; a throttled send was not accepted, so retrying it is safe.
export const sns = traced(new SNSClient({ retryMode: 'adaptive', maxAttempts: 3 }));
const sqs = traced(new SQSClient({}));

async function secretValue(arn: string, what: string): Promise<string> {
  const secrets = traced(new SecretsManagerClient({}));
  const result = await secrets.send(new GetSecretValueCommand({ SecretId: arn }));
  if (!result.SecretString) throw new Error(`The ${what} is empty`);
  return result.SecretString;
}

/** The link secret: given directly locally, read once from Secrets Manager when deployed. */
async function linkSecret(): Promise<string> {
  if (config.linkSecret) return config.linkSecret;
  if (!config.linkSecretArn) throw new Error('Neither LINK_SECRET nor LINK_SECRET_ARN is set');
  return secretValue(config.linkSecretArn, 'link secret');
}

/** Deployed, only the functions that seal or open webhook secrets read this key, on first use. */
const webhookKeyArn = config.webhookSecretsKeyArn;
const webhookKeyMaterial = webhookKeyArn
  ? () => secretValue(webhookKeyArn, 'webhook secrets key')
  : undefined;

let built: Promise<Services> | undefined;

/** Built on first use (the secret read is async); a failed build is retried on the next call. */
export function services(): Promise<Services> {
  built ??= linkSecret().then(
    (secret) =>
      assemble({
        documents,
        sns,
        sqs,
        ses: () => traced(new SESv2Client({ retryMode: 'adaptive', maxAttempts: 3 })),
        config,
        secret,
        ...(webhookKeyMaterial ? { webhookKeyMaterial } : {}),
      }),
    (error) => {
      built = undefined;
      throw error;
    },
  );
  return built;
}
