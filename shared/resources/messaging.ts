/**
 * The one definition of the desk's SNS topics and SQS queues, used by the CDK stack and the local
 * stack (fauxqs) alike.
 */

export const topics = {
  /** The backbone: one `correction.published` event per published version. */
  correctionEvents: { id: 'CorrectionEvents', localName: 'correction-events' },
  /** Staff only: escalation alerts and the daily digest (SNS email subscriptions are right for staff). */
  editorAlerts: { id: 'EditorAlerts', localName: 'editor-alerts' },
  /** SES's bounce and complaint events, from the configuration set's event destination. */
  emailEvents: { id: 'EmailEvents', localName: 'email-events' },
} as const;
export type TopicKey = keyof typeof topics;

export interface QueueDefinition {
  id: string;
  localName: string;
  /** At least 6× the consuming function's timeout, as AWS asks for SQS event sources. */
  visibilityTimeoutSeconds: number;
  /** Receives before the queue itself parks a message in the dead-letter queue. */
  maxReceiveCount: number;
  /** How long a parked message stays readable, for inspection and redrive. */
  deadLetterRetentionDays: number;
}

export const queues = {
  /**
   * correction.published events waiting to be turned into one message per recipient, and the steps of
   * every continuation (a big audience's next page, a merge's relinking, closing replies), all run by
   * the planner.
   */
  deliveryPlan: {
    id: 'DeliveryPlan',
    localName: 'delivery-plan',
    visibilityTimeoutSeconds: 6 * 30,
    maxReceiveCount: 5,
    deadLetterRetentionDays: 14,
  },
  /**
   * One message per recipient, waiting to be sent by email (the email sender, SES) or by SMS (the
   * SMS sender, SNS): one queue per channel, so that each channel is paced, alarmed and parked on
   * its own. Throttles and pacing bring a message back many times without anything being wrong with
   * it, so the sender parks by real failures itself; the queue's count is only a backstop (a day of
   * throttling at the longest backoff).
   */
  emailSend: {
    id: 'EmailSend',
    localName: 'email-send',
    visibilityTimeoutSeconds: 6 * 30,
    maxReceiveCount: 200,
    deadLetterRetentionDays: 14,
  },
  smsSend: {
    id: 'SmsSend',
    localName: 'sms-send',
    visibilityTimeoutSeconds: 6 * 30,
    maxReceiveCount: 200,
    deadLetterRetentionDays: 14,
  },
  /**
   * correction.published events for the body's other channels, and one call job per (event, webhook).
   * Its own queue and function: a slow or dead receiver never holds up email or SMS. Retries wait by
   * ChangeMessageVisibility (each wait is a receive), so the receive count allows a day of backoff;
   * SQS keeps a message 4 days by default, longer than the retry window.
   */
  webhookCalls: {
    id: 'WebhookCalls',
    localName: 'webhook-calls',
    visibilityTimeoutSeconds: 180,
    maxReceiveCount: 40,
    deadLetterRetentionDays: 14,
  },
  /** SES bounce and complaint events, waiting for the suppressor. */
  emailEvents: {
    id: 'EmailEventsQueue',
    localName: 'email-events',
    visibilityTimeoutSeconds: 6 * 30,
    maxReceiveCount: 5,
    deadLetterRetentionDays: 14,
  },
} as const satisfies Record<string, QueueDefinition>;
export type QueueKey = keyof typeof queues;

export const deadLetterName = (queue: QueueDefinition): string => `${queue.localName}-dlq`;

/** Each channel's send queue. */
export const sendQueues = { email: 'emailSend', sms: 'smsSend' } as const satisfies Record<
  'email' | 'sms',
  QueueKey
>;

/** SNS → SQS fan-out. Raw delivery, so the queue carries the event itself rather than an SNS envelope. */
export const topicSubscriptions = [
  {
    topic: 'correctionEvents',
    queue: 'deliveryPlan',
    rawMessageDelivery: true,
    filterPolicy: { eventType: ['correction.published'] },
  },
  {
    topic: 'correctionEvents',
    queue: 'webhookCalls',
    rawMessageDelivery: true,
    filterPolicy: { eventType: ['correction.published'] },
  },
  // SES publishes its events without message attributes: every one goes to the suppressor, which
  // decides from the event itself.
  { topic: 'emailEvents', queue: 'emailEvents', rawMessageDelivery: true },
] as const satisfies ReadonlyArray<{
  topic: TopicKey;
  queue: QueueKey;
  rawMessageDelivery: boolean;
  filterPolicy?: Record<string, string[]>;
}>;
