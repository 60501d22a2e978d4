/**
 * Issue 14: the local stack with the SMTP email adapter selected (`npm start -- --smtp host:port`).
 * A subscriber's confirmation and a published correction arrive at a local SMTP server with the
 * headers the SES path sends (RFC 8058 one-click unsubscribe on the correction), and the one-click
 * target in the header works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/stack.ts';
import { type Call, eventually, runningDesk, type Tokens } from '../support/http.ts';
import { type ReceivedMail, startSmtpServer } from '../support/smtp.ts';

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let stack: LocalStack;
let call: Call;
let tokens: Tokens;

beforeAll(async () => {
  smtp = await startSmtpServer();
  ({ stack, call, tokens } = await runningDesk({ smtpUrl: smtp.url }));
});
afterAll(async () => {
  await stack?.stop();
  await smtp?.stop();
});

const mailTo = (address: string, match: (mail: ReceivedMail) => boolean) =>
  eventually(async () => smtp.received.find((mail) => mail.to.includes(address) && match(mail)));

describe('email through an SMTP server', () => {
  it('carries the confirmation and the correction, with the unsubscribe headers, and none to the outbox', async () => {
    const address = 'smtp-reader@example.org';
    const requested = await call('POST', '/subscriptions', {
      body: { channel: 'email', address, topics: ['firefighting-rescue'], language: 'zh-CN' },
    });
    expect(requested.status, requested.text).toBe(202);

    const confirmation = await mailTo(address, (mail) => /\/confirm\?token=/.test(mail.text));
    expect(confirmation.from).toBe('corrections@example.org');
    expect(confirmation.headers.has('list-unsubscribe')).toBe(false);
    const link = new URL(confirmation.text.match(/https?:\/\/\S+\/confirm\?token=\S+/)?.[0] ?? '');
    // Contract 1.1: the link's page changes nothing; its button POSTs the token.
    const confirmed = await call('POST', link.pathname, {
      body: { token: link.searchParams.get('token') },
    });
    expect(confirmed.status, confirmed.text).toBe(200);

    const reported = await call('POST', '/submissions', {
      body: { text: '通报中的出动车辆数有误', topic: 'firefighting-rescue' },
    });
    const caseId = reported.json.caseId as string;
    let version = 1;
    const act = async (method: string, action: string, token: string, body?: unknown) => {
      const response = await call(method, `/admin/cases/${caseId}/${action}`, {
        token,
        ifMatch: version,
        ...(body ? { body } : {}),
      });
      expect(response.status, `${action}: ${response.text}`).toBe(200);
      version = response.json.version;
    };
    await act('POST', 'assign', tokens.reviewer, { assignee: 'reviewer-li' });
    await act('POST', 'review', tokens.reviewer, { verdict: 'correction', findings: '核实' });
    await act('PUT', 'draft', tokens.reviewer, {
      type: 'correction',
      headline: '关于出动消防车数量的更正',
      body: '原通报称出动消防车12辆，经核实为8辆。特此更正。',
    });
    await act('POST', 'submit', tokens.reviewer);
    await act('POST', 'approve', tokens.editor);

    const correction = await mailTo(address, (mail) => mail.headers.has('list-unsubscribe'));
    expect(correction.subject).toContain('关于出动消防车数量的更正');
    expect(correction.text).toContain('8辆');
    expect(correction.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const target = correction.headers.get('list-unsubscribe')?.match(/^<(https?:\/\/[^>]+)>$/)?.[1];
    expect(target).toBeDefined();

    // What a mail client does with the header (RFC 8058): POST, and the subscription ends.
    const oneClick = new URL(target ?? '');
    const unsubscribed = await fetch(oneClick, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(unsubscribed.status).toBeLessThan(300);

    const outbox = await stack.outbox.read(address);
    expect(outbox.filter((message) => message.channel === 'email')).toEqual([]);
  });
});
