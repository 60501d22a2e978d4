/**
 * Least privilege, function by function: what each one may touch beyond its own log group. Every
 * function also reads the link secret, because the shared composition root builds the signer (links,
 * cursors) before any handler runs, and reads the table; its writes are in table-access.ts.
 */
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { FunctionKey } from '../shared/resources/functions.ts';
import type { QueueKey, TopicKey } from '../shared/resources/messaging.ts';
import type { EmailSending } from './constructs/email.ts';
import {
  grantListOptedOut,
  grantPublish,
  grantSmsPublish,
  grantTableRead,
  grantTableWrites,
} from './constructs/grants.ts';
import { tableWrites } from './table-access.ts';

export interface AccessibleResources {
  table: ITableV2;
  topics: Record<TopicKey, ITopic>;
  topicKey: IKey;
  queues: Record<QueueKey, IQueue>;
  deadLetterQueues: Record<QueueKey, IQueue>;
  linkSecret: ISecret;
  /** Encrypts the webhooks' signing secrets: read by the functions that seal or open them. */
  webhookSecretsKey: ISecret;
  email: EmailSending;
}

type Grants = (role: IGrantable, resources: AccessibleResources) => void;

const access: Record<FunctionKey, Grants> = {
  publicRead: () => {},
  publicWrite: (role, { queues }) => {
    // A subscription request's confirmation (link or code) is a send job on its channel's queue.
    queues.emailSend.grantSendMessages(role);
    queues.smsSend.grantSendMessages(role);
  },
  // The editors' cases function reads and writes the table only (granted to every function).
  adminCases: () => {},
  adminSubscribers: (role, { queues }) => {
    // Imported subscribers' confirmations, on their channel's send queue.
    queues.emailSend.grantSendMessages(role);
    queues.smsSend.grantSendMessages(role);
    queues.deliveryPlan.grantSendMessages(role); // a long import's writing, as a continuation
  },
  adminSettings: (role, { queues, webhookSecretsKey }) => {
    webhookSecretsKey.grantRead(role); // seals a new webhook's secret
    queues.deliveryPlan.grantSendMessages(role); // the rest of a long erasure, as a continuation
  },
  publisher: (role, { topics, topicKey }) => {
    grantPublish(role, topics.correctionEvents, topicKey);
  },
  notifier: (role, { topics, topicKey, queues }) => {
    grantPublish(role, topics.editorAlerts, topicKey);
    // A closed case starts its continuation (closing replies, a merge's relinking) for the planner.
    queues.deliveryPlan.grantSendMessages(role);
  },
  planner: (role, { queues }) => {
    // Each job on its channel's send queue, planned no further ahead than the queue's backlog allows.
    for (const queue of [queues.emailSend, queues.smsSend]) {
      queue.grantSendMessages(role);
      queue.grant(role, 'sqs:GetQueueAttributes');
    }
    // A long audience (any continuation) runs in steps: the planner queues its own next step.
    queues.deliveryPlan.grantSendMessages(role);
  },
  // Each sender calls its channel's provider alone. It parks a job that failed for real too often in
  // its own queue's dead-letter queue itself (throttles do not count), and hands a job whose person
  // is on the other channel to that channel's queue.
  emailSender: (role, { email, queues, deadLetterQueues }) => {
    email.grantSend(role);
    deadLetterQueues.emailSend.grantSendMessages(role);
    queues.smsSend.grantSendMessages(role);
  },
  smsSender: (role, { queues, deadLetterQueues }) => {
    grantSmsPublish(role);
    deadLetterQueues.smsSend.grantSendMessages(role);
    queues.emailSend.grantSendMessages(role);
  },
  webhooks: (role, { topics, topicKey, queues, webhookSecretsKey }) => {
    webhookSecretsKey.grantRead(role); // opens a webhook's secret to sign each call
    // The event source consumes (and ChangeMessageVisibility for backoff); a fan-out queues call jobs.
    queues.webhookCalls.grantSendMessages(role);
    grantPublish(role, topics.editorAlerts, topicKey); // a disabled webhook alerts the editors
  },
  sweeper: (role, { topics, topicKey }) => {
    // It re-drives what the publisher did not finish: the same topic (and writes, in table-access.ts).
    grantPublish(role, topics.correctionEvents, topicKey);
  },
  suppressor: () => {},
  optOutCheck: (role) => grantListOptedOut(role),
  digest: (role, { topics, topicKey, queues }) => {
    grantPublish(role, topics.editorAlerts, topicKey);
    // It starts the subscribers' digests, which the planner runs as continuations.
    queues.deliveryPlan.grantSendMessages(role);
  },
};

export function grantFunctionAccess(
  key: FunctionKey,
  role: IGrantable,
  resources: AccessibleResources,
): void {
  resources.linkSecret.grantRead(role);
  grantTableRead(role, resources.table);
  grantTableWrites(role, resources.table, tableWrites[key]);
  access[key](role, resources);
}
