/**
 * What a stage's file in infra/stages sets: the deployment's configuration, committed, so that every
 * deploy of a stage uses the same values and a forgotten `-c` flag cannot delete the SES identity or
 * send alarms nowhere. A `-c key=value` on the command line still wins, for a one-off.
 */
import type { BackupLockMode, LogLevel, SystemLogLevel } from '../config.ts';

export interface StageSettings {
  /** Staff addresses subscribed by email to the editors' alerts topic. */
  alertEmails?: readonly string[];
  /** The SES identity (a domain or an email address) the stack creates and keeps. */
  sesIdentity?: string;
  /** The From address of public email; it must belong to the identity. */
  sesFromAddress?: string;
  /** Base of every public link: the distribution's custom domain once there is one. */
  publicBaseUrl?: string;
  /** The editors' console when served from another origin; absent: same origin, no CORS. */
  consoleOrigin?: string;
  /** IANA time zone of the daily digest and of dates in messages. */
  timeZone?: string;
  /** Language of the editors' alert and digest emails: zh-CN (default) or en. */
  alertLanguage?: 'zh-CN' | 'en';
  /** ISO 3166-1 alpha-2 codes of the countries the desk sends SMS to (SMS pumping defence). */
  smsCountries?: readonly string[];
  /** Throttling of each public API route (requests per second, and burst). */
  apiRateLimit?: number;
  apiBurstLimit?: number;
  /** The functions' own per-client and per-address limits; absent: the code's defaults. */
  clientRequestsPerMinute?: number;
  subscriptionRequestsPerAddressPerHour?: number;
  /** SMS pumping defences: confirmations per hour per channel, SMS requests per number block per hour. */
  emailConfirmationsPerHour?: number;
  smsConfirmationsPerHour?: number;
  smsRequestsPerPrefixPerHour?: number;
  /** Sends per second per channel across all senders: at most the account's SES and SMS quotas. */
  emailSendsPerSecond?: number;
  smsSendsPerSecond?: number;
  /** Days a reporter's contact details are kept after their case is published or closed (default 90). */
  reporterContactDays?: number;
  /** Days a delivery record (who was sent what, by keyed hash) is kept after it is written (default 180). */
  deliveryRecordDays?: number;
  logLevel?: LogLevel;
  /** Lambda's own lines (START, REPORT, platform errors). */
  systemLogLevel?: SystemLogLevel;
  /** Days every log group keeps its lines (a CloudWatch period), or 'infinite'. */
  logRetentionDays?: number | 'infinite';
  /** The backup vault's lock: compliance cannot be undone after its 3-day grace period. */
  backupLockMode?: BackupLockMode;
  /** A backup vault in another account or region that receives a copy of every recovery point. */
  backupCopyVaultArn?: string;
  /**
   * The Parameters and Secrets extension layer (arm64) of the deployment's region, where the CDK does
   * not know it (docs/deploy.md, Secrets); absent: the CDK's own list.
   */
  secretsExtensionLayerArn?: string;
  /** The account's SNS MonthlySpendLimit for SMS in USD, as set with set-sms-attributes: alarmed at 80%. */
  smsSpendLimitUsd?: number;
  /** The From address of Cognito's invitations and codes (an address of sesIdentity; default sign-in@). */
  editorMailFrom?: string;
  /** The display name beside it. */
  editorMailFromName?: string;
  /** The hosted sign-in's own domain (e.g. sign-in.example.org) and its ACM certificate in us-east-1. */
  signInDomain?: string;
  signInCertificateArn?: string;
  /** A restored table the stack adopts instead of its own (docs/deploy.md, Restore). */
  tableName?: string;
  tableStreamArn?: string;
  /** The public edge's own domain and its ACM certificate (in us-east-1, as CloudFront requires). */
  edgeDomain?: string;
  edgeCertificateArn?: string;
  /** The web ACL the edge stack created (its WebAclArn output). */
  webAclArn?: string;
  /** Throttling of the public form posts at the API (requests per second, and burst). */
  formRateLimit?: number;
  formBurstLimit?: number;
  /** WAF rate limits per client IP and 5 minutes: form posts, and all requests. */
  formRequestsPerIp?: number;
  requestsPerIp?: number;
}

/** The context keys a stage file may set (the same names as `-c`). */
export type SettingKey = keyof StageSettings;
