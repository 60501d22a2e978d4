/**
 * `npm run backfill-notices -- --stage <stage>`: files every correction published before this version
 * of the desk under its page's notices (GET /notices and /notices/frame read only that index; the
 * publisher has filed every publication since). Pages through the corrections' own index, 100 at a
 * time, never a Scan; safe to run twice and while the desk publishes. Deployed stages use the stack's
 * TableName output and the caller's AWS credentials; `--stage local --endpoint <DynamoDB Local URL>`
 * fills the local stack's table (one kept with --data-dir from an older version).
 */
import { parseArgs } from 'node:util';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { localCredentials, localRegion } from '../local/engines.ts';
import { DynamoCorrectionLists } from '../shared/adapters/dynamodb/correction-lists.ts';
import { DynamoNoticeStore } from '../shared/adapters/dynamodb/notice-store.ts';
import { Cursors } from '../shared/adapters/dynamodb/paging.ts';
import { randomId, Signer } from '../shared/security/tokens.ts';
import { backfillNotices } from '../shared/usecases/backfill-notices.ts';

/** The local stack's table (local/stack.ts). */
const localTable = 'corrections-desk';

async function deployedTable(stage: string): Promise<string> {
  const stackName = `corrections-desk-${stage}`;
  const cloudFormation = new CloudFormationClient({});
  try {
    const { Stacks } = await cloudFormation.send(new DescribeStacksCommand({ StackName: stackName }));
    const table = Stacks?.[0]?.Outputs?.find((output) => output.OutputKey === 'TableName')?.OutputValue;
    if (!table) throw new Error(`${stackName} has no output TableName`);
    return table;
  } finally {
    cloudFormation.destroy();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { stage: { type: 'string' }, endpoint: { type: 'string' } },
    strict: true,
  });
  if (!values.stage) throw new Error('Usage: npm run backfill-notices -- --stage <stage>');
  const local = values.stage === 'local';
  if (local && !values.endpoint)
    throw new Error('--stage local needs --endpoint <DynamoDB Local URL> (npm start prints it)');
  const tableName = local ? localTable : await deployedTable(values.stage);
  const dynamo = new DynamoDBClient(
    local ? { endpoint: values.endpoint, region: localRegion, credentials: localCredentials } : {},
  );
  const documents = DynamoDBDocumentClient.from(dynamo, { marshallOptions: { removeUndefinedValues: true } });
  // Cursors here only carry this run from one page to the next: a key of its own is enough.
  const cursors = new Cursors(new Signer(randomId(32)));
  try {
    const counts = await backfillNotices(
      {
        correctionLists: new DynamoCorrectionLists(documents, tableName, cursors),
        notices: new DynamoNoticeStore(documents, tableName),
      },
      { onPage: (so) => console.log(`${tableName}: ${JSON.stringify(so)}`) },
    );
    console.log(
      `Done: ${counts.filed} filed, ${counts.current} already current, ${counts['no-page']} naming no page`,
    );
  } finally {
    dynamo.destroy();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
