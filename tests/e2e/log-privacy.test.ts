/**
 * Every log line of a full run on the local stack (the gateway's and every function's, at INFO),
 * read back: subscribing by email and SMS, confirming, reporting with contact details, following the
 * report, publishing a correction to all of them, unsubscribing, and erasing the reporter. No
 * address, phone number or token appears in any of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTopics } from '../../local/demo-topics.ts';
import type { LocalStack } from '../../local/stack.ts';
import { startLocalStack } from '../../local/stack.ts';
import { logger } from '../../shared/runtime/observability.ts';
import { randomDigits, randomId } from '../../shared/security/tokens.ts';
import { type Call, eventually, httpClient } from '../support/http.ts';

let stack: LocalStack;
let call: Call;
const lines: string[] = [];
const writes: string[] = [];
const originalWrite = process.stdout.write.bind(process.stdout);

const consoleMethods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
const originalConsole = Object.fromEntries(consoleMethods.map((name) => [name, console[name]]));

beforeAll(async () => {
  // The functions' own log lines, as deployed (tests run them SILENT otherwise). Powertools writes
  // through the console in development mode and to stdout otherwise: both are read.
  process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
  logger().setLogLevel('INFO');
  for (const name of consoleMethods) {
    console[name] = (...args: unknown[]) => {
      writes.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
    };
  }
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    writes.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return (originalWrite as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  stack = await startLocalStack({ port: 0, log: (line) => lines.push(line) });
  call = httpClient(stack.url);
});
afterAll(async () => {
  process.stdout.write = originalWrite;
  for (const name of consoleMethods) console[name] = originalConsole[name] as (typeof console)[typeof name];
  await stack?.stop();
});

describe('the logs of a full run', () => {
  it('hold no address, no phone number and no token', async () => {
    const admin = await stack.issueToken({ sub: 'admin-chen', groups: ['admin'] });
    const editor = await stack.issueToken({ sub: 'editor-wang', groups: ['editor'] });
    const reviewer = await stack.issueToken({ sub: 'reviewer-li', groups: ['reviewer'] });
    for (const { key, ...topic } of demoTopics)
      await call('PUT', `/admin/topics/${key}`, { token: admin, body: topic });

    const email = `private-${randomId(8)}@example.org`;
    const phone = `+86138${randomDigits(8)}`;
    const reporterEmail = `reporter-${randomId(8)}@example.org`;
    const reporterPhone = `+86139${randomDigits(8)}`;
    const secrets: string[] = [email, phone, reporterEmail, reporterPhone];

    const byEmail = await call('POST', '/subscriptions', {
      body: { channel: 'email', address: email, topics: ['*'] },
    });
    const mail = await eventually(async () =>
      (await stack.outbox.read(email)).find((m) => m.kind === 'confirmation'),
    );
    const confirmToken = /token=([\w.-]+)/.exec(mail.body)?.[1] ?? '';
    secrets.push(confirmToken);
    const confirmPath = `/subscriptions/${byEmail.json.id}/confirm`;
    await call('GET', `${confirmPath}?token=${confirmToken}`);
    await call('POST', confirmPath, { body: { token: confirmToken } });

    const bySms = await call('POST', '/subscriptions', {
      body: { channel: 'sms', address: phone, topics: ['*'] },
    });
    const sms = await eventually(async () =>
      (await stack.outbox.read(phone)).find((m) => m.kind === 'verification_code'),
    );
    const code = /\d{6}/.exec(sms.body)?.[0] ?? '';
    secrets.push(code);
    await call('POST', `/subscriptions/${bySms.json.id}/verify`, {
      body: { code: code === '000000' ? '111111' : '000000' },
    });
    await call('POST', `/subscriptions/${bySms.json.id}/verify`, { body: { code } });

    const report = await call('POST', '/submissions', {
      body: {
        text: '通报中的车辆数有误',
        topic: 'firefighting-rescue',
        url: 'https://example.org/news/privacy',
        contact: { email: reporterEmail, phone: reporterPhone },
      },
    });
    const { caseId, submissionId, trackingToken } = report.json;
    secrets.push(trackingToken);
    await call('GET', `/submissions/${submissionId}?token=${trackingToken}`);

    let c = (
      await call('POST', `/admin/cases/${caseId}/assign`, {
        token: reviewer,
        ifMatch: 1,
        body: { assignee: 'reviewer-li' },
      })
    ).json;
    c = (
      await call('POST', `/admin/cases/${caseId}/review`, {
        token: reviewer,
        ifMatch: c.version,
        body: { verdict: 'correction', findings: '核实' },
      })
    ).json;
    c = (
      await call('PUT', `/admin/cases/${caseId}/draft`, {
        token: reviewer,
        ifMatch: c.version,
        body: { type: 'correction', headline: '车辆数更正', body: '出动消防车8辆，不是12辆。' },
      })
    ).json;
    c = (await call('POST', `/admin/cases/${caseId}/submit`, { token: reviewer, ifMatch: c.version })).json;
    await call('POST', `/admin/cases/${caseId}/approve`, { token: editor, ifMatch: c.version });
    const correction = await eventually(
      async () => (await stack.outbox.read(email)).find((m) => m.kind === 'correction'),
      30_000,
    );
    await eventually(
      async () => (await stack.outbox.read(reporterEmail)).find((m) => m.kind === 'reply'),
      30_000,
    );
    await eventually(
      async () => (await stack.outbox.read(phone)).find((m) => m.kind === 'correction'),
      30_000,
    );

    const unsubscribeLink = /\/unsubscribe-page\?token=([\w.%-]+)/.exec(correction.body)?.[1] ?? '';
    const unsubscribeToken = decodeURIComponent(unsubscribeLink);
    expect(unsubscribeToken).not.toBe('');
    secrets.push(unsubscribeToken);
    await call('GET', `/subscriptions/${byEmail.json.id}/unsubscribe-page?token=${unsubscribeLink}`);
    await call('POST', `/subscriptions/${byEmail.json.id}/unsubscribe`, {
      body: { token: unsubscribeToken },
    });

    // The reporter asks to be erased, by email and by phone: the address travels in the body only.
    for (const [channel, address] of [
      ['email', reporterEmail],
      ['sms', reporterPhone],
    ] as const) {
      const erased = await call('POST', '/admin/erasures', { token: admin, body: { channel, address } });
      expect(erased.status, erased.text).toBe(200);
      expect(erased.json.submissions).toBe(1);
    }

    const everything = [...lines, ...writes].join('\n');
    // The run was logged (so an empty log cannot pass), by the gateway and by the functions.
    expect(lines.some((line) => line.startsWith('POST /subscriptions'))).toBe(true);
    expect(writes.join('').length).toBeGreaterThan(1_000);
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(5);
      expect(everything.includes(secret), `a log line holds ${secret.slice(0, 4)}…`).toBe(false);
    }
  });
});
