/**
 * Every queue of the stack, delivery or dead-letter: encrypted at rest with SQS-managed keys and
 * reachable over TLS only. SQS-managed encryption rather than KMS because SNS, Lambda and Scheduler
 * can all write to such a queue without key policies.
 */
import { Queue, QueueEncryption, type QueueProps } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

export function secureQueue(scope: Construct, id: string, props: QueueProps = {}): Queue {
  return new Queue(scope, id, { ...props, encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true });
}
