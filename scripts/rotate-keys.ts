/**
 * `npm run rotate-keys -- --stage <stage> [--set links|cursors|all] [--keep N]`: a new current key for
 * the links (unsubscribe and tracking tokens, form tokens) and/or the cursors, in the stage's link
 * secret in Secrets Manager; the previous keys stay listed (up to --keep, default 5, in all), so every
 * link already sent and every cursor in flight still verifies. Functions pick the new key up as their
 * containers are replaced (at the latest within a few hours; redeploy or update a function's
 * configuration to make it immediate).
 *
 * `npm run rotate-keys -- --data-dir DIR` does the same to the local stack's key file (restart the
 * stack to use it). A secret from before key ids (one plain key) is kept as key "0".
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { CloudFormationClient, ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import {
  GetSecretValueCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { localKeyFile } from '../local/environment.ts';
import {
  parseKeyring,
  type RotatedSet,
  rotateKeyring,
  serializeKeyring,
} from '../shared/security/keyring.ts';

/** The rotated ring as text, and which key ids it now lists. */
export function rotatedSecret(
  secret: string,
  sets: ReadonlyArray<RotatedSet>,
  options: { keep?: number; now?: Date } = {},
): { text: string; summary: string } {
  const ring = rotateKeyring(parseKeyring(secret), sets, options);
  const summary = (['links', 'cursors'] as const)
    .map(
      (name) =>
        `${name}: current ${ring[name].current}, also verifying ${
          Object.keys(ring[name].keys)
            .filter((id) => id !== ring[name].current)
            .join(', ') || 'none'
        }`,
    )
    .join('\n');
  return { text: serializeKeyring(ring), summary };
}

async function rotateLocal(dataDir: string, sets: RotatedSet[], keep: number): Promise<string> {
  const file = localKeyFile(dataDir);
  const { text, summary } = rotatedSecret(await readFile(file, 'utf8'), sets, { keep });
  await writeFile(file, `${text}\n`, { encoding: 'utf8', mode: 0o600 });
  return `${file} rotated (restart the local stack to use it)\n${summary}`;
}

async function rotateDeployed(stage: string, sets: RotatedSet[], keep: number): Promise<string> {
  const cloudFormation = new CloudFormationClient({});
  const secrets = new SecretsManagerClient({});
  try {
    const stackName = `corrections-desk-${stage}`;
    const secretId = await linkSecretArn(cloudFormation, stackName);
    const current = await secrets.send(new GetSecretValueCommand({ SecretId: secretId }));
    if (!current.SecretString) throw new Error('The link secret is empty');
    const { text, summary } = rotatedSecret(current.SecretString, sets, { keep });
    await secrets.send(new PutSecretValueCommand({ SecretId: secretId, SecretString: text }));
    return `The link secret of ${stackName} rotated\n${summary}`;
  } finally {
    cloudFormation.destroy();
    secrets.destroy();
  }
}

/** The stack's link secret (CDK names its logical id after the construct: LinkSecret and a hash). */
export async function linkSecretArn(
  cloudFormation: CloudFormationClient,
  stackName: string,
): Promise<string> {
  let token: string | undefined;
  do {
    const page = await cloudFormation.send(
      new ListStackResourcesCommand({ StackName: stackName, NextToken: token }),
    );
    const found = page.StackResourceSummaries?.find(
      (resource) =>
        resource.ResourceType === 'AWS::SecretsManager::Secret' &&
        resource.LogicalResourceId?.startsWith('LinkSecret'),
    );
    if (found?.PhysicalResourceId) return found.PhysicalResourceId;
    token = page.NextToken;
  } while (token);
  throw new Error(`${stackName} has no LinkSecret resource`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      stage: { type: 'string' },
      'data-dir': { type: 'string' },
      set: { type: 'string', default: 'all' },
      keep: { type: 'string', default: '5' },
    },
    strict: true,
  });
  const sets: RotatedSet[] =
    values.set === 'all'
      ? ['links', 'cursors']
      : values.set === 'links' || values.set === 'cursors'
        ? [values.set]
        : [];
  const keep = Number(values.keep);
  if (sets.length === 0) throw new Error('--set is links, cursors or all');
  if (!Number.isInteger(keep) || keep < 2) throw new Error('--keep is a whole number of at least 2');
  if (values['data-dir']) console.log(await rotateLocal(values['data-dir'], sets, keep));
  else if (values.stage) console.log(await rotateDeployed(values.stage, sets, keep));
  else throw new Error('Name a deployed --stage, or the local stack’s --data-dir');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
