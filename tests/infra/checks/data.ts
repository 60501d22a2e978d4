/** The table, the link secret, the topics and the queues. */
import { describe, expect, it } from 'vitest';
import { functionDefinitions } from '../../../shared/resources/functions.ts';
import { queues, topicSubscriptions, topics } from '../../../shared/resources/messaging.ts';
import { createTableInput, tableDefinition } from '../../../shared/resources/table.ts';
import { env } from '../../../shared/runtime/config.ts';
import {
  type Json,
  productionContext,
  refersTo,
  resourceAt,
  type Synthesized,
  synthesize,
} from '../synth.ts';

export function checkData(synthesized: Synthesized): void {
  const { template } = synthesized;
  const day = 24 * 60 * 60;

  const sslOnly = expect.objectContaining({
    Effect: 'Deny',
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  });

  describe('the table', () => {
    const [tableId, table] = resourceAt(synthesized, 'Data/Table');

    it('has the keys and indexes of the shared definition', () => {
      expect(table.Properties.KeySchema).toEqual([
        { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
      ]);
      expect(table.Properties.GlobalSecondaryIndexes).toEqual(
        tableDefinition.indexes.map((index) => ({
          IndexName: index.name,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: createTableInput('local').GlobalSecondaryIndexes?.find(
            (gsi) => gsi.IndexName === index.name,
          )?.Projection,
        })),
      );
    });

    it('projects into each index only what its queries read: keys, and the followers on gsi4', () => {
      const projections = Object.fromEntries(
        (table.Properties.GlobalSecondaryIndexes as Array<{ IndexName: string; Projection: unknown }>).map(
          (gsi) => [gsi.IndexName, gsi.Projection],
        ),
      );
      expect(projections).toEqual({
        gsi1: { ProjectionType: 'KEYS_ONLY' },
        gsi2: { ProjectionType: 'KEYS_ONLY' },
        gsi3: { ProjectionType: 'KEYS_ONLY' },
        gsi4: {
          ProjectionType: 'INCLUDE',
          NonKeyAttributes: expect.arrayContaining([
            'id',
            'channel',
            'address',
            'status',
            'topics',
            'language',
          ]),
        },
        gsi5: { ProjectionType: 'KEYS_ONLY' },
      });
      // A follow item's confirmation secrets never reach an index.
      expect(projections.gsi4).not.toMatchObject({
        NonKeyAttributes: expect.arrayContaining(['confirmation']),
      });
    });

    it('is on-demand, streams new and old images, and expires short-lived items', () => {
      expect(table.Properties).toMatchObject({
        BillingMode: 'PAY_PER_REQUEST',
        StreamSpecification: { StreamViewType: tableDefinition.streamView },
        TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
      });
    });

    it('is recoverable to any point in time, protected from deletion, and retained with the stack gone', () => {
      expect(table.Properties.Replicas).toEqual([
        expect.objectContaining({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: true,
        }),
      ]);
      expect(table.DeletionPolicy).toBe('Retain');
      expect(table.UpdateReplacePolicy).toBe('Retain');
    });

    it('is the table every function is told about', () => {
      for (const fn of Object.values(template.findResources('AWS::Lambda::Function'))) {
        expect(fn.Properties.Environment.Variables[env.tableName]).toEqual({ Ref: tableId });
      }
    });

    it('can be swapped for a restored table, which the functions and stream consumers then use', () => {
      const streamArn =
        'arn:aws:dynamodb:eu-central-1:111122223333:table/desk-restored/stream/2026-11-20T00:00:00.000';
      const adopted = synthesize({
        ...productionContext,
        tableName: 'desk-restored',
        tableStreamArn: streamArn,
      });
      adopted.template.resourceCountIs('AWS::DynamoDB::GlobalTable', 0);
      for (const fn of Object.values(adopted.template.findResources('AWS::Lambda::Function'))) {
        expect(fn.Properties.Environment.Variables[env.tableName]).toBe('desk-restored');
      }
      const streamSources = Object.values(
        adopted.template.findResources('AWS::Lambda::EventSourceMapping'),
      ).filter((mapping) => mapping.Properties.StartingPosition);
      expect(streamSources.map((mapping) => mapping.Properties.EventSourceArn)).toEqual([
        streamArn,
        streamArn,
      ]);
    });
  });

  describe('the link secret', () => {
    const [secretId, secret] = resourceAt(synthesized, 'LinkSecret');

    it('is generated, never typed in, and outlives the stack', () => {
      expect(secret.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 64 });
      expect(secret.DeletionPolicy).toBe('Retain');
    });

    it('is named to every function, which may read it', () => {
      for (const fn of Object.values(template.findResources('AWS::Lambda::Function'))) {
        expect(fn.Properties.Environment.Variables[env.linkSecretArn]).toEqual({ Ref: secretId });
      }
    });
  });

  describe('the topics', () => {
    const topicResources = template.findResources('AWS::SNS::Topic');
    const policies = Object.values(template.findResources('AWS::SNS::TopicPolicy'));
    const [keyId, key] = resourceAt(synthesized, 'Messaging/TopicKey');

    it('are the ones of the shared definition, encrypted with a rotating customer-managed key', () => {
      expect(Object.keys(topicResources)).toHaveLength(Object.keys(topics).length);
      for (const definition of Object.values(topics)) {
        const [, topic] = resourceAt(synthesized, `Messaging/${definition.id}`);
        expect(topic.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
      }
      expect(key.Properties.EnableKeyRotation).toBe(true);
    });

    it('refuse publishers that do not use TLS', () => {
      for (const topicId of Object.keys(topicResources)) {
        const policy = policies.find((candidate) => refersTo(candidate.Properties.Topics, topicId));
        expect(policy?.Properties.PolicyDocument.Statement).toContainEqual(sslOnly);
      }
    });

    it('subscribes every alert address by email to the editors’ alerts', () => {
      const [alertsId] = resourceAt(synthesized, `Messaging/${topics.editorAlerts.id}`);
      const emails = Object.values(template.findResources('AWS::SNS::Subscription'))
        .filter((subscription) => subscription.Properties.Protocol === 'email')
        .map((subscription) => {
          expect(subscription.Properties.TopicArn).toEqual({ Ref: alertsId });
          return subscription.Properties.Endpoint;
        });
      expect(emails).toEqual(productionContext.alertEmails.split(',').map((email) => email.trim()));
    });
  });

  describe('the queues', () => {
    it.each(Object.entries(queues))(
      '%s has its visibility timeout and a dead-letter queue',
      (_key, definition) => {
        const [, main] = resourceAt(synthesized, `Messaging/${definition.id}`);
        const [deadLetterId, deadLetter] = resourceAt(synthesized, `Messaging/${definition.id}DeadLetters`);
        expect(main.Properties).toMatchObject({
          VisibilityTimeout: definition.visibilityTimeoutSeconds,
          RedrivePolicy: {
            deadLetterTargetArn: { 'Fn::GetAtt': [deadLetterId, 'Arn'] },
            maxReceiveCount: definition.maxReceiveCount,
          },
        });
        expect(deadLetter.Properties.MessageRetentionPeriod).toBe(definition.deadLetterRetentionDays * day);
      },
    );

    it('are all encrypted at rest and reachable over TLS only, dead-letter queues included', () => {
      const all = template.findResources('AWS::SQS::Queue');
      const policies = Object.values(template.findResources('AWS::SQS::QueuePolicy'));
      // Each queue and its dead-letter queue, the stream failures, and each schedule's dead letters.
      const schedules = Object.values(functionDefinitions).filter(
        (definition) => definition.trigger.kind === 'schedule',
      ).length;
      expect(Object.keys(all)).toHaveLength(Object.keys(queues).length * 2 + 1 + schedules);
      for (const [queueId, each] of Object.entries(all)) {
        expect(each.Properties.SqsManagedSseEnabled).toBe(true);
        const policy = policies.find((candidate) => refersTo(candidate.Properties.Queues, queueId));
        expect(policy?.Properties.PolicyDocument.Statement).toContainEqual(sslOnly);
      }
    });

    it('receive the events of their topic raw, filtered as the definition says', () => {
      for (const subscription of topicSubscriptions) {
        const [topicId] = resourceAt(synthesized, `Messaging/${topics[subscription.topic].id}`);
        const [queueId] = resourceAt(synthesized, `Messaging/${queues[subscription.queue].id}`);
        template.hasResourceProperties('AWS::SNS::Subscription', {
          Protocol: 'sqs',
          TopicArn: { Ref: topicId },
          Endpoint: { 'Fn::GetAtt': [queueId, 'Arn'] },
          RawMessageDelivery: subscription.rawMessageDelivery,
          ...('filterPolicy' in subscription ? { FilterPolicy: subscription.filterPolicy as Json } : {}),
        });
      }
    });
  });
}
