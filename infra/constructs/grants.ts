/**
 * The grants the functions are given, narrower than the CDK's own helpers: every index is named
 * rather than `index/*`, no function may Scan (no request path does), and the SNS key may only be
 * used through SNS.
 */
import { Aws } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { tableDefinition } from '../../shared/resources/table.ts';
import type { TableWrites } from '../table-access.ts';

export function grantTableRead(grantee: IGrantable, table: ITableV2): void {
  Grant.addToPrincipal({
    grantee,
    actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
    resourceArns: [table.tableArn],
  });
  Grant.addToPrincipal({
    grantee,
    actions: ['dynamodb:Query'],
    resourceArns: tableDefinition.indexes.map((index) => `${table.tableArn}/index/${index.name}`),
  });
}

/**
 * Writes, action by action, each only in the partitions named (`dynamodb:LeadingKeys` on the
 * partition key: every item of a batch or transaction must match). BatchWriteItem only where a
 * function says it batches (an import's new subscriptions), since IAM cannot tell its puts from its deletes.
 */
export function grantTableWrites(grantee: IGrantable, table: ITableV2, writes: TableWrites): void {
  const grant = (action: string, partitions: readonly string[]) => {
    if (partitions.length === 0) return;
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: [action],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...partitions].sort() } },
      }),
    );
  };
  grant('dynamodb:PutItem', writes.puts);
  grant('dynamodb:UpdateItem', writes.updates);
  grant('dynamodb:DeleteItem', writes.deletes);
  grant('dynamodb:BatchWriteItem', writes.batchWrites ?? []);
}

/** Publish to an encrypted topic: SNS needs a data key from the topic's key, on the publisher's behalf. */
export function grantPublish(grantee: IGrantable, topic: ITopic, key: IKey): void {
  Grant.addToPrincipal({ grantee, actions: ['sns:Publish'], resourceArns: [topic.topicArn] });
  Grant.addToPrincipal({
    grantee,
    actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
    resourceArns: [key.keyArn],
    conditions: { StringEquals: { 'kms:ViaService': `sns.${Aws.REGION}.${Aws.URL_SUFFIX}` } },
  });
}

/**
 * SMS straight to a phone number. Such a Publish has no topic ARN: IAM sees the phone number as the
 * resource. `NotResource` on every SNS ARN allows exactly that and nothing else: no topic, no
 * platform endpoint, so the sender can never publish to the desk's own topics.
 */
export function grantSmsPublish(grantee: IGrantable): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({ actions: ['sns:Publish'], notResources: [`arn:${Aws.PARTITION}:sns:*:*:*`] }),
  );
}

/** SNS's list of numbers that opted out of the account's SMS (an account-level read: no resource). */
export function grantListOptedOut(grantee: IGrantable): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({ actions: ['sns:ListPhoneNumbersOptedOut'], resources: ['*'] }),
  );
}
