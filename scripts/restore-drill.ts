/**
 * `npm run restore-drill -- --stage <stage> [--sample N] [--tolerance 0.02] [--report FILE]`
 *
 * Restores the stage's newest backup into a new table, checks it against the live table, prints the
 * figures and deletes the copy (docs/runbooks/restore.md). Deployed stages use the stack's outputs and
 * the caller's AWS credentials; `--stage local --endpoint <DynamoDB Local URL>` drills the local stack,
 * with a table copy standing in for AWS Backup. Exits 1 when the drill fails.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { BackupClient } from '@aws-sdk/client-backup';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { localCredentials, localRegion } from '../local/engines.ts';
import { formatReport, type Restorer, runDrill } from './restore-drill/drill.ts';
import { AwsBackupRestorer, TableCopyRestorer } from './restore-drill/restorers.ts';

const { values } = parseArgs({
  options: {
    stage: { type: 'string' },
    sample: { type: 'string', default: '200' },
    tolerance: { type: 'string', default: '0.02' },
    report: { type: 'string' },
    endpoint: { type: 'string' },
    table: { type: 'string', default: 'corrections-desk' },
  },
  strict: true,
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function deployed(
  stage: string,
): Promise<{ dynamo: DynamoDBClient; restorer: Restorer; liveTable: string }> {
  const stackName = `corrections-desk-${stage}`;
  const cloudFormation = new CloudFormationClient({});
  const { Stacks } = await cloudFormation.send(new DescribeStacksCommand({ StackName: stackName }));
  const outputs = new Map(
    (Stacks?.[0]?.Outputs ?? []).map((output) => [output.OutputKey, output.OutputValue]),
  );
  const output = (key: string) =>
    outputs.get(key) ?? fail(`${stackName} has no output ${key}: deploy this version first`);
  const liveTable = output('TableName');
  const dynamo = new DynamoDBClient({});
  const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: liveTable }));
  if (!Table?.TableArn) fail(`Table ${liveTable} not found`);
  const restorer = new AwsBackupRestorer(new BackupClient({}), dynamo, {
    vaultName: output('BackupVaultName'),
    restoreRoleArn: output('BackupRestoreRoleArn'),
    tableArn: Table.TableArn,
  });
  return { dynamo, restorer, liveTable };
}

async function main(): Promise<void> {
  const stage =
    values.stage ?? fail('Usage: npm run restore-drill -- --stage <stage> (see docs/runbooks/restore.md)');
  const sampleSize = Number(values.sample);
  const tolerance = Number(values.tolerance);
  if (!Number.isInteger(sampleSize) || sampleSize < 0) fail(`--sample: not a count: ${values.sample}`);
  if (!(tolerance >= 0 && tolerance < 1))
    fail(`--tolerance: a share between 0 and 1, not ${values.tolerance}`);

  let target: { dynamo: DynamoDBClient; restorer: Restorer; liveTable: string };
  if (stage === 'local') {
    const endpoint =
      values.endpoint ?? fail('--stage local needs --endpoint <DynamoDB Local URL> (npm start prints it)');
    const dynamo = new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials });
    target = { dynamo, restorer: new TableCopyRestorer(dynamo), liveTable: values.table };
  } else {
    target = await deployed(stage);
  }

  console.log(`Restoring the newest recovery point of ${target.liveTable} (${target.restorer.method})…`);
  const report = await runDrill(target.dynamo, target.restorer, {
    stage,
    liveTable: target.liveTable,
    sampleSize,
    tolerance,
  });
  console.log(formatReport(report));
  if (values.report) {
    await writeFile(values.report, `${JSON.stringify(report, null, 2)}\n`, 'utf8');
    console.log(`Report written to ${values.report}`);
  }
  process.exit(report.passed ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
