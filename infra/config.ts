/**
 * The deployment's configuration: the stage's committed settings (infra/stages/<stage>.ts), with any
 * `-c key=value` on top, checked and read once. The `dev` stage requires nothing, so `npm run synth`
 * works with no flags, no account and no network; other stages must pass the stage guard
 * (infra/stages/required.ts).
 */
import type { Node } from 'constructs';
import { stages } from './stages/index.ts';
import { checkRequiredSettings } from './stages/required.ts';
import type { SettingKey, StageSettings } from './stages/settings.ts';

export const logLevels = ['DEBUG', 'INFO', 'WARN', 'ERROR'] as const;
export type LogLevel = (typeof logLevels)[number];
/** Lambda's own lines (START, END, REPORT, platform errors) take only these levels. */
export const systemLogLevels = ['DEBUG', 'INFO', 'WARN'] as const;
export type SystemLogLevel = (typeof systemLogLevels)[number];
/** The retention periods CloudWatch Logs accepts, in days; 9999 keeps logs forever. */
export const logRetentionChoices = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
  9999,
] as const;
/** governance: users with a specific IAM permission may still remove the vault lock; compliance: no one. */
export const backupLockModes = ['governance', 'compliance'] as const;
export type BackupLockMode = (typeof backupLockModes)[number];

/** Six months: the PRC Cybersecurity Law's minimum for network logs (docs/regions.md). */
export const defaultLogRetentionDays = 180;

export interface DeskConfig {
  /** Names the stack and the resources that need a readable name; one deployment per stage. */
  stage: string;
  /** Staff addresses subscribed by email to the editors' alerts topic. */
  alertEmails: string[];
  /** The SES identity (a domain or an email address) the stack creates; absent: verified out of band. */
  sesIdentity?: string;
  sesFromAddress: string;
  /** Base of every public link; absent: the HTTP API's own URL. */
  publicBaseUrl?: string;
  /** The editors' console when served from another origin; absent: same origin, so no CORS at all. */
  consoleOrigin?: string;
  /** The body that publishes the corrections, named on the pages, in feeds and in messages. */
  publisherName: { zh: string; en: string };
  /** SMS sender ID (3 to 11 letters and digits) where the destination country supports one. */
  smsSenderId?: string;
  /** IANA time zone of the daily digest and of dates the functions render. */
  timeZone: string;
  /** Language of the editors' alert and digest emails. */
  alertLanguage: 'zh-CN' | 'en';
  /** ISO 3166-1 alpha-2 codes of the countries SMS may be sent to. */
  smsCountries: string[];
  /** Stage throttling of the public routes (requests per second, and burst). */
  apiRateLimit: number;
  apiBurstLimit: number;
  /** The functions' own per-client and per-address limits; absent: the code's defaults. */
  clientRequestsPerMinute?: number;
  subscriptionRequestsPerAddressPerHour?: number;
  /** SMS pumping defences (docs/deploy.md): confirmations per hour per channel, SMS requests per number block. */
  emailConfirmationsPerHour?: number;
  smsConfirmationsPerHour?: number;
  smsRequestsPerPrefixPerHour?: number;
  /** Sends per second per channel, at most the account's SES and SMS quotas; absent: the code's defaults. */
  emailSendsPerSecond?: number;
  smsSendsPerSecond?: number;
  /** Retention: a reporter's contact details after the case is published or closed, a delivery record after it is written. */
  reporterContactDays: number;
  deliveryRecordDays: number;
  /** The functions' own log lines below this level are dropped by Lambda (and by Powertools). */
  logLevel: LogLevel;
  systemLogLevel: SystemLogLevel;
  /** Days every log group (functions, API access logs) keeps its lines. */
  logRetentionDays: number;
  /** The backup vault's lock (docs/runbooks/restore.md). */
  backupLockMode: BackupLockMode;
  /** A vault in another account or region that receives a copy of every recovery point. */
  backupCopyVaultArn?: string;
  /** The Parameters and Secrets extension's arm64 layer in the region; absent: the CDK's list by region. */
  secretsExtensionLayerArn?: string;
  /** The account's SNS MonthlySpendLimit for SMS (USD): an alarm fires at 80% of it. */
  smsSpendLimitUsd?: number;
  /** Cognito's invitations and codes through SES from this address; absent: Cognito's own sender (dev). */
  editorMail?: { fromAddress: string; fromName: string; verifiedDomain?: string };
  /** The hosted sign-in on the desk's own domain, with an ACM certificate in us-east-1. */
  signInDomain?: { name: string; certificateArn: string };
  /** A table restored from a backup that the stack adopts instead of its own (see docs/deploy.md). */
  adoptedTable?: { name: string; streamArn: string };
  /** The public edge (CloudFront): its own domain and certificate, and the WAF web ACL it carries. */
  edge: EdgeConfig;
}

export interface EdgeConfig {
  /** The distribution's domain with its ACM certificate (us-east-1); absent: *.cloudfront.net. */
  domain?: { name: string; certificateArn: string };
  /** The web ACL of the edge stack (scope CLOUDFRONT, us-east-1); absent only in dev. */
  webAclArn?: string;
  /** Throttling of the public form posts at the API (requests per second, and burst). */
  formRateLimit: number;
  formBurstLimit: number;
  /** WAF: per client IP and 5 minutes, form posts, and requests of any kind (one-click unsubscribe aside). */
  formRequestsPerIp: number;
  requestsPerIp: number;
}

const usEast1Certificate = /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/;
const emailPattern = /^[^\s@]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
const domainPattern = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

export function readConfig(
  node: Node,
  committed: Readonly<Record<string, StageSettings>> = stages,
  /** Off only for the edge stack, which is deployed first and needs no more than the stage's limits. */
  options: { guard: boolean } = { guard: true },
): DeskConfig {
  const stage = String(node.tryGetContext('stage') ?? 'dev').trim() || 'dev';
  if (!/^[a-z][a-z0-9-]{0,19}$/.test(stage)) {
    throw new Error(`Context "stage": expected lower-case letters, digits and dashes, got "${stage}"`);
  }
  const settings = committed[stage];
  if (!settings) {
    throw new Error(
      `No settings for stage "${stage}": add infra/stages/${stage}.ts and list it in infra/stages/index.ts ` +
        `(known stages: ${Object.keys(committed).join(', ')})`,
    );
  }
  // A `-c` value wins over the committed one.
  const setting = (key: SettingKey | string) =>
    node.tryGetContext(key) ?? (settings as Record<string, unknown>)[key];
  if (options.guard) checkRequiredSettings(stage, setting);

  const text = (key: string): string | undefined => {
    const value = setting(key);
    if (value === undefined || value === null) return undefined;
    const trimmed = String(value).trim();
    return trimmed === '' ? undefined : trimmed;
  };
  const fail = (key: string, expected: string, value: unknown): never => {
    throw new Error(`Context "${key}": expected ${expected}, got ${JSON.stringify(value)}`);
  };
  const positive = (key: string): number | undefined => {
    const value = text(key);
    if (value === undefined) return undefined;
    const parsed = Number(value);
    return Number.isFinite(parsed) && parsed > 0 ? parsed : fail(key, 'a positive number', value);
  };
  const httpsUrl = (key: string): string | undefined => {
    const value = text(key)?.replace(/\/+$/, '');
    if (value === undefined) return undefined;
    const url = URL.canParse(value) ? new URL(value) : undefined;
    return url?.protocol === 'https:' && !url.search && !url.hash ? value : fail(key, 'an https URL', value);
  };

  // A comma-separated string from `-c`, or a list from a stage file or cdk.json.
  const list = (key: string): string[] => {
    const value = setting(key);
    return (Array.isArray(value) ? value : String(value ?? '').split(','))
      .map((item) => String(item).trim())
      .filter(Boolean);
  };
  const alertEmails = list('alertEmails');
  for (const email of alertEmails)
    if (!emailPattern.test(email)) fail('alertEmails', 'email addresses', email);

  const sesIdentity = text('sesIdentity');
  const identityIsEmail = sesIdentity?.includes('@') ?? false;
  if (sesIdentity !== undefined && !(identityIsEmail ? emailPattern : domainPattern).test(sesIdentity)) {
    fail('sesIdentity', 'a domain or an email address', sesIdentity);
  }
  const sesFromAddress =
    text('sesFromAddress') ??
    (sesIdentity?.includes('@') ? sesIdentity : `corrections@${sesIdentity ?? 'example.org'}`);
  if (!emailPattern.test(sesFromAddress)) fail('sesFromAddress', 'an email address', sesFromAddress);
  // SES only sends from a verified identity: catch a mismatch at synth rather than at the first send.
  if (sesIdentity !== undefined) {
    const fromDomain = sesFromAddress.split('@')[1] ?? '';
    const covered = identityIsEmail
      ? sesFromAddress.toLowerCase() === sesIdentity.toLowerCase()
      : fromDomain === sesIdentity || fromDomain.endsWith(`.${sesIdentity}`);
    if (!covered) fail('sesFromAddress', `an address of the SES identity ${sesIdentity}`, sesFromAddress);
  }

  const consoleOrigin = httpsUrl('consoleOrigin');
  if (consoleOrigin !== undefined && new URL(consoleOrigin).origin !== consoleOrigin) {
    fail('consoleOrigin', 'an origin (scheme and host, no path)', consoleOrigin);
  }

  const timeZone = text('timeZone') ?? 'Asia/Shanghai';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    fail('timeZone', 'an IANA time zone such as Asia/Shanghai', timeZone);
  }

  const alertLanguage = text('alertLanguage') ?? 'zh-CN';
  if (alertLanguage !== 'zh-CN' && alertLanguage !== 'en')
    return fail('alertLanguage', 'zh-CN or en', alertLanguage);

  const smsCountries = list('smsCountries').map((code) => code.toUpperCase());
  for (const code of smsCountries)
    if (!/^[A-Z]{2}$/.test(code)) fail('smsCountries', 'ISO 3166-1 alpha-2 country codes such as CN', code);
  const smsSenderId = text('smsSenderId');
  if (smsSenderId !== undefined && !/^(?=.*[a-zA-Z])[a-zA-Z0-9]{3,11}$/.test(smsSenderId)) {
    fail('smsSenderId', '3 to 11 letters and digits, at least one a letter', smsSenderId);
  }

  const logLevel = (text('logLevel') ?? 'INFO').toUpperCase();
  if (!logLevels.includes(logLevel as LogLevel)) fail('logLevel', logLevels.join(' | '), logLevel);

  const systemLogLevel = (text('systemLogLevel') ?? 'WARN').toUpperCase();
  if (!systemLogLevels.includes(systemLogLevel as SystemLogLevel))
    fail('systemLogLevel', systemLogLevels.join(' | '), systemLogLevel);

  const retentionText = text('logRetentionDays');
  const logRetentionDays =
    retentionText === undefined
      ? defaultLogRetentionDays
      : retentionText.toLowerCase() === 'infinite'
        ? 9999
        : Number(retentionText);
  if (!(logRetentionChoices as readonly number[]).includes(logRetentionDays))
    fail('logRetentionDays', `one of ${logRetentionChoices.join(', ')} or "infinite"`, retentionText);

  const backupLockMode = (text('backupLockMode') ?? 'governance').toLowerCase();
  if (!backupLockModes.includes(backupLockMode as BackupLockMode))
    fail('backupLockMode', backupLockModes.join(' | '), backupLockMode);
  const secretsExtensionLayerArn = text('secretsExtensionLayerArn');
  if (
    secretsExtensionLayerArn !== undefined &&
    !/^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:layer:AWS-Parameters-and-Secrets-Lambda-Extension-Arm64:\d+$/.test(
      secretsExtensionLayerArn,
    )
  )
    fail(
      'secretsExtensionLayerArn',
      'the ARN of the extension’s Arm64 layer version',
      secretsExtensionLayerArn,
    );
  const backupCopyVaultArn = text('backupCopyVaultArn');
  if (
    backupCopyVaultArn !== undefined &&
    !/^arn:aws[a-z-]*:backup:[a-z0-9-]+:\d{12}:backup-vault:[A-Za-z0-9_.-]{2,50}$/.test(backupCopyVaultArn)
  ) {
    fail('backupCopyVaultArn', 'the ARN of a backup vault', backupCopyVaultArn);
  }

  // Editors' mail: a separate address of the same identity, so replies and bounces are told apart.
  const editorMailFrom =
    text('editorMailFrom') ??
    (sesIdentity === undefined ? undefined : identityIsEmail ? sesIdentity : `sign-in@${sesIdentity}`);
  if (editorMailFrom !== undefined) {
    if (sesIdentity === undefined)
      fail('editorMailFrom', 'an SES identity (sesIdentity) to send it from', editorMailFrom);
    if (!emailPattern.test(editorMailFrom)) fail('editorMailFrom', 'an email address', editorMailFrom);
    const sameIdentity = identityIsEmail
      ? editorMailFrom.toLowerCase() === sesIdentity?.toLowerCase()
      : editorMailFrom.split('@')[1]?.toLowerCase() === sesIdentity?.toLowerCase();
    if (!sameIdentity)
      fail('editorMailFrom', `an address of the SES identity ${sesIdentity}`, editorMailFrom);
  }
  const editorMailFromName = text('editorMailFromName') ?? '更正工作台 Corrections desk';

  const signInDomainName = text('signInDomain')?.toLowerCase();
  const signInCertificateArn = text('signInCertificateArn');
  if ((signInDomainName === undefined) !== (signInCertificateArn === undefined)) {
    fail('signInDomain and signInCertificateArn', 'both or neither', {
      signInDomainName,
      signInCertificateArn,
    });
  }
  if (signInDomainName !== undefined && !domainPattern.test(signInDomainName))
    fail('signInDomain', 'a domain name such as sign-in.example.org', signInDomainName);
  // Cognito serves custom domains through CloudFront, which takes certificates from us-east-1 only.
  if (
    signInCertificateArn !== undefined &&
    !/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/.test(signInCertificateArn)
  ) {
    fail('signInCertificateArn', 'the ARN of an ACM certificate in us-east-1', signInCertificateArn);
  }

  const tableName = text('tableName');
  const tableStreamArn = text('tableStreamArn');
  if ((tableName === undefined) !== (tableStreamArn === undefined)) {
    fail('tableName and tableStreamArn', 'both or neither', { tableName, tableStreamArn });
  }

  const edgeDomainName = text('edgeDomain');
  const edgeCertificateArn = text('edgeCertificateArn');
  if ((edgeDomainName === undefined) !== (edgeCertificateArn === undefined)) {
    fail('edgeDomain and edgeCertificateArn', 'both or neither', { edgeDomainName, edgeCertificateArn });
  }
  if (edgeDomainName !== undefined && !domainPattern.test(edgeDomainName))
    fail('edgeDomain', 'a domain name such as corrections.example.org', edgeDomainName);
  // CloudFront takes certificates from us-east-1 only.
  if (edgeCertificateArn !== undefined && !usEast1Certificate.test(edgeCertificateArn))
    fail('edgeCertificateArn', 'the ARN of an ACM certificate in us-east-1', edgeCertificateArn);
  const webAclArn = text('webAclArn');
  if (
    webAclArn !== undefined &&
    !/^arn:aws[a-z-]*:wafv2:us-east-1:\d{12}:global\/webacl\/[\w-]+\/[0-9a-f-]{36}$/.test(webAclArn)
  )
    fail('webAclArn', 'the ARN of a CLOUDFRONT-scope web ACL (us-east-1, global/webacl/…)', webAclArn);
  // WAF's rate-based rules count at least 10 requests per window.
  const perIp = (key: string, fallback: number) => {
    const value = positive(key) ?? fallback;
    return Number.isInteger(value) && value >= 10 ? value : fail(key, 'a whole number of 10 or more', value);
  };

  return {
    stage,
    alertEmails,
    sesIdentity,
    sesFromAddress,
    publicBaseUrl: httpsUrl('publicBaseUrl'),
    consoleOrigin,
    publisherName: {
      zh: text('publisherNameZh') ?? '更正服务台',
      en: text('publisherNameEn') ?? 'Corrections desk',
    },
    smsSenderId,
    timeZone,
    alertLanguage,
    smsCountries,
    apiRateLimit: positive('apiRateLimit') ?? 100,
    apiBurstLimit: positive('apiBurstLimit') ?? 200,
    clientRequestsPerMinute: positive('clientRequestsPerMinute'),
    subscriptionRequestsPerAddressPerHour: positive('subscriptionRequestsPerAddressPerHour'),
    emailConfirmationsPerHour: positive('emailConfirmationsPerHour'),
    smsConfirmationsPerHour: positive('smsConfirmationsPerHour'),
    smsRequestsPerPrefixPerHour: positive('smsRequestsPerPrefixPerHour'),
    emailSendsPerSecond: positive('emailSendsPerSecond'),
    smsSendsPerSecond: positive('smsSendsPerSecond'),
    reporterContactDays: positive('reporterContactDays') ?? 90,
    deliveryRecordDays: positive('deliveryRecordDays') ?? 180,
    logLevel: logLevel as LogLevel,
    systemLogLevel: systemLogLevel as SystemLogLevel,
    logRetentionDays,
    backupLockMode: backupLockMode as BackupLockMode,
    backupCopyVaultArn,
    secretsExtensionLayerArn,
    smsSpendLimitUsd: positive('smsSpendLimitUsd'),
    editorMail:
      editorMailFrom === undefined
        ? undefined
        : {
            fromAddress: editorMailFrom,
            fromName: editorMailFromName,
            ...(identityIsEmail ? {} : { verifiedDomain: sesIdentity }),
          },
    signInDomain:
      signInDomainName && signInCertificateArn
        ? { name: signInDomainName, certificateArn: signInCertificateArn }
        : undefined,
    adoptedTable: tableName && tableStreamArn ? { name: tableName, streamArn: tableStreamArn } : undefined,
    edge: {
      domain:
        edgeDomainName && edgeCertificateArn
          ? { name: edgeDomainName, certificateArn: edgeCertificateArn }
          : undefined,
      webAclArn,
      formRateLimit: positive('formRateLimit') ?? 10,
      formBurstLimit: positive('formBurstLimit') ?? 20,
      formRequestsPerIp: perIp('formRequestsPerIp', 100),
      requestsPerIp: perIp('requestsPerIp', 3000),
    },
  };
}
