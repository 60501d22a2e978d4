/**
 * Issue 4's acceptance on the running local stack: confirmed subscribers of a topic get exactly one
 * message per published version, in their channel and language; others get nothing; the reporter
 * gets one reply; SMS fit one segment; the audience preview matches what is then delivered.
 */
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/stack.ts';
import { smsSegments } from '../../shared/domain/sms.ts';
import { type Call, eventually, runningDesk, type Tokens } from '../support/http.ts';

let stack: LocalStack;
let call: Call;
let tokens: Tokens;

beforeAll(async () => {
  // One subscriber texts from abroad: this deployment allows SMS to the US as well as China.
  process.env.SMS_COUNTRIES = 'CN,US';
  ({ stack, call, tokens } = await runningDesk());
});
afterAll(async () => {
  await stack?.stop();
});

async function subscribe(
  channel: 'email' | 'sms',
  address: string,
  topics: string[],
  language: 'zh-CN' | 'en',
) {
  const requested = await call('POST', '/subscriptions', { body: { channel, address, topics, language } });
  expect(requested.status, requested.text).toBe(202);
  expect(requested.text).not.toContain(address);
  const id = requested.json.id as string;
  if (channel === 'email') {
    const mail = await eventually(async () =>
      (await stack.outbox.read(address)).find((m) => m.kind === 'confirmation'),
    );
    const link = new URL(mail.body.match(/https?:\/\/\S+\/confirm\?token=\S+/)?.[0] ?? '');
    // Opening the link only shows the button (1.1); the button's POST confirms.
    const token = link.searchParams.get('token');
    expect((await call('POST', link.pathname, { body: { token } })).json.status).toBe('active');
  } else {
    const sms = await eventually(async () =>
      (await stack.outbox.read(address)).find((m) => m.kind === 'verification_code'),
    );
    const code = sms.body.match(/\d{6}/)?.[0];
    expect((await call('POST', `/subscriptions/${id}/verify`, { body: { code } })).json.status).toBe(
      'active',
    );
  }
  return id;
}

const corrections = async (address: string) =>
  (await stack.outbox.read(address)).filter((m) => m.kind === 'correction' || m.kind === 'reply');

describe('publication reaches each follower once, and only followers', () => {
  it('delivers version 1 and its amendment to topic A followers, in their channel and language', async () => {
    await subscribe('email', 'a-email@example.org', ['firefighting-rescue'], 'zh-CN');
    await subscribe('email', 'a-all@example.org', ['*'], 'en');
    await subscribe('sms', '+8613800138000', ['firefighting-rescue', 'personnel'], 'zh-CN');
    await subscribe('sms', '+14155552671', ['firefighting-rescue'], 'en');
    await subscribe('email', 'b-email@example.org', ['personnel'], 'zh-CN');

    const reported = await call('POST', '/submissions', {
      body: {
        text: '救援出动车辆数有误',
        topic: 'firefighting-rescue',
        contact: { email: 'a-email@example.org', phone: '+8613900139000' },
      },
    });
    const caseId = reported.json.caseId as string;
    let c = (
      await call('POST', `/admin/cases/${caseId}/assign`, {
        token: tokens.reviewer,
        ifMatch: 1,
        body: { assignee: 'reviewer-li' },
      })
    ).json;
    c = (
      await call('POST', `/admin/cases/${caseId}/review`, {
        token: tokens.reviewer,
        ifMatch: c.version,
        body: { verdict: 'correction', findings: '核实' },
      })
    ).json;
    c = (
      await call('PUT', `/admin/cases/${caseId}/draft`, {
        token: tokens.reviewer,
        ifMatch: c.version,
        body: {
          type: 'correction',
          headline: '关于某仓库火灾出动消防车数量的更正说明，原通报中的车辆数量有误',
          body: '原通报称出动消防车12辆，经核实为8辆。特此更正。',
        },
      })
    ).json;
    c = (await call('POST', `/admin/cases/${caseId}/submit`, { token: tokens.reviewer, ifMatch: c.version }))
      .json;

    // a-email reported too: counted (and told) once, as the reporter. The counters follow the stream.
    const expectedAudience = {
      email: 1,
      sms: 2,
      reporters: 1,
      byLanguage: { 'zh-CN': { email: 0, sms: 1 }, en: { email: 1, sms: 1 } },
      // The report names no page, and nobody here reads a digest.
      pages: [],
      digests: { email: 0, sms: 0 },
      smsSegments: 1,
    };
    const audience = await eventually(async () => {
      const answer = await call('GET', `/admin/cases/${caseId}/audience`, { token: tokens.editor });
      expect(answer.status).toBe(200);
      return isDeepStrictEqual(answer.json, expectedAudience) ? answer.json : undefined;
    });
    expect(audience).toEqual(expectedAudience);

    await call('POST', `/admin/cases/${caseId}/approve`, { token: tokens.editor, ifMatch: c.version });
    const correctionId = await eventually(
      async () => (await call('GET', `/admin/cases/${caseId}`, { token: tokens.editor })).json.correctionId,
    );

    const expected = ['a-email@example.org', 'a-all@example.org', '+8613800138000', '+14155552671'];
    await eventually(async () =>
      (await Promise.all(expected.map(corrections))).every((messages) => messages.length === 1),
    );
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const delivered = Object.fromEntries(
      await Promise.all(expected.map(async (a) => [a, await corrections(a)] as const)),
    );
    for (const address of expected) expect(delivered[address], address).toHaveLength(1);
    expect(delivered['a-email@example.org']?.[0]?.kind).toBe('reply');
    expect(await corrections('b-email@example.org')).toEqual([]);
    expect(await corrections('+8613900139000')).toEqual([]);

    const chineseSms = delivered['+8613800138000']?.[0]?.body ?? '';
    const englishSms = delivered['+14155552671']?.[0]?.body ?? '';
    expect(chineseSms).toContain(`/c/${correctionId}`);
    expect(englishSms).toMatch(/^Correction: /);
    expect(smsSegments(chineseSms)).toBe(1);
    expect(smsSegments(englishSms)).toBe(1);
    const email = delivered['a-all@example.org']?.[0];
    expect(email?.subject).toContain('Correction');
    expect(email?.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(email?.headers?.['List-Unsubscribe']).toMatch(
      /^<http:\/\/localhost:\d+\/subscriptions\/\w+\/unsubscribe\?token=/,
    );

    // The audience preview matched: one reporter reply, one follower email, two follower SMS.
    expect(expected.map((address) => delivered[address]?.[0]?.kind)).toEqual([
      'reply',
      'correction',
      'correction',
      'correction',
    ]);

    // Its page changes nothing (link scanners open it); the one-click POST in the email unsubscribes.
    const page = new URL(email?.body.match(/https?:\/\/\S+\/unsubscribe-page\?token=\S+/)?.[0] ?? '');
    expect((await call('GET', page.pathname + page.search)).status).toBe(200);
    const unsubscribeUrl = new URL(email?.headers?.['List-Unsubscribe']?.slice(1, -1) ?? '');
    const oneClick = await call('POST', unsubscribeUrl.pathname + unsubscribeUrl.search, {
      raw: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(oneClick.status).toBe(200);

    // An amendment: version 2 reaches the followers still subscribed, once more; the reporter is not re-told.
    const amendment = await call('POST', `/admin/corrections/${correctionId}/amend`, {
      token: tokens.editor,
      body: { note: '补充说明' },
    });
    expect(amendment.status).toBe(201);
    let a = (
      await call('POST', `/admin/cases/${amendment.json.id}/submit`, { token: tokens.editor, ifMatch: 1 })
    ).json;
    a = (
      await call('POST', `/admin/cases/${amendment.json.id}/approve`, {
        token: tokens.otherEditor,
        ifMatch: a.version,
      })
    ).json;
    expect(a.status).toBe('approved');
    await eventually(async () => (await corrections('+14155552671')).length === 2);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await corrections('a-all@example.org')).toHaveLength(1);
    expect(await corrections('+8613800138000')).toHaveLength(2);
    expect(await corrections('b-email@example.org')).toEqual([]);
    const v2 = (await call('GET', `/corrections/${correctionId}`)).json;
    expect(v2.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
  });
});
