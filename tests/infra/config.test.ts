import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../infra/config.ts';

const read = (context: Record<string, unknown> = {}) => readConfig(new App({ context }).node);

describe('configuration from context', () => {
  it('has defaults that synthesize with no flags at all', () => {
    expect(read()).toEqual({
      stage: 'dev',
      alertEmails: [],
      sesIdentity: undefined,
      sesFromAddress: 'corrections@example.org',
      publicBaseUrl: undefined,
      consoleOrigin: undefined,
      publisherName: { zh: '更正服务台', en: 'Corrections desk' },
      smsSenderId: undefined,
      timeZone: 'Asia/Shanghai',
      alertLanguage: 'zh-CN',
      smsCountries: ['CN'],
      apiRateLimit: 100,
      apiBurstLimit: 200,
      clientRequestsPerMinute: undefined,
      subscriptionRequestsPerAddressPerHour: undefined,
      reporterContactDays: 90,
      deliveryRecordDays: 180,
      logLevel: 'INFO',
      systemLogLevel: 'WARN',
      logRetentionDays: 180,
      backupLockMode: 'governance',
      backupCopyVaultArn: undefined,
      secretsExtensionLayerArn: undefined,
      smsSpendLimitUsd: undefined,
      editorMail: undefined,
      signInDomain: undefined,
      adoptedTable: undefined,
      edge: {
        domain: undefined,
        webAclArn: undefined,
        formRateLimit: 10,
        formBurstLimit: 20,
        formRequestsPerIp: 100,
        requestsPerIp: 3000,
      },
    });
  });

  it('names the publisher in both languages, with an SMS sender ID only of letters and digits', () => {
    const config = read({
      publisherNameZh: '市消防救援支队',
      publisherNameEn: 'City Fire',
      smsSenderId: 'CityFire',
    });
    expect(config).toMatchObject({
      publisherName: { zh: '市消防救援支队', en: 'City Fire' },
      smsSenderId: 'CityFire',
    });
    expect(() => read({ smsSenderId: 'City Fire!' })).toThrow(/smsSenderId/);
  });

  it('reads -c strings the way an operator types them', () => {
    const config = read({
      stage: 'prod',
      alertEmails: ' chief@example.org,night@example.org ,',
      sesIdentity: 'news.example.org',
      publicBaseUrl: 'https://corrections.news.example.org//',
      consoleOrigin: 'https://console.news.example.org',
      timeZone: 'Europe/Berlin',
      apiRateLimit: '25',
      apiBurstLimit: '50',
      clientRequestsPerMinute: '300',
      logLevel: 'debug',
    });
    expect(config).toMatchObject({
      stage: 'prod',
      alertEmails: ['chief@example.org', 'night@example.org'],
      sesFromAddress: 'corrections@news.example.org',
      publicBaseUrl: 'https://corrections.news.example.org',
      consoleOrigin: 'https://console.news.example.org',
      timeZone: 'Europe/Berlin',
      apiRateLimit: 25,
      apiBurstLimit: 50,
      clientRequestsPerMinute: 300,
      logLevel: 'DEBUG',
    });
  });

  it('takes lists and numbers from cdk.json as they are', () => {
    expect(read({ alertEmails: ['a@example.org'], apiRateLimit: 7 })).toMatchObject({
      alertEmails: ['a@example.org'],
      apiRateLimit: 7,
    });
  });

  it('sends from an email identity itself, and from a chosen address of a domain identity', () => {
    expect(read({ sesIdentity: 'desk@example.org' }).sesFromAddress).toBe('desk@example.org');
    expect(
      read({ sesIdentity: 'example.org', sesFromAddress: 'no-reply@mail.example.org' }).sesFromAddress,
    ).toBe('no-reply@mail.example.org');
  });

  it('takes the log levels and any retention CloudWatch offers, forever included', () => {
    expect(read({ logLevel: 'warn', systemLogLevel: 'debug', logRetentionDays: '365' })).toMatchObject({
      logLevel: 'WARN',
      systemLogLevel: 'DEBUG',
      logRetentionDays: 365,
    });
    expect(read({ logRetentionDays: 'infinite' }).logRetentionDays).toBe(9999);
  });

  it('adopts a restored table only when given its name and stream', () => {
    const streamArn =
      'arn:aws:dynamodb:eu-central-1:111122223333:table/restored/stream/2026-01-01T00:00:00.000';
    expect(read({ tableName: 'restored', tableStreamArn: streamArn }).adoptedTable).toEqual({
      name: 'restored',
      streamArn,
    });
    expect(() => read({ tableName: 'restored' })).toThrow(/both or neither/);
  });

  it.each([
    [{ stage: 'Prod' }, /stage/],
    [{ alertEmails: 'not-an-address' }, /alertEmails/],
    [{ sesIdentity: 'not a domain' }, /sesIdentity/],
    [{ sesIdentity: 'example.org', sesFromAddress: 'desk@elsewhere.org' }, /identity example\.org/],
    [{ sesIdentity: 'desk@example.org', sesFromAddress: 'other@example.org' }, /identity desk@example\.org/],
    [{ publicBaseUrl: 'http://corrections.example.org' }, /https URL/],
    [{ publicBaseUrl: 'https://corrections.example.org/?q=1' }, /https URL/],
    [{ consoleOrigin: 'https://console.example.org/console' }, /origin/],
    [{ timeZone: 'Mars/Olympus_Mons' }, /IANA time zone/],
    [{ apiRateLimit: '0' }, /positive number/],
    [{ apiBurstLimit: 'lots' }, /positive number/],
    [{ logLevel: 'CHATTY' }, /logLevel/],
    [{ systemLogLevel: 'ERROR' }, /systemLogLevel/],
    [{ logRetentionDays: '100' }, /logRetentionDays/],
    [{ smsCountries: 'CN,China' }, /smsCountries/],
    [{ backupLockMode: 'strict' }, /backupLockMode/],
    [{ sesIdentity: 'example.org', editorMailFrom: 'desk@elsewhere.org' }, /editorMailFrom/],
    [{ editorMailFrom: 'desk@example.org' }, /editorMailFrom/],
    [{ signInDomain: 'sign-in.example.org' }, /both or neither/],
    [
      {
        signInDomain: 'sign-in.example.org',
        signInCertificateArn:
          'arn:aws:acm:eu-central-1:111122223333:certificate/0c4a1a55-3d9e-4b7a-9f0e-2a6b8c1d5e7f',
      },
      /us-east-1/,
    ],
    [{ backupCopyVaultArn: 'arn:aws:s3:::bucket' }, /backupCopyVaultArn/],
    [
      {
        secretsExtensionLayerArn:
          'arn:aws:lambda:il-central-1:111122223333:layer:AWS-Parameters-and-Secrets-Lambda-Extension:2',
      },
      /secretsExtensionLayerArn/,
    ],
  ])('refuses %o', (context, message) => {
    expect(() => read(context)).toThrow(message);
  });
});
