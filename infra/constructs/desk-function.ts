/**
 * One of the desk's functions, from its entry in shared/resources/functions.ts: bundled by esbuild,
 * with its own role (no managed policy: each grant is added by the stack) and its own log group.
 */
import { basename, join } from 'node:path';
import { Duration, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  ApplicationLogLevel,
  Architecture,
  LoggingFormat,
  ParamsAndSecretsLayerVersion,
  ParamsAndSecretsLogLevel,
  ParamsAndSecretsVersions,
  Runtime,
  SystemLogLevel,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, Charset, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FunctionDefinition } from '../../shared/resources/functions.ts';
import type { LogLevel, SystemLogLevel as SystemLevel } from '../config.ts';

/** The newest Node.js runtime Lambda offers (supported to 2028); the handlers are all async. */
export const runtime = Runtime.NODEJS_24_X;

/**
 * The SDK's credential providers other than the environment's. Lambda always puts the role's
 * credentials in the environment, so the default chain stops at the first provider and never loads
 * these (they are imported lazily); left out, every bundle is about 130 kB smaller.
 */
export const unusedCredentialProviders = [
  '@aws-sdk/credential-provider-http',
  '@aws-sdk/credential-provider-ini',
  '@aws-sdk/credential-provider-login',
  '@aws-sdk/credential-provider-process',
  '@aws-sdk/credential-provider-sso',
  '@aws-sdk/credential-provider-web-identity',
  '@aws-sdk/nested-clients',
  '@aws-sdk/token-providers',
  '@smithy/credential-provider-imds',
];

export const bundling: BundlingOptions = {
  format: OutputFormat.ESM,
  target: 'node24',
  minify: true,
  // Chinese text as UTF-8 (3 bytes a character) rather than \u escapes (6): the words of pages and
  // messages weigh half as much; Node.js reads a bundle as UTF-8 either way.
  charset: Charset.UTF8,
  // Source maps are written beside each bundle for reading an error report's stack offline, without
  // their sources (half the package), and are not loaded at cold start (--enable-source-maps would
  // parse them on every init: megabytes and 10-20 ms). docs/deploy.md says how to map a stack.
  sourceMap: true,
  sourcesContent: false,
  // Deployed functions send email through SES; the SMTP adapter loads nodemailer only when chosen.
  externalModules: [...unusedCredentialProviders, 'nodemailer'],
  // Prefer the ESM builds of dependencies; CommonJS ones still work through the banner's `require`.
  mainFields: ['module', 'main'],
  banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  // Bundled rather than taken from the runtime: pinned by package-lock.json like every other
  // dependency, tree-shaken with them (a smaller cold start), and no drift when the runtime's copy moves.
  bundleAwsSDK: true,
};

/**
 * The AWS Parameters and Secrets Lambda Extension, which every function reads its secrets through
 * (shared/runtime/secrets-extension.ts) instead of bundling the Secrets Manager client: the CDK's
 * layer for the stack's region, or the stage's own ARN where the CDK does not list the region. It
 * keeps a secret for five minutes; a function reads each secret once per container anyway. Warnings
 * only: its info lines would be stored and billed with the function's logs.
 */
export function secretsExtension(layerArn?: string): ParamsAndSecretsLayerVersion {
  const options = { logLevel: ParamsAndSecretsLogLevel.WARN };
  return layerArn
    ? ParamsAndSecretsLayerVersion.fromVersionArn(layerArn, options)
    : ParamsAndSecretsLayerVersion.fromVersion(ParamsAndSecretsVersions.V1_0_103, options);
}

/** Copies the files a function serves as they are beside its bundle, where the code reads them. */
function servedFiles(files: ReadonlyArray<string>): Pick<BundlingOptions, 'commandHooks'> {
  if (files.length === 0) return {};
  return {
    commandHooks: {
      beforeBundling: () => [],
      beforeInstall: () => [],
      afterBundling: (inputDir, outputDir) =>
        files.map((file) => `cp "${join(inputDir, file)}" "${join(outputDir, basename(file))}"`),
    },
  };
}

export interface DeskFunctionProps {
  definition: FunctionDefinition;
  /** The repository root: entries and the lock file are resolved from here. */
  sourceRoot: string;
  environment: Record<string, string>;
  logRetention: RetentionDays;
  /** Lambda drops lines below these levels before they are stored (and billed). */
  logLevels: { application: LogLevel; system: SystemLevel };
  /** The secrets extension's layer (secretsExtension above). */
  secretsExtension: ParamsAndSecretsLayerVersion;
}

export class DeskFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: DeskFunctionProps) {
    super(scope, id);
    const { definition } = props;

    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `${definition.id}: ${definition.description}`.slice(0, 1000),
    });
    this.logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention });
    // Instead of AWSLambdaBasicExecutionRole, which may write to every log group of the account.
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: join(props.sourceRoot, definition.entry),
      handler: 'handler',
      projectRoot: props.sourceRoot,
      depsLockFilePath: join(props.sourceRoot, 'package-lock.json'),
      description: definition.description,
      runtime,
      architecture: Architecture.ARM_64,
      memorySize: definition.memoryMb,
      timeout: Duration.seconds(definition.timeoutSeconds),
      role: this.role,
      logGroup: this.logGroup,
      // JSON lines: Lambda filters by level, and Logs Insights queries fields (correlation_id, caseId).
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel[props.logLevels.application],
      systemLogLevelV2: SystemLogLevel[props.logLevels.system],
      tracing: Tracing.ACTIVE,
      environment: props.environment,
      paramsAndSecrets: props.secretsExtension,
      bundling: { ...bundling, ...servedFiles(definition.files ?? []) },
    });

    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level ' +
        'permissions. No other statement of this role uses a wildcard resource (tests/infra check it).',
    });
  }
}
