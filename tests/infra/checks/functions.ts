/** The functions: runtime, logs, environment, bundling, least privilege and triggers. */
import { describe, expect, it } from 'vitest';
import { bundling, runtime } from '../../../infra/constructs/desk-function.ts';
import {
  type FunctionDefinition,
  type FunctionKey,
  functionDefinitions,
} from '../../../shared/resources/functions.ts';
import { queues, topics } from '../../../shared/resources/messaging.ts';
import { tableDefinition } from '../../../shared/resources/table.ts';
import { env } from '../../../shared/runtime/config.ts';
import { defaultExtensionPort } from '../../../shared/runtime/secrets-extension.ts';
import {
  actionsOf,
  type Json,
  productionContext,
  refersTo,
  resourceAt,
  resourcesOf,
  roleStatements,
  type Statement,
  type Synthesized,
  synthesize,
} from '../synth.ts';

export function checkFunctions(synthesized: Synthesized): void {
  const { template } = synthesized;
  const definitions: Array<[FunctionKey, FunctionDefinition]> = Object.entries(functionDefinitions) as never;
  const byTrigger = (kind: FunctionDefinition['trigger']['kind']) =>
    definitions.filter(([, definition]) => definition.trigger.kind === kind);

  const [tableId] = resourceAt(synthesized, 'Data/Table');
  const [secretId] = resourceAt(synthesized, 'LinkSecret');
  const [webhookKeyId] = resourceAt(synthesized, 'WebhookSecretsKey');
  const secretActions = ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'];
  const [keyId] = resourceAt(synthesized, 'Messaging/TopicKey');
  const [clientId] = resourceAt(synthesized, 'EditorSignIn/UserPool/Console');
  const [domainId] = resourceAt(synthesized, 'EditorSignIn/UserPool/Domain');
  const topicId = (key: keyof typeof topics) => resourceAt(synthesized, `Messaging/${topics[key].id}`)[0];
  const queueId = (key: keyof typeof queues) => resourceAt(synthesized, `Messaging/${queues[key].id}`)[0];

  describe.each(definitions)('the %s function', (_key, definition) => {
    const [, fn] = resourceAt(synthesized, `${definition.id}/Function`);
    const [roleId, role] = resourceAt(synthesized, `${definition.id}/Role`);
    const [logGroupId, logGroup] = resourceAt(synthesized, `${definition.id}/Logs`);

    it('runs on Node.js 22 or newer, on arm64, with the memory and timeout of its definition', () => {
      expect(fn.Properties).toMatchObject({
        Architectures: ['arm64'],
        MemorySize: definition.memoryMb,
        Timeout: definition.timeoutSeconds,
        Handler: 'index.handler',
        Role: { 'Fn::GetAtt': [roleId, 'Arn'] },
        TracingConfig: { Mode: 'Active' },
      });
      const [, major] = /^nodejs(\d+)\.x$/.exec(fn.Properties.Runtime) ?? [];
      expect(Number(major)).toBeGreaterThanOrEqual(22);
    });

    it('logs JSON to its own log group at the configured levels, kept for the configured time', () => {
      expect(fn.Properties.LoggingConfig).toEqual({
        LogGroup: { Ref: logGroupId },
        LogFormat: 'JSON',
        ApplicationLogLevel: 'INFO',
        SystemLogLevel: 'WARN',
      });
      expect(logGroup.Properties.RetentionInDays).toBe(180);
      // Powertools follows Lambda's application level; told the same, it never warns of a mismatch.
      expect(fn.Properties.Environment.Variables.POWERTOOLS_LOG_LEVEL).toBe('INFO');
    });

    it('has a role of its own with no AWS-managed policy', () => {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      expect(roleStatements(synthesized, definition.id)).toContainEqual({
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: { 'Fn::GetAtt': [logGroupId, 'Arn'] },
      });
    });

    it('is told every deployed setting of shared/runtime/config.ts, and Powertools its names', () => {
      const variables = fn.Properties.Environment.Variables;
      // Local-only, or tunables the deployment leaves at the code's defaults.
      const notSet: string[] = [
        env.linkSecret,
        env.outboxFile,
        env.smtpUrl,
        env.defaultTopic,
        env.severityDueMinutes,
        env.subscriptionRequestsPerAddressPerHour,
        env.emailConfirmationsPerHour,
        env.smsConfirmationsPerHour,
        env.smsRequestsPerPrefixPerHour,
        env.unsubscribedRetentionDays,
        env.emailSendsPerSecond,
        env.smsSendsPerSecond,
        env.webhookLocalReceivers,
        env.webhookRetryBaseSeconds,
        env.webhookRetryMaxDelaySeconds,
        env.webhookRetryWindowSeconds,
        env.smsSenderId,
      ];
      const expected = Object.values(env).filter((name) => !notSet.includes(name));
      expect(Object.keys(variables)).toEqual(expect.arrayContaining(expected));
      for (const name of notSet) expect(variables).not.toHaveProperty(name);
      expect(variables).toMatchObject({
        [env.stage]: 'prod',
        [env.emailTransport]: 'ses',
        [env.smsTransport]: 'sns',
        [env.publicBaseUrl]: 'https://corrections.news.example.org',
        [env.sesFromAddress]: 'corrections@news.example.org',
        [env.timeZone]: productionContext.timeZone,
        // Retention (docs/deploy.md): the stage's settings or their defaults.
        [env.reporterContactDays]: '90',
        [env.deliveryRecordDays]: '180',
        [env.publisherNameZh]: '更正服务台',
        [env.publisherNameEn]: 'Corrections desk',
        [env.clientRequestsPerMinute]: productionContext.clientRequestsPerMinute,
        [env.consoleSignIn]: 'cognito',
        [env.cognitoClientId]: { Ref: clientId },
        // The production stage signs editors in on its own domain (infra/stages/prod.ts).
        [env.cognitoDomainUrl]: { 'Fn::Join': ['', ['https://', { Ref: domainId }]] },
        [env.correctionEventsTopicArn]: { Ref: topicId('correctionEvents') },
        [env.editorAlertsTopicArn]: { Ref: topicId('editorAlerts') },
        [env.deliveryPlanQueueUrl]: { Ref: queueId('deliveryPlan') },
        [env.emailSendQueueUrl]: { Ref: queueId('emailSend') },
        [env.smsSendQueueUrl]: { Ref: queueId('smsSend') },
        [env.webhookCallsQueueUrl]: { Ref: queueId('webhookCalls') },
        POWERTOOLS_SERVICE_NAME: 'corrections-desk',
        POWERTOOLS_LOG_LEVEL: 'INFO',
      });
    });

    it('reads its secrets through the Parameters and Secrets extension for arm64, logging warnings only', () => {
      const [layer, ...others] = fn.Properties.Layers;
      expect(others).toEqual([]);
      const [mapping, region, version] = layer['Fn::FindInMap'];
      expect(region).toEqual({ Ref: 'AWS::Region' });
      expect(version).toMatch(/arm64$/);
      const arns = Object.values(template.toJSON().Mappings[mapping]).map(
        (byVersion: Json) => byVersion[version],
      );
      expect(arns.length).toBeGreaterThan(10);
      for (const arn of arns)
        expect(arn).toMatch(/:layer:AWS-Parameters-and-Secrets-Lambda-Extension-Arm64:\d+$/);
      expect(fn.Properties.Environment.Variables).toMatchObject({
        PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(defaultExtensionPort),
        PARAMETERS_SECRETS_EXTENSION_LOG_LEVEL: 'warn',
      });
    });

    it('may read the link secret, and the webhook secrets key only if it seals or opens webhook secrets', () => {
      const secretReads = roleStatements(synthesized, definition.id).filter(
        (statement) => JSON.stringify(statement.Action) === JSON.stringify(secretActions),
      );
      const readable = secretReads.flatMap(resourcesOf);
      expect(readable).toContainEqual({ Ref: secretId });
      const webhookKey = { Ref: webhookKeyId };
      if (definition.id === 'AdminSettings' || definition.id === 'Webhooks')
        expect(readable).toContainEqual(webhookKey);
      else expect(readable).not.toContainEqual(webhookKey);
    });
  });

  describe('bundling', () => {
    it('emits minified ESM with source maps beside it (not loaded at init), able to load CommonJS dependencies', () => {
      expect(bundling).toMatchObject({
        format: 'esm',
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        bundleAwsSDK: true,
      });
      expect(bundling.target).toBe(runtime.name.replace(/^nodejs(\d+)\.x$/, 'node$1'));
      expect(bundling.banner).toContain('createRequire(import.meta.url)');
    });
  });

  describe('least privilege', () => {
    const statements = (key: FunctionKey): Statement[] =>
      roleStatements(synthesized, functionDefinitions[key].id);
    const allowed = (key: FunctionKey, action: string) =>
      statements(key).filter((statement) => actionsOf(statement).includes(action));
    const allActions = (key: FunctionKey) => statements(key).flatMap(actionsOf);
    const writes = [
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:BatchWriteItem',
    ];
    const keys = definitions.map(([key]) => key);

    it('uses a wildcard resource only for X-Ray and the SMS opted-out list, which have no resource-level permissions', () => {
      for (const key of keys) {
        const wildcards = statements(key).filter((statement) => resourcesOf(statement).includes('*'));
        expect(wildcards.flatMap(actionsOf).sort()).toEqual([
          ...(key === 'optOutCheck' ? ['sns:ListPhoneNumbersOptedOut'] : []),
          'xray:PutTelemetryRecords',
          'xray:PutTraceSegments',
        ]);
      }
    });

    it('names every index, and lets no function Scan', () => {
      for (const key of keys) {
        expect(allActions(key)).not.toContain('dynamodb:Scan');
        const indexQueries = statements(key).find((statement) =>
          JSON.stringify(statement).includes('/index/'),
        );
        const indexes = resourcesOf(indexQueries as Statement).map(
          (arn) => JSON.stringify(arn).match(/\/index\/(\w+)/)?.[1],
        );
        expect(indexes).toEqual(tableDefinition.indexes.map((index) => index.name));
        expect(indexQueries?.Action).toBe('dynamodb:Query');
      }
    });

    it('reads the table and its named indexes, and nothing else of DynamoDB without a condition', () => {
      for (const key of keys) {
        expect(allowed(key, 'dynamodb:GetItem').flatMap(resourcesOf)).toEqual([
          { 'Fn::GetAtt': [tableId, 'Arn'] },
        ]);
        // The stream consumers' event source mappings read the stream with the function's role.
        const unconditioned = statements(key)
          .filter((statement) => !statement.Condition && !JSON.stringify(statement).includes('StreamArn'))
          .flatMap(actionsOf)
          .filter((action) => action.startsWith('dynamodb:'));
        expect([...new Set(unconditioned)].sort()).toEqual([
          'dynamodb:BatchGetItem',
          'dynamodb:GetItem',
          'dynamodb:Query',
        ]);
      }
    });

    // Read off the adapters each function's use cases call (see infra/table-access.ts).
    const expectedWrites: Record<FunctionKey, Partial<Record<string, string[]>>> = {
      publicRead: {},
      publicWrite: {
        'dynamodb:PutItem': [
          'CASE#*',
          'IDEMPOTENCY#*',
          'SUBMISSION#*',
          'SUBSCRIBER#*',
          'SUBSCRIPTION#*',
          'URL#*',
        ],
        'dynamodb:UpdateItem': ['CASE#*', 'RATE#*', 'SUBSCRIPTION#*'],
        'dynamodb:DeleteItem': ['SUBSCRIPTION#*'],
      },
      adminCases: {
        // Case decisions and merges; a re-announcement's new round.
        'dynamodb:PutItem': ['ANNOUNCEMENT#*', 'CASE#*', 'IDEMPOTENCY#*'],
        'dynamodb:UpdateItem': ['CASE#*', 'URL#*'],
      },
      adminSubscribers: {
        // A subscriber import's new subscriptions and changes (a follow no longer wanted deleted), in
        // batches; a long one's chunks, for its job.
        'dynamodb:PutItem': ['SUBSCRIBER#*', 'SUBSCRIPTION#*'],
        'dynamodb:DeleteItem': ['SUBSCRIPTION#*'],
        'dynamodb:BatchWriteItem': ['IMPORT#*', 'SUBSCRIBER#*', 'SUBSCRIPTION#*'],
      },
      adminSettings: {
        // Topics and webhooks. An erasure: the suppression and its audit entry; the person's
        // subscription, contacts, reporter marks and delivery records deleted.
        'dynamodb:PutItem': ['ERASURES', 'SUPPRESSED#*', 'TOPICS', 'WEBHOOKS'],
        'dynamodb:UpdateItem': ['WEBHOOKS'],
        'dynamodb:DeleteItem': [
          'CASE#*',
          'DELIVERY#*',
          'SUBMISSION#*',
          'SUBSCRIBER#*',
          'SUBSCRIPTION#*',
          'WEBHOOKS',
        ],
      },
      publisher: {
        'dynamodb:PutItem': ['ANNOUNCEMENT#*', 'CASE#*', 'CORRECTION#*', 'LOG', 'NOTICES#*'],
        'dynamodb:UpdateItem': ['ANNOUNCEMENT#*', 'CASE#*', 'LOG', 'STATS'],
      },
      sweeper: {
        'dynamodb:PutItem': ['ANNOUNCEMENT#*', 'CASE#*', 'CORRECTION#*', 'LOG', 'NOTICES#*'],
        'dynamodb:UpdateItem': ['ANNOUNCEMENT#*', 'CASE#*', 'LOG', 'STATS'],
      },
      notifier: {
        'dynamodb:PutItem': ['AUDIENCE-CHANGE#*'],
        'dynamodb:UpdateItem': ['AUDIENCE#*'],
      },
      // Plans and continuations: a merge's relinking, contact expiry (inline contacts moved out),
      // the rest of an erasure, a long subscriber import.
      planner: {
        'dynamodb:PutItem': ['SUBMISSION#*', 'SUBSCRIBER#*', 'SUBSCRIPTION#*'],
        'dynamodb:UpdateItem': [
          'CASE#*',
          'CONTINUATION#*',
          'DELIVERIES#*',
          'IMPORT#*',
          'PLAN#*',
          'SUBMISSION#*',
        ],
        'dynamodb:DeleteItem': ['CASE#*', 'DELIVERY#*', 'SUBMISSION#*', 'SUBSCRIPTION#*'],
        // A long subscriber import's chunks, written in batches.
        'dynamodb:BatchWriteItem': ['SUBSCRIBER#*', 'SUBSCRIPTION#*'],
      },
      emailSender: {
        'dynamodb:UpdateItem': ['DELIVERIES#*', 'DELIVERY#*', 'PACE#*'],
      },
      // A number that opted out is suppressed as SNS refuses it.
      smsSender: {
        'dynamodb:PutItem': ['SUBSCRIBER#*', 'SUBSCRIPTION#*', 'SUPPRESSED#*'],
        'dynamodb:UpdateItem': ['DELIVERIES#*', 'DELIVERY#*', 'PACE#*'],
      },
      webhooks: {
        'dynamodb:PutItem': ['WEBHOOK#*'],
        'dynamodb:UpdateItem': ['DELIVERIES#*', 'WEBHOOK#*', 'WEBHOOKS'],
      },
      suppressor: { 'dynamodb:PutItem': ['SUBSCRIBER#*', 'SUBSCRIPTION#*', 'SUPPRESSED#*'] },
      optOutCheck: { 'dynamodb:PutItem': ['OPTOUTS', 'SUBSCRIBER#*', 'SUBSCRIPTION#*', 'SUPPRESSED#*'] },
      digest: {},
    };
    const writeActions = [...writes, 'dynamodb:ConditionCheckItem'];

    it.each(keys)('lets %s write only the partitions it writes, each action on its own', (key) => {
      const granted: Record<string, string[]> = {};
      for (const action of writeActions) {
        const grants = allowed(key, action);
        if (grants.length === 0) continue;
        expect(grants, action).toHaveLength(1);
        const [grant] = grants as [Statement];
        expect(resourcesOf(grant)).toEqual([{ 'Fn::GetAtt': [tableId, 'Arn'] }]);
        // ForAllValues: every item of a transaction must be in one of these partitions.
        expect(Object.keys(grant.Condition ?? {})).toEqual(['ForAllValues:StringLike']);
        granted[action] = grant.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'] as string[];
      }
      expect(granted).toEqual(expectedWrites[key]);
    });

    it('never lets the internet-facing public functions write a correction, a delivery or a topic', () => {
      for (const action of writeActions) expect(allowed('publicRead', action), action).toEqual([]);
      const partitions = writeActions.flatMap((action) =>
        allowed('publicWrite', action).flatMap(
          (grant) => grant.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'] as string[],
        ),
      );
      expect(partitions.length).toBeGreaterThan(0);
      for (const forbidden of ['CORRECTION#*', 'DELIVERY#*', 'TOPICS', '*'])
        expect(partitions).not.toContain(forbidden);
    });

    it('lets each publisher publish to its own topic only, with the topic key used through SNS only', () => {
      const publishers: Partial<Record<FunctionKey, keyof typeof topics>> = {
        publisher: 'correctionEvents',
        sweeper: 'correctionEvents',
        notifier: 'editorAlerts',
        webhooks: 'editorAlerts',
        digest: 'editorAlerts',
      };
      for (const key of keys) {
        const topicStatements = allowed(key, 'sns:Publish').filter((statement) => statement.Resource);
        const topic = publishers[key];
        expect(topicStatements.flatMap(resourcesOf)).toEqual(topic ? [{ Ref: topicId(topic) }] : []);
        const keyUse = allowed(key, 'kms:GenerateDataKey');
        if (!topic) expect(keyUse).toEqual([]);
        else
          expect(keyUse).toEqual([
            expect.objectContaining({
              Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
              Resource: { 'Fn::GetAtt': [keyId, 'Arn'] },
              Condition: { StringEquals: { 'kms:ViaService': expect.anything() } },
            }),
          ]);
      }
    });

    it('lets only the email sender send email from the configured address, and only the SMS sender SMS to phones only', () => {
      for (const key of keys) {
        const email = allowed(key, 'ses:SendEmail');
        const sms = allowed(key, 'sns:Publish').filter((statement) => statement.NotResource);
        if (key === 'emailSender') {
          expect(email).toEqual([
            expect.objectContaining({
              Condition: { StringEquals: { 'ses:FromAddress': 'corrections@news.example.org' } },
            }),
          ]);
          expect(JSON.stringify(email[0]?.Resource)).not.toContain('*');
        } else expect(email).toEqual([]);
        if (key === 'smsSender') {
          expect(sms).toHaveLength(1);
          expect(JSON.stringify(sms[0]?.NotResource)).toContain(':sns:*:*:*');
        } else expect(sms).toEqual([]);
      }
    });

    it('lets only the planner, the admin imports and the public writing function (confirmations) enqueue messages to send, the planner, the notifier, the digest, the imports and erasures schedule continuation steps, each sender park in its own queue’s dead letters and hand on to the other channel, the webhook sender its calls', () => {
      const [failuresId] = resourceAt(synthesized, 'Triggers/StreamFailures');
      const parkedIn = (key: 'emailSend' | 'smsSend') => ({
        'Fn::GetAtt': [resourceAt(synthesized, `Messaging/${queues[key].id}DeadLetters`)[0], 'Arn'],
      });
      const toEmail = { 'Fn::GetAtt': [queueId('emailSend'), 'Arn'] };
      const toSms = { 'Fn::GetAtt': [queueId('smsSend'), 'Arn'] };
      const toPlan = { 'Fn::GetAtt': [queueId('deliveryPlan'), 'Arn'] };
      // Lambda sends a stream consumer's failed batches to the failures queue with the function's role.
      const failures = { 'Fn::GetAtt': [failuresId, 'Arn'] };
      const expected: Record<FunctionKey, unknown[]> = {
        publicRead: [],
        // Subscription requests' confirmations, each on its channel's queue.
        publicWrite: [toEmail, toSms],
        adminCases: [],
        // Imported subscribers' confirmations; a long import's writing (a continuation).
        adminSubscribers: [toEmail, toSms, toPlan],
        // The rest of a long erasure (a continuation).
        adminSettings: [toPlan],
        publisher: [failures],
        // Continuations (closing replies, merges, contact expiry) start on the plan queue.
        notifier: [toPlan, failures],
        planner: [toEmail, toSms, toPlan],
        emailSender: [parkedIn('emailSend'), toSms],
        smsSender: [parkedIn('smsSend'), toEmail],
        webhooks: [{ 'Fn::GetAtt': [queueId('webhookCalls'), 'Arn'] }],
        sweeper: [],
        suppressor: [],
        optOutCheck: [],
        digest: [toPlan],
      };
      const sorted = (values: unknown[]) => values.map((value) => JSON.stringify(value)).sort();
      for (const key of keys) {
        expect(sorted(allowed(key, 'sqs:SendMessage').flatMap(resourcesOf))).toEqual(sorted(expected[key]));
      }
    });
  });

  describe('stream triggers', () => {
    const mappings = Object.values(template.findResources('AWS::Lambda::EventSourceMapping'));
    const [failuresId, failures] = resourceAt(synthesized, 'Triggers/StreamFailures');

    it.each(byTrigger('stream'))('%s reads the stream as its definition says', (_key, definition) => {
      if (definition.trigger.kind !== 'stream') throw new Error('not a stream trigger');
      const [functionId] = resourceAt(synthesized, `${definition.id}/Function`);
      const mapping = mappings.find((candidate) => refersTo(candidate.Properties.FunctionName, functionId));
      expect(mapping?.Properties).toEqual({
        FunctionName: { Ref: functionId },
        EventSourceArn: { 'Fn::GetAtt': [tableId, 'StreamArn'] },
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: definition.trigger.batchSize,
        FilterCriteria: {
          Filters: definition.trigger.filters.map((filter) => ({ Pattern: JSON.stringify(filter) })),
        },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: definition.trigger.retryAttempts,
        MaximumRecordAgeInSeconds: definition.trigger.maxRecordAgeSeconds,
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [failuresId, 'Arn'] } } },
      });
    });

    it('park failed batches in an encrypted queue', () => {
      expect(failures.Properties.SqsManagedSseEnabled).toBe(true);
    });
  });

  describe('queue triggers', () => {
    it.each(byTrigger('queue'))(
      '%s consumes its queue in the batches of its definition',
      (_key, definition) => {
        if (definition.trigger.kind !== 'queue') throw new Error('not a queue trigger');
        const [functionId] = resourceAt(synthesized, `${definition.id}/Function`);
        template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
          FunctionName: { Ref: functionId },
          EventSourceArn: { 'Fn::GetAtt': [queueId(definition.trigger.queue), 'Arn'] },
          BatchSize: definition.trigger.batchSize,
          ScalingConfig: { MaximumConcurrency: definition.trigger.maxConcurrency },
          FunctionResponseTypes: ['ReportBatchItemFailures'],
        });
      },
    );
  });

  describe('schedules', () => {
    it.each(byTrigger('schedule'))(
      '%s runs on its cron in the configured time zone, retried, with a DLQ',
      (_key, definition) => {
        if (definition.trigger.kind !== 'schedule') throw new Error('not a schedule');
        const [, schedule] = resourceAt(synthesized, `Triggers/${definition.id}Schedule`);
        const [functionId] = resourceAt(synthesized, `${definition.id}/Function`);
        const [deadLetterId, deadLetter] = resourceAt(
          synthesized,
          `Triggers/${definition.id}ScheduleFailures`,
        );
        expect(schedule.Properties).toMatchObject({
          ScheduleExpression: definition.trigger.cron,
          ScheduleExpressionTimezone: productionContext.timeZone,
          FlexibleTimeWindow: { Mode: 'OFF' },
          Target: {
            Arn: { 'Fn::GetAtt': [functionId, 'Arn'] },
            DeadLetterConfig: { Arn: { 'Fn::GetAtt': [deadLetterId, 'Arn'] } },
            RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
          },
        });
        expect(deadLetter.Properties.SqsManagedSseEnabled).toBe(true);
      },
    );

    it('default to Asia/Shanghai', () => {
      const defaults = synthesize({});
      const [, schedule] = resourceAt(defaults, 'Triggers/DigestSchedule');
      expect(schedule.Properties.ScheduleExpressionTimezone).toBe('Asia/Shanghai');
    });
  });
}
