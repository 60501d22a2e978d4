/**
 * Everything a function reads from its environment, read once. The CDK stack and the local stack set
 * the same variables; nothing else in the code reads process.env.
 */
import { type Language, languages, type Severity } from '../domain/case.ts';
import { defaultSeverityPolicy, type SeverityPolicy } from '../domain/severity.ts';

export interface Config {
  stage: string;
  tableName: string;
  correctionEventsTopicArn: string;
  editorAlertsTopicArn: string;
  deliveryPlanQueueUrl: string;
  emailSendQueueUrl: string;
  smsSendQueueUrl: string;
  webhookCallsQueueUrl: string;
  emailEventsTopicArn: string;
  emailEventsQueueUrl: string;
  /** Base of every public link (permalinks, confirmation and unsubscribe links), without a trailing slash. */
  publicBaseUrl: string;
  /** The body that publishes the corrections, as the pages, feeds and messages name it. */
  publisherName: Record<Language, string>;
  /** The alphanumeric sender ID SMS show where the country allows one (3 to 11 letters and digits). */
  smsSenderId?: string;
  /** Deployed: the ARN of the secret that signs links and cursors. */
  linkSecretArn?: string;
  /** Local only: the secret itself. */
  linkSecret?: string;
  /** Deployed: the header value that proves a request came through the CloudFront edge. */
  originSecret?: string;
  /** Which adapter sends email and SMS (shared/runtime/senders.ts). */
  emailTransport: (typeof emailTransports)[number];
  smsTransport: (typeof smsTransports)[number];
  /** The relay of the smtp transport: smtp://host:port or smtps://user:password@host:465. */
  smtpUrl?: string;
  outboxFile?: string;
  sesFromAddress: string;
  sesConfigurationSet?: string;
  timeZone: string;
  /** The language of the editors' alert and digest emails (zh-CN or en). */
  alertLanguage: Language;
  defaultTopic: string;
  severityPolicy: SeverityPolicy;
  /** Public writes per client address per minute. */
  clientRequestsPerMinute: number;
  /** Subscription requests per email address or phone number per hour. */
  subscriptionRequestsPerAddressPerHour: number;
  /** ISO 3166-1 alpha-2 codes of the countries the desk sends SMS to (the deployment's own by default). */
  smsCountries: string[];
  /**
   * Confirmation messages (email links, SMS codes) the whole desk sends per hour, per channel: what
   * a flood of junk subscriptions can cost at most. Past it, new requests get 429; corrections to
   * confirmed subscribers are not counted and still go out.
   */
  confirmationsPerHour: { email: number; sms: number };
  /** SMS subscription requests per hour to one block of 10,000 numbers (all but the last 4 digits). */
  smsRequestsPerPrefixPerHour: number;
  /** Days an unsubscribed address is kept before it is erased. */
  unsubscribedRetentionDays: number;
  /** Days a reporter's contact details are kept after their case is published or closed. */
  reporterContactDays: number;
  /** Days a delivery record is kept after it is written (its counters stay). */
  deliveryRecordDays: number;
  /**
   * Sends per second across all senders, per channel: at most the account's quotas (SES MaxSendRate,
   * the SNS SMS messages-per-second quota). Defaults: SES's usual starting production rate and SNS's
   * usual SMS rate; docs/deploy.md says how to read and raise yours.
   */
  emailSendsPerSecond: number;
  smsSendsPerSecond: number;
  /** How the editors' console signs in: a picked dev identity (local stack) or Cognito's hosted UI. */
  consoleSignIn: 'dev' | 'cognito';
  /** The user pool domain of the hosted UI, e.g. https://desk.auth.eu-central-1.amazoncognito.com. */
  cognitoDomainUrl?: string;
  /** The console's app client (public, no secret: authorization code flow with PKCE). */
  cognitoClientId?: string;
  /** Deployed: the ARN of the secret whose value encrypts webhook signing secrets (locally, the link secret). */
  webhookSecretsKeyArn?: string;
  /** Local stack only: webhooks may be http(s)://127.0.0.1 or localhost, so tests can receive. */
  webhookLocalReceivers: boolean;
  /** Webhook retries: first wait, longest wait, and how long an event is retried before it counts as failed. */
  webhookRetryBaseSeconds: number;
  webhookRetryMaxDelaySeconds: number;
  webhookRetryWindowSeconds: number;
}

/**
 * The variables, by name, so the stacks that set them and the code that reads them agree. An enum,
 * so the bundler writes each name where it is read and a function carries only those it reads.
 */
export enum env {
  stage = 'STAGE',
  tableName = 'TABLE_NAME',
  correctionEventsTopicArn = 'CORRECTION_EVENTS_TOPIC_ARN',
  editorAlertsTopicArn = 'EDITOR_ALERTS_TOPIC_ARN',
  deliveryPlanQueueUrl = 'DELIVERY_PLAN_QUEUE_URL',
  emailSendQueueUrl = 'EMAIL_SEND_QUEUE_URL',
  smsSendQueueUrl = 'SMS_SEND_QUEUE_URL',
  webhookCallsQueueUrl = 'WEBHOOK_CALLS_QUEUE_URL',
  emailEventsTopicArn = 'EMAIL_EVENTS_TOPIC_ARN',
  emailEventsQueueUrl = 'EMAIL_EVENTS_QUEUE_URL',
  publicBaseUrl = 'PUBLIC_BASE_URL',
  publisherNameZh = 'PUBLISHER_NAME_ZH',
  publisherNameEn = 'PUBLISHER_NAME_EN',
  smsSenderId = 'SMS_SENDER_ID',
  linkSecretArn = 'LINK_SECRET_ARN',
  linkSecret = 'LINK_SECRET',
  originSecret = 'ORIGIN_SECRET',
  emailTransport = 'EMAIL_TRANSPORT',
  smsTransport = 'SMS_TRANSPORT',
  outboxFile = 'OUTBOX_FILE',
  smtpUrl = 'SMTP_URL',
  sesFromAddress = 'SES_FROM_ADDRESS',
  sesConfigurationSet = 'SES_CONFIGURATION_SET',
  timeZone = 'TIME_ZONE',
  alertLanguage = 'ALERT_LANGUAGE',
  defaultTopic = 'DEFAULT_TOPIC',
  severityDueMinutes = 'SEVERITY_DUE_MINUTES',
  clientRequestsPerMinute = 'CLIENT_REQUESTS_PER_MINUTE',
  subscriptionRequestsPerAddressPerHour = 'SUBSCRIPTION_REQUESTS_PER_ADDRESS_PER_HOUR',
  smsCountries = 'SMS_COUNTRIES',
  emailConfirmationsPerHour = 'EMAIL_CONFIRMATIONS_PER_HOUR',
  smsConfirmationsPerHour = 'SMS_CONFIRMATIONS_PER_HOUR',
  smsRequestsPerPrefixPerHour = 'SMS_REQUESTS_PER_PREFIX_PER_HOUR',
  unsubscribedRetentionDays = 'UNSUBSCRIBED_RETENTION_DAYS',
  reporterContactDays = 'REPORTER_CONTACT_DAYS',
  deliveryRecordDays = 'DELIVERY_RECORD_DAYS',
  emailSendsPerSecond = 'EMAIL_SENDS_PER_SECOND',
  smsSendsPerSecond = 'SMS_SENDS_PER_SECOND',
  consoleSignIn = 'CONSOLE_SIGN_IN',
  cognitoDomainUrl = 'COGNITO_DOMAIN_URL',
  cognitoClientId = 'COGNITO_CLIENT_ID',
  webhookSecretsKeyArn = 'WEBHOOK_SECRETS_KEY_ARN',
  webhookLocalReceivers = 'WEBHOOK_LOCAL_RECEIVERS',
  webhookRetryBaseSeconds = 'WEBHOOK_RETRY_BASE_SECONDS',
  webhookRetryMaxDelaySeconds = 'WEBHOOK_RETRY_MAX_DELAY_SECONDS',
  webhookRetryWindowSeconds = 'WEBHOOK_RETRY_WINDOW_SECONDS',
}

/** SES's usual starting production rate and SNS's usual SMS rate (docs/deploy.md: read and raise yours). */
export const defaultSendsPerSecond = { email: 14, sms: 20 } as const;

export const emailTransports = ['ses', 'smtp', 'outbox'] as const;
export const smsTransports = ['sns', 'outbox'] as const;

/** A choice among `allowed` (the first when unset); anything else is a configuration error. */
function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T {
  if (value === undefined) return allowed[0] as T;
  if (!allowed.includes(value as T))
    throw new Error(`${name} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

function number(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`Expected a positive number, got "${value}"`);
  return parsed;
}

/** `critical=120,high=1440` overrides the review deadlines (minutes) of those severities. */
function severities(value: string | undefined): SeverityPolicy {
  const dueMinutes = { ...defaultSeverityPolicy.dueMinutes };
  for (const pair of (value ?? '').split(',').filter(Boolean)) {
    const [severity, minutes] = pair.split('=');
    if (!severity || !(severity in dueMinutes)) throw new Error(`Unknown severity in "${pair}"`);
    dueMinutes[severity as Severity] = number(minutes, Number.NaN);
  }
  return { ...defaultSeverityPolicy, dueMinutes };
}

function senderId(value: string | undefined): string | undefined {
  if (value !== undefined && !/^(?=.*[a-zA-Z])[a-zA-Z0-9]{3,11}$/.test(value))
    throw new Error(`Expected an SMS sender ID of 3 to 11 letters and digits, got "${value}"`);
  return value;
}

/** A variable's value in the environment; undefined when it is unset or empty. */
export type Get = (name: string) => string | undefined;

/**
 * How one setting is read. Each is a binding of its own, so a function that reads only some
 * settings (readSettings) bundles only their readers; readConfig reads them all.
 */
export type Reader<K extends keyof Config> = (get: Get) => Config[K];

export const stage: Reader<'stage'> = (get) => get(env.stage) ?? 'local';
export const tableName: Reader<'tableName'> = (get) => get(env.tableName) ?? 'corrections-desk';
export const correctionEventsTopicArn: Reader<'correctionEventsTopicArn'> = (get) =>
  get(env.correctionEventsTopicArn) ?? '';
export const editorAlertsTopicArn: Reader<'editorAlertsTopicArn'> = (get) =>
  get(env.editorAlertsTopicArn) ?? '';
export const deliveryPlanQueueUrl: Reader<'deliveryPlanQueueUrl'> = (get) =>
  get(env.deliveryPlanQueueUrl) ?? '';
export const emailSendQueueUrl: Reader<'emailSendQueueUrl'> = (get) => get(env.emailSendQueueUrl) ?? '';
export const smsSendQueueUrl: Reader<'smsSendQueueUrl'> = (get) => get(env.smsSendQueueUrl) ?? '';
export const webhookCallsQueueUrl: Reader<'webhookCallsQueueUrl'> = (get) =>
  get(env.webhookCallsQueueUrl) ?? '';
export const emailEventsTopicArn: Reader<'emailEventsTopicArn'> = (get) => get(env.emailEventsTopicArn) ?? '';
export const emailEventsQueueUrl: Reader<'emailEventsQueueUrl'> = (get) => get(env.emailEventsQueueUrl) ?? '';
export const publicBaseUrl: Reader<'publicBaseUrl'> = (get) =>
  (get(env.publicBaseUrl) ?? 'http://localhost:3000').replace(/\/+$/, '');
export const publisherName: Reader<'publisherName'> = (get) => ({
  'zh-CN': get(env.publisherNameZh) ?? '更正服务台',
  en: get(env.publisherNameEn) ?? 'Corrections desk',
});
export const smsSenderId: Reader<'smsSenderId'> = (get) => senderId(get(env.smsSenderId));
export const linkSecretArn: Reader<'linkSecretArn'> = (get) => get(env.linkSecretArn);
export const linkSecret: Reader<'linkSecret'> = (get) => get(env.linkSecret);
export const originSecret: Reader<'originSecret'> = (get) => get(env.originSecret);
export const emailTransport: Reader<'emailTransport'> = (get) =>
  oneOf(env.emailTransport, get(env.emailTransport), emailTransports);
export const smsTransport: Reader<'smsTransport'> = (get) =>
  oneOf(env.smsTransport, get(env.smsTransport), smsTransports);
export const smtpUrl: Reader<'smtpUrl'> = (get) => get(env.smtpUrl);
export const outboxFile: Reader<'outboxFile'> = (get) => get(env.outboxFile);
export const sesFromAddress: Reader<'sesFromAddress'> = (get) =>
  get(env.sesFromAddress) ?? 'corrections@example.org';
export const sesConfigurationSet: Reader<'sesConfigurationSet'> = (get) => get(env.sesConfigurationSet);
export const timeZone: Reader<'timeZone'> = (get) => get(env.timeZone) ?? 'Asia/Shanghai';
export const alertLanguage: Reader<'alertLanguage'> = (get) =>
  oneOf(env.alertLanguage, get(env.alertLanguage), languages);
export const defaultTopic: Reader<'defaultTopic'> = (get) => get(env.defaultTopic) ?? 'public-information';
export const severityPolicy: Reader<'severityPolicy'> = (get) => severities(get(env.severityDueMinutes));
export const clientRequestsPerMinute: Reader<'clientRequestsPerMinute'> = (get) =>
  number(get(env.clientRequestsPerMinute), 1200);
export const subscriptionRequestsPerAddressPerHour: Reader<'subscriptionRequestsPerAddressPerHour'> = (get) =>
  number(get(env.subscriptionRequestsPerAddressPerHour), 20);
export const smsCountries: Reader<'smsCountries'> = (get) =>
  (get(env.smsCountries) ?? 'CN')
    .split(',')
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);
export const confirmationsPerHour: Reader<'confirmationsPerHour'> = (get) => ({
  email: number(get(env.emailConfirmationsPerHour), 1000),
  sms: number(get(env.smsConfirmationsPerHour), 100),
});
export const smsRequestsPerPrefixPerHour: Reader<'smsRequestsPerPrefixPerHour'> = (get) =>
  number(get(env.smsRequestsPerPrefixPerHour), 30);
export const unsubscribedRetentionDays: Reader<'unsubscribedRetentionDays'> = (get) =>
  number(get(env.unsubscribedRetentionDays), 30);
export const reporterContactDays: Reader<'reporterContactDays'> = (get) =>
  number(get(env.reporterContactDays), 90);
export const deliveryRecordDays: Reader<'deliveryRecordDays'> = (get) =>
  number(get(env.deliveryRecordDays), 180);
export const emailSendsPerSecond: Reader<'emailSendsPerSecond'> = (get) =>
  number(get(env.emailSendsPerSecond), defaultSendsPerSecond.email);
export const smsSendsPerSecond: Reader<'smsSendsPerSecond'> = (get) =>
  number(get(env.smsSendsPerSecond), defaultSendsPerSecond.sms);
export const consoleSignIn: Reader<'consoleSignIn'> = (get) =>
  get(env.consoleSignIn) === 'cognito' ? 'cognito' : 'dev';
export const cognitoDomainUrl: Reader<'cognitoDomainUrl'> = (get) =>
  get(env.cognitoDomainUrl)?.replace(/\/+$/, '');
export const cognitoClientId: Reader<'cognitoClientId'> = (get) => get(env.cognitoClientId);
export const webhookSecretsKeyArn: Reader<'webhookSecretsKeyArn'> = (get) => get(env.webhookSecretsKeyArn);
export const webhookLocalReceivers: Reader<'webhookLocalReceivers'> = (get) =>
  get(env.webhookLocalReceivers) === 'true';
// Deployed: 30 s doubling to 12 h, for 25 h (at least a day, as the contract asks).
export const webhookRetryBaseSeconds: Reader<'webhookRetryBaseSeconds'> = (get) =>
  number(get(env.webhookRetryBaseSeconds), 30);
export const webhookRetryMaxDelaySeconds: Reader<'webhookRetryMaxDelaySeconds'> = (get) =>
  number(get(env.webhookRetryMaxDelaySeconds), 12 * 60 * 60);
export const webhookRetryWindowSeconds: Reader<'webhookRetryWindowSeconds'> = (get) =>
  number(get(env.webhookRetryWindowSeconds), 25 * 60 * 60);

/** Every setting's reader. */
export const everySetting: Readers<keyof Config> = {
  stage,
  tableName,
  correctionEventsTopicArn,
  editorAlertsTopicArn,
  deliveryPlanQueueUrl,
  emailSendQueueUrl,
  smsSendQueueUrl,
  webhookCallsQueueUrl,
  emailEventsTopicArn,
  emailEventsQueueUrl,
  publicBaseUrl,
  publisherName,
  smsSenderId,
  linkSecretArn,
  linkSecret,
  originSecret,
  emailTransport,
  smsTransport,
  smtpUrl,
  outboxFile,
  sesFromAddress,
  sesConfigurationSet,
  timeZone,
  alertLanguage,
  defaultTopic,
  severityPolicy,
  clientRequestsPerMinute,
  subscriptionRequestsPerAddressPerHour,
  smsCountries,
  confirmationsPerHour,
  smsRequestsPerPrefixPerHour,
  unsubscribedRetentionDays,
  reporterContactDays,
  deliveryRecordDays,
  emailSendsPerSecond,
  smsSendsPerSecond,
  consoleSignIn,
  cognitoDomainUrl,
  cognitoClientId,
  webhookSecretsKeyArn,
  webhookLocalReceivers,
  webhookRetryBaseSeconds,
  webhookRetryMaxDelaySeconds,
  webhookRetryWindowSeconds,
};

/** Readers of some settings, by setting. */
export type Readers<K extends keyof Config> = { [S in K]: Reader<S> };

/** The settings these readers read, and those alone. */
export function readSettings<K extends keyof Config>(
  readers: Readers<K>,
  source: NodeJS.ProcessEnv = process.env,
): Pick<Config, K> {
  const get: Get = (name) => source[name] || undefined;
  const settings: Partial<Pick<Config, K>> = {};
  for (const key of Object.keys(readers) as K[]) settings[key] = readers[key](get);
  return settings as Pick<Config, K>;
}

export const readConfig = (source: NodeJS.ProcessEnv = process.env): Config =>
  readSettings(everySetting, source);
