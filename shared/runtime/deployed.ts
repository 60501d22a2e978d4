/**
 * What a deployed function builds on: its config, SDK clients made on first use (a function that never
 * sends email never constructs SES), and the link secret, read once through the secrets extension.
 * Each function's composition root (functions/<name>/services.ts) passes `compose` the clients and
 * parts it uses, so its bundle holds nothing else.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { systemClock } from '../ports/clock.ts';
import {
  type Config,
  everySetting,
  linkSecretArn,
  linkSecret as linkSecretSetting,
  type Readers,
  readSettings,
  webhookSecretsKeyArn,
} from './config.ts';
import { keyed } from './keys.ts';
import type { Basics, Clients } from './parts.ts';
import { extensionSecret } from './secrets-extension.ts';

/**
 * Each client is made on its first use, then kept for the container's life. Plain functions, so that
 * the bundler drops the clients (and their SDK packages) of a function that never calls them.
 */
const made: {
  documents?: DynamoDBDocumentClient;
  sns?: SNSClient;
  sqs?: SQSClient;
  ses?: SESv2Client;
} = {};

export function documents(): DynamoDBDocumentClient {
  made.documents ??= DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
  return made.documents;
}

// Standard retry, three attempts: a throttled send was not accepted, so retrying it is safe, and one
// that stays throttled comes back later through the queue. Not adaptive: the senders' token bucket
// already holds the rate, and adaptive mode's own limiter, after a single throttle, held every send of
// the container back (the bench's 1,000-subscriber correction took twice as long).
export function sns(): SNSClient {
  made.sns ??= new SNSClient({ retryMode: 'standard', maxAttempts: 3 });
  return made.sns;
}

export function sqs(): SQSClient {
  made.sqs ??= new SQSClient({});
  return made.sqs;
}

export function ses(): SESv2Client {
  made.ses ??= new SESv2Client({ retryMode: 'standard', maxAttempts: 3 });
  return made.ses;
}

/**
 * The link secret: given directly locally; deployed, read once through the Parameters and Secrets
 * extension (./secrets-extension.ts).
 */
async function linkSecret(settings: Pick<Config, LinkSettings>): Promise<string> {
  if (settings.linkSecret) return settings.linkSecret;
  if (!settings.linkSecretArn) throw new Error('Neither LINK_SECRET nor LINK_SECRET_ARN is set');
  return extensionSecret(settings.linkSecretArn, 'link secret');
}

type LinkSettings = 'linkSecret' | 'linkSecretArn';
const linkSettings: Readers<LinkSettings> = { linkSecret: linkSecretSetting, linkSecretArn };

/** Deployed, only the functions that seal or open webhook secrets read this key, on first use. */
export function webhookKey(): Promise<string> {
  const settings = readSettings({ ...linkSettings, webhookSecretsKeyArn });
  // Locally: the key ring's data key, which no key rotation changes.
  return settings.webhookSecretsKeyArn
    ? extensionSecret(settings.webhookSecretsKeyArn, 'webhook secrets key')
    : linkSecret(settings).then((secret) => keyed(secret).dataKey);
}

/**
 * A function's services, built on first use (the secret read is async) and shared by every
 * invocation; a failed build is retried on the next call. They see every setting.
 */
export const compose = <C extends Partial<Clients>, T>(clients: C, build: (context: Basics & C) => T) =>
  composeReading(everySetting, clients, build);

/**
 * `compose` for a function that reads only some settings: it bundles only their readers, and its
 * builders may ask for no other (see With in ./parts.ts).
 */
export function composeReading<S extends keyof Config, C extends Partial<Clients>, T>(
  readers: Readers<S>,
  clients: C,
  build: (context: Basics<S> & C) => T,
): () => Promise<T> {
  let built: Promise<T> | undefined;
  // The settings too are read on the first call, not at import: a cold start only loads the code.
  const services = async (): Promise<T> => {
    const config = { ...readSettings(readers), ...readSettings(linkSettings) };
    const { dataKey: _dataKey, ...signers } = keyed(await linkSecret(config));
    return build({ config, clock: systemClock, ...signers, ...clients });
  };
  return () => {
    built ??= services().catch((error: unknown) => {
      built = undefined;
      throw error;
    });
    return built;
  };
}
