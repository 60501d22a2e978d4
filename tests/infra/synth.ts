/**
 * One way to synthesize the stack in tests: the real app's cdk.json context (feature flags), bundling
 * skipped, and empty stand-ins for the handler entries, so these tests never depend on handler code
 * (NodejsFunction only checks that an entry exists when it does not bundle).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, CfnResource } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { readConfig } from '../../infra/config.ts';
import { CorrectionsDeskStack } from '../../infra/stack.ts';
import { functionDefinitions } from '../../shared/resources/functions.ts';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

let standIns: string | undefined;
function standInSources(): string {
  if (standIns) return standIns;
  const root = mkdtempSync(join(tmpdir(), 'desk-infra-'));
  process.once('exit', () => rmSync(root, { recursive: true, force: true }));
  writeFileSync(join(root, 'package-lock.json'), '{}');
  for (const definition of Object.values(functionDefinitions)) {
    mkdirSync(dirname(join(root, definition.entry)), { recursive: true });
    writeFileSync(join(root, definition.entry), 'export const handler = async () => {};\n');
  }
  standIns = root;
  return root;
}

/** A deployment with every optional feature switched on, as a production stage would be. */
export const productionContext = {
  stage: 'prod',
  alertEmails: 'desk-chief@example.org, night-editor@example.org',
  sesIdentity: 'news.example.org',
  publicBaseUrl: 'https://corrections.news.example.org/',
  consoleOrigin: 'https://console.news.example.org',
  timeZone: 'Europe/Berlin',
  apiRateLimit: '40',
  apiBurstLimit: '80',
  clientRequestsPerMinute: '300',
  edgeDomain: 'corrections.news.example.org',
  edgeCertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/9d3c2b1a-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
  webAclArn:
    'arn:aws:wafv2:us-east-1:111122223333:global/webacl/corrections-desk-prod/5b1c7f4e-0a2d-4e8b-9c3f-6d7e8f9a0b1c',
};

const synthesized = new Map<string, ReturnType<typeof synthesizeOnce>>();

/** Synthesizes once per context and test file: synthesis, not the checks, is what takes time. */
export function synthesize(context: Record<string, unknown> = productionContext) {
  const key = JSON.stringify(context);
  let result = synthesized.get(key);
  if (!result) {
    result = synthesizeOnce(context);
    synthesized.set(key, result);
  }
  return result;
}

function synthesizeOnce(context: Record<string, unknown>) {
  const cdkJson = JSON.parse(readFileSync(join(repositoryRoot, 'cdk.json'), 'utf8'));
  const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [], ...context } });
  const config = readConfig(app.node);
  const stack = new CorrectionsDeskStack(app, `corrections-desk-${config.stage}`, {
    config,
    sourceRoot: standInSources(),
  });
  return { app, stack, config, template: Template.fromStack(stack) };
}

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation is untyped JSON; the tests read it by path.
export type Json = any;

export interface Resource {
  Type: string;
  Properties: Record<string, Json>;
  DependsOn?: string[];
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

export type Synthesized = ReturnType<typeof synthesize>;

/** The CloudFormation resource of a construct, by its path under the stack (e.g. `Messaging/DeliveryPlan`). */
export function resourceAt({ stack, template }: Synthesized, path: string): [string, Resource] {
  let construct: IConstruct = stack;
  for (const id of path.split('/')) construct = construct.node.findChild(id);
  const cfn = CfnResource.isCfnResource(construct) ? construct : construct.node.defaultChild;
  if (!cfn || !CfnResource.isCfnResource(cfn)) throw new Error(`${path} is not a CloudFormation resource`);
  const logicalId: string = stack.resolve(cfn.logicalId);
  return [logicalId, template.toJSON().Resources[logicalId]];
}

export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
  NotResource?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

/** Every statement of a desk function's role, by the function's definition id (e.g. `Publisher`). */
export function roleStatements(synthesized: Synthesized, functionId: string): Statement[] {
  const [, policy] = resourceAt(synthesized, `${functionId}/Role/DefaultPolicy`);
  return policy.Properties.PolicyDocument.Statement;
}

export const actionsOf = (statement: Statement): string[] =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];

export const resourcesOf = (statement: Statement): unknown[] =>
  Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];

/** Whether a CloudFormation value refers to the given logical id (Ref or GetAtt, possibly inside a Join). */
export const refersTo = (value: unknown, logicalId: string): boolean =>
  JSON.stringify(value).includes(`"${logicalId}"`);
