import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../infra/config.ts';
import { stages } from '../../infra/stages/index.ts';
import { requiredSettings } from '../../infra/stages/required.ts';
import type { StageSettings } from '../../infra/stages/settings.ts';

const complete: StageSettings = {
  alertEmails: ['chief@example.org'],
  sesIdentity: 'example.org',
  publicBaseUrl: 'https://corrections.example.org',
  smsCountries: ['CN', 'hk'],
  signInDomain: 'sign-in.example.org',
  signInCertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/0c4a1a55-3d9e-4b7a-9f0e-2a6b8c1d5e7f',
  webAclArn:
    'arn:aws:wafv2:us-east-1:111122223333:global/webacl/corrections-desk-live/5b1c7f4e-0a2d-4e8b-9c3f-6d7e8f9a0b1c',
};
const read = (context: Record<string, unknown>, committed: Record<string, StageSettings> = stages) =>
  readConfig(new App({ context }).node, committed);
const required = Object.keys(requiredSettings.deployed);

describe('the committed stages', () => {
  it.each(Object.keys(stages))('%s passes the guard and reads cleanly', (stage) => {
    const config = read({ stage });
    expect(config.stage).toBe(stage);
    expect(config.smsCountries.length).toBeGreaterThan(0);
  });

  it('dev is the default and requires nothing, so synth works offline with no flags', () => {
    expect(requiredSettings.dev).toEqual({});
    expect(read({}, { dev: {} })).toMatchObject({ stage: 'dev', alertEmails: [], sesIdentity: undefined });
  });

  it('every deployed stage sends from a real identity, links from a public URL, alerts someone', () => {
    for (const [stage, settings] of Object.entries(stages)) {
      if (stage === 'dev') continue;
      for (const key of required) expect(settings, `${stage}.${key}`).toHaveProperty(key);
    }
  });
});

describe('the stage guard', () => {
  it('requires sender identity, alert addresses, public URL, SMS countries, the sign-in domain and the edge’s web ACL of a non-dev stage', () => {
    expect([...required].sort()).toEqual([
      'alertEmails',
      'publicBaseUrl',
      'sesIdentity',
      'signInCertificateArn',
      'signInDomain',
      'smsCountries',
      'webAclArn',
    ]);
  });

  it('reads a stage’s committed settings, and a -c value over them', () => {
    const committed = { dev: {}, live: complete };
    expect(read({ stage: 'live' }, committed)).toMatchObject({
      sesIdentity: 'example.org',
      sesFromAddress: 'corrections@example.org',
      alertEmails: ['chief@example.org'],
      publicBaseUrl: 'https://corrections.example.org',
      smsCountries: ['CN', 'HK'],
    });
    expect(read({ stage: 'live', smsCountries: 'MO' }, committed).smsCountries).toEqual(['MO']);
  });

  it.each(required)('fails a non-dev stage without %s, and says why', (key) => {
    const { [key as keyof StageSettings]: _left, ...rest } = complete;
    const committed = { dev: {}, live: rest };
    expect(() => read({ stage: 'live' }, committed)).toThrow(
      new RegExp(`Stage "live" is missing[\\s\\S]*- ${key}: .{20,}`),
    );
  });

  it('counts an empty list or blank text as missing, and names every missing setting at once', () => {
    const committed = { dev: {}, live: { ...complete, alertEmails: [' '], sesIdentity: '' } };
    expect(() => read({ stage: 'live' }, committed)).toThrow(/- sesIdentity: [\s\S]*- alertEmails: /);
    expect(() => read({ stage: 'live' }, { dev: {}, live: {} })).toThrow(
      new RegExp(required.map((key) => `- ${key}:`).join('[\\s\\S]*')),
    );
  });

  it('lets -c supply what the stage file lacks', () => {
    const { sesIdentity: _left, ...rest } = complete;
    expect(read({ stage: 'live', sesIdentity: 'example.org' }, { dev: {}, live: rest }).sesIdentity).toBe(
      'example.org',
    );
  });

  it('refuses a stage that has no committed settings', () => {
    expect(() => read({ stage: 'qa' })).toThrow(/No settings for stage "qa": add infra\/stages\/qa\.ts/);
  });
});

describe('retention settings', () => {
  it('keep a reporter’s contact 90 days after the case ends and a delivery record 180 days by default', () => {
    for (const stage of Object.keys(stages)) {
      expect(read({ stage }), stage).toMatchObject({
        reporterContactDays: stages[stage]?.reporterContactDays ?? 90,
        deliveryRecordDays: stages[stage]?.deliveryRecordDays ?? 180,
      });
    }
    expect(read({}, { dev: {} })).toMatchObject({ reporterContactDays: 90, deliveryRecordDays: 180 });
  });

  it('are read from the stage file or -c, and must be positive numbers', () => {
    const committed = { dev: {}, live: { ...complete, reporterContactDays: 30, deliveryRecordDays: 365 } };
    expect(read({ stage: 'live' }, committed)).toMatchObject({
      reporterContactDays: 30,
      deliveryRecordDays: 365,
    });
    expect(read({ stage: 'live', deliveryRecordDays: '60' }, committed).deliveryRecordDays).toBe(60);
    expect(() => read({ stage: 'live', reporterContactDays: '0' }, committed)).toThrow(/reporterContactDays/);
    expect(() => read({ stage: 'live', deliveryRecordDays: 'soon' }, committed)).toThrow(
      /deliveryRecordDays/,
    );
  });
});
