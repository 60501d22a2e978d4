/**
 * Issue 13's webhook acceptance on the running local stack, with receivers on 127.0.0.1: each published
 * version arrives once, signed as the README's snippet checks it; a failing receiver is retried with the
 * same event id; one that always fails is disabled after 10 events and the editors are alerted; a
 * hanging one holds up no email or SMS.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/stack.ts';
import { type Call, eventually, runningDesk, type Tokens } from '../support/http.ts';
import { amendViaApi, publishViaApi } from '../support/publishing.ts';
import { startReceiver } from '../support/receiver.ts';

let stack: LocalStack;
let call: Call;
let tokens: Tokens;

beforeAll(async () => {
  ({ stack, call, tokens } = await runningDesk());
});
afterAll(async () => {
  await stack?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function addWebhook(url: string, description?: string): Promise<{ id: string; secret: string }> {
  const created = await call('POST', '/admin/webhooks', {
    token: tokens.admin,
    body: { url, ...(description ? { description } : {}) },
  });
  expect(created.status, created.text).toBe(201);
  return created.json;
}

const removeWebhook = async (id: string) =>
  expect((await call('DELETE', `/admin/webhooks/${id}`, { token: tokens.admin })).status).toBe(204);

/** The README's verification snippet, exactly as written there, as a module. */
async function readmeVerifier(): Promise<(secret: string, header: string, body: string) => boolean> {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const block = /<!-- webhook-signature-check[^>]*-->\s*```js\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('README has no webhook-signature-check block');
  expect(block.trim().split('\n').length).toBeLessThanOrEqual(12);
  const file = join(await mkdtemp(join(tmpdir(), 'readme-snippet-')), 'verify.mjs');
  await writeFile(file, block);
  return (await import(pathToFileURL(file).href)).verifyDeskSignature;
}

describe('webhooks', () => {
  it('refuses URLs that could reach internal addresses, and anyone but an admin', async () => {
    for (const url of [
      'http://example.org/hook',
      'https://10.0.0.8/hook',
      'https://192.168.1.20/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/hook',
      'https://[fd00:ec2::254]/hook',
      'https://0x0a000001/hook',
      'https://intranet/hook',
      'https://user:pass@example.org/hook',
      'ftp://127.0.0.1/hook',
      'not a url',
    ]) {
      const refused = await call('POST', '/admin/webhooks', { token: tokens.admin, body: { url } });
      expect(refused.status, url).toBe(400);
      expect(refused.json.errors[0].path, url).toBe('url');
    }
    const byEditor = await call('POST', '/admin/webhooks', {
      token: tokens.editor,
      body: { url: 'http://127.0.0.1:9/hook' },
    });
    expect(byEditor.status).toBe(403);
    expect((await call('GET', '/admin/webhooks', { token: tokens.editor })).status).toBe(403);
    expect((await call('DELETE', '/admin/webhooks/nope', { token: tokens.admin })).status).toBe(404);
    expect(
      (await call('PATCH', '/admin/webhooks/nope', { token: tokens.admin, body: { status: 'active' } }))
        .status,
    ).toBe(404);
  });

  it('delivers each published version once, signed as the README checks it', async () => {
    const receiver = await startReceiver();
    const { id, secret } = await addWebhook(receiver.url, 'CMS 网站');
    expect(secret).toMatch(/^whsec_/);
    const listed = await call('GET', '/admin/webhooks', { token: tokens.admin });
    expect(listed.json.items).toEqual([
      expect.objectContaining({ id, url: receiver.url, status: 'active', events: ['correction.published'] }),
    ]);
    expect(listed.text).not.toContain(secret);

    const correctionId = await publishViaApi(call, tokens);
    await eventually(async () => receiver.received.length === 1);
    await amendViaApi(call, tokens, correctionId);
    await eventually(async () => receiver.received.length === 2);
    await sleep(1500);
    expect(receiver.received).toHaveLength(2);

    const verify = await readmeVerifier();
    receiver.received.forEach((request, index) => {
      const version = index + 1;
      const body = JSON.parse(request.body);
      expect(request.headers['desk-event-id']).toBe(`evt_${correctionId}_${version}`);
      expect(body).toMatchObject({
        id: `evt_${correctionId}_${version}`,
        type: 'correction.published',
        data: { id: correctionId, version, headline: '关于数字的更正' },
      });
      expect(body.data.versions).toHaveLength(version);
      expect(body.createdAt).toBe(body.data.versions[version - 1].publishedAt);
      expect(body.data).not.toHaveProperty('caseIds');
      const signature = String(request.headers['desk-signature']);
      expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(verify(secret, signature, request.body)).toBe(true);
      expect(verify(secret, signature, request.body.replace('更正', '更改'))).toBe(false);
      expect(verify('whsec_someone-else', signature, request.body)).toBe(false);
    });

    const attempts = await call('GET', `/admin/webhooks/${id}/attempts?limit=1`, { token: tokens.admin });
    expect(attempts.status).toBe(200);
    expect(attempts.json.items).toEqual([
      expect.objectContaining({ eventId: `evt_${correctionId}_2`, statusCode: 200, ok: true, attempt: 1 }),
    ]);
    const older = await call(
      'GET',
      `/admin/webhooks/${id}/attempts?limit=1&cursor=${encodeURIComponent(attempts.json.nextCursor)}`,
      { token: tokens.admin },
    );
    expect(older.json.items[0].eventId).toBe(`evt_${correctionId}_1`);
    await removeWebhook(id);
    await receiver.close();
  });

  it('retries a receiver that fails three times, and delivers on the fourth try with the same event id', async () => {
    const receiver = await startReceiver((_request, index) => (index < 3 ? 503 : 204));
    const { id } = await addWebhook(receiver.url);
    const correctionId = await publishViaApi(call, tokens);
    await eventually(async () => receiver.received.length === 4, 30_000);
    await sleep(1500);
    expect(receiver.received).toHaveLength(4);
    const eventIds = receiver.received.map((request) => request.headers['desk-event-id']);
    expect(new Set(eventIds)).toEqual(new Set([`evt_${correctionId}_1`]));
    expect(new Set(receiver.received.map((request) => request.body)).size).toBe(1);
    // Backoff: each retry waited at least a second.
    for (let i = 1; i < 4; i++) {
      expect((receiver.received[i]?.at ?? 0) - (receiver.received[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(
        900,
      );
    }
    const attempts = (await call('GET', `/admin/webhooks/${id}/attempts`, { token: tokens.admin })).json
      .items;
    expect(attempts.map((a: { attempt: number; statusCode: number }) => [a.attempt, a.statusCode])).toEqual([
      [4, 204],
      [3, 503],
      [2, 503],
      [1, 503],
    ]);
    const webhook = (await call('GET', '/admin/webhooks', { token: tokens.admin })).json.items[0];
    expect(webhook).toMatchObject({ status: 'active', consecutiveFailures: 0 });
    // Counted once in the version's delivery counters: retried while failing, then sent.
    const counters = await call('GET', `/admin/corrections/${correctionId}/deliveries`, {
      token: tokens.admin,
    });
    expect(counters.json.webhooks).toEqual({
      planned: 1,
      sent: 1,
      pending: 0,
      failed: 0,
      parked: 0,
      suppressed: 0,
    });
    await removeWebhook(id);
    await receiver.close();
  });

  it('holds up no email or SMS while a webhook hangs', async () => {
    const email = 'hang-test@example.org';
    const requested = await call('POST', '/subscriptions', {
      body: { channel: 'email', address: email, topics: ['personnel'], language: 'zh-CN' },
    });
    expect(requested.status).toBe(202);
    const mail = await eventually(async () =>
      (await stack.outbox.read(email)).find((m) => m.kind === 'confirmation'),
    );
    const link = new URL(mail.body.match(/https?:\/\/\S+\/confirm\?token=\S+/)?.[0] ?? '');
    const confirmPage = await call('GET', link.pathname + link.search);
    expect(confirmPage.status).toBe(200);
    // Contract 1.1: the page's POST confirms (the GET may only show a button).
    await call('POST', link.pathname, { body: { token: link.searchParams.get('token') } });

    const receiver = await startReceiver(() => 'hang');
    const { id } = await addWebhook(receiver.url);
    await publishViaApi(call, tokens);
    await eventually(async () => receiver.received.length === 1);
    const hungAt = Date.now();

    await publishViaApi(call, tokens, { topic: 'personnel', headline: '人事通报的更正' });
    await eventually(async () => (await stack.outbox.read(email)).some((m) => m.kind === 'correction'));
    // The email went out while the webhook's call was still hanging (it gives up after 10 s).
    expect(receiver.received[0]?.open).toBe(true);
    expect(Date.now() - hungAt).toBeLessThan(10_000);
    await removeWebhook(id);
    await receiver.close();
  });

  it('disables a receiver that always fails after 10 failed events, alerts the editors once, and re-enables it', async () => {
    const receiver = await startReceiver(() => 500);
    const { id } = await addWebhook(receiver.url, '合作媒体');
    await Promise.all(Array.from({ length: 10 }, () => publishViaApi(call, tokens)));
    const disabled = await eventually(async () => {
      const webhook = (await call('GET', '/admin/webhooks', { token: tokens.admin })).json.items.find(
        (w: { id: string }) => w.id === id,
      );
      return webhook.status === 'disabled' ? webhook : undefined;
    }, 60_000);
    // Ten in a row disable it; an event still in flight from an earlier test may add one more.
    expect(disabled.consecutiveFailures).toBeGreaterThanOrEqual(10);
    expect(disabled.consecutiveFailures).toBeLessThanOrEqual(11);
    const alerts = await eventually(async () => {
      const found = (await stack.outbox.read('editors@example.org')).filter(
        (m) => m.kind === 'alert' && m.subject?.includes('Webhook disabled'),
      );
      return found.length ? found : undefined;
    });
    await sleep(1500);
    expect(
      (await stack.outbox.read('editors@example.org')).filter((m) => m.subject?.includes('Webhook disabled')),
    ).toHaveLength(1);
    expect(alerts[0]?.subject).toContain('127.0.0.1');
    expect(alerts[0]?.body).toContain(id);

    // Disabled: a new publication is not sent to it.
    const calls = receiver.received.length;
    await publishViaApi(call, tokens);
    await sleep(2000);
    expect(receiver.received.length).toBe(calls);

    const enabled = await call('PATCH', `/admin/webhooks/${id}`, {
      token: tokens.admin,
      body: { status: 'active' },
    });
    expect(enabled.status).toBe(200);
    expect(enabled.json).toMatchObject({ status: 'active', consecutiveFailures: 0 });
    await removeWebhook(id);
    await receiver.close();
  });

  it('keeps at most 50 webhooks', async () => {
    const ids: string[] = [];
    // Whatever earlier tests left counts toward the limit too.
    const existing = (await call('GET', '/admin/webhooks', { token: tokens.admin })).json.items.length;
    for (let i = existing; i < 50; i++) ids.push((await addWebhook(`http://127.0.0.1:9/hook-${i}`)).id);
    const refused = await call('POST', '/admin/webhooks', {
      token: tokens.admin,
      body: { url: 'http://127.0.0.1:9/one-more' },
    });
    expect(refused.status).toBe(409);
    await removeWebhook(ids[0] ?? '');
    const another = await addWebhook('http://127.0.0.1:9/one-more');
    for (const id of [...ids.slice(1), another.id]) await removeWebhook(id);
  });
});
