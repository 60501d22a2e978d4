/**
 * The subscription routes over HTTP API (payload 2.0) events, as API Gateway delivers them: what each
 * answer looks like (JSON, problem+json or HTML), and that none carries an address or a secret.
 */
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { subscriptionRoutes } from '../../functions/public-write/subscriptions.ts';
import { newRequestId, toHttpApiEvent } from '../../local/http-event.ts';
import { DynamoRateLimiter } from '../../shared/adapters/dynamodb/rate-limiter.ts';
import { createApi } from '../../shared/http/api.ts';
import type { Services } from '../../shared/runtime/assemble.ts';
import { randomDigits, randomId } from '../../shared/security/tokens.ts';
import { unsubscribeToken } from '../../shared/usecases/links.ts';
import { type TestDesk, testDesk } from '../support/desk.ts';

let desk: TestDesk;
let deps: Services;
const app = createApi();
subscriptionRoutes(app, async () => deps);

beforeAll(async () => {
  desk = await testDesk();
  deps = desk;
});

/**
 * Everything an answer must never show: every address used here, and every confirmation secret (the
 * confirmation page's form carries back the one token its visitor came with, and no other).
 */
const secrets = new Set<string>();
const answers: Array<{ target: string; body: string; own?: string }> = [];

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
  json: () => Record<string, unknown>;
}

async function call(
  method: string,
  target: string,
  body?: { type: string; content: string | Buffer },
): Promise<Answer> {
  const event = toHttpApiEvent(
    {
      method,
      target,
      httpVersion: '1.1',
      rawHeaders: ['Host', 'corrections.example.org', ...(body ? ['Content-Type', body.type] : [])],
      body: body ? Buffer.from(body.content) : Buffer.alloc(0),
      sourceIp: '198.51.100.7',
      port: 443,
    },
    { routeKey: '$default' },
    { requestId: newRequestId(), now: new Date() },
  );
  const result = (await app.resolve(event, {} as Context)) as APIGatewayProxyStructuredResultV2;
  const text = result.isBase64Encoded
    ? Buffer.from(result.body ?? '', 'base64').toString()
    : (result.body ?? '');
  const own =
    method === 'GET' && /\/confirm\?token=/.test(target) ? /token=([\w.-]+)/.exec(target)?.[1] : undefined;
  answers.push({ target, body: text, ...(own ? { own } : {}) });
  return {
    status: result.statusCode ?? 0,
    headers: (result.headers ?? {}) as Record<string, string>,
    body: text,
    json: () => JSON.parse(text),
  };
}

const postJson = (target: string, value: unknown) =>
  call('POST', target, { type: 'application/json', content: JSON.stringify(value) });
const postForm = (target: string, content: string) =>
  call('POST', target, { type: 'application/x-www-form-urlencoded', content });

function newEmail(): string {
  const address = `reader-${randomId(8)}@example.org`;
  secrets.add(address);
  return address;
}

async function confirmToken(address: string): Promise<string> {
  const mail = (await desk.outbox.read(address)).at(-1);
  const token = /token=([\w.-]+)/.exec(mail?.body ?? '')?.[1] ?? '';
  secrets.add(token);
  return token;
}

async function activeEmail(topics = ['public-information']) {
  const address = newEmail();
  const answer = await postJson('/subscriptions', { channel: 'email', address, topics });
  const id = String(answer.json().id);
  await postForm(`/subscriptions/${id}/confirm`, `token=${await confirmToken(address)}`);
  return { address, id, unsubscribe: unsubscribeToken(desk.signer, id) };
}

const problemType = 'application/problem+json; charset=utf-8';
const htmlType = 'text/html; charset=utf-8';

describe('POST /subscriptions', () => {
  it('answers 202 with the masked subscription and sends the confirmation', async () => {
    const address = newEmail();
    const answer = await postJson('/subscriptions', {
      channel: 'email',
      address,
      topics: ['firefighting-rescue', 'firefighting-rescue'],
      language: 'en',
    });
    expect(answer.status).toBe(202);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.json()).toEqual({
      id: expect.any(String),
      channel: 'email',
      status: 'pending_confirmation',
      topics: ['firefighting-rescue'],
      follows: [],
      frequency: 'immediate',
      language: 'en',
      maskedAddress: 'r***@example.org',
      createdAt: expect.any(String),
    });
    expect(await desk.outbox.read(address)).toHaveLength(1);
  });

  it('answers 400 listing every bad field, 415 for anything but JSON, 413 over 64 KiB', async () => {
    const invalid = await postJson('/subscriptions', {
      channel: 'sms',
      address: '13800138000',
      topics: ['nope'],
      language: 'fr',
      name: 'Li',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.headers['content-type']).toBe(problemType);
    expect((invalid.json().errors as Array<{ path: string }>).map((error) => error.path).sort()).toEqual([
      'address',
      'language',
      'name',
      'topics[0]',
    ]);
    const form = await postForm('/subscriptions', 'channel=email');
    expect([form.status, form.headers['content-type']]).toEqual([415, problemType]);
    const big = await postJson('/subscriptions', {
      channel: 'email',
      address: 'x'.repeat(70_000),
      topics: ['*'],
    });
    expect(big.status).toBe(413);
  });

  it('answers 429 with Retry-After once one address asked too often', async () => {
    const hourStart = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    deps = {
      ...desk,
      config: { ...desk.config, subscriptionRequestsPerAddressPerHour: 2 },
      rateLimiter: new DynamoRateLimiter(desk.documents, desk.tableName, () => hourStart + 59 * 60_000),
    };
    try {
      const address = newEmail();
      const ask = () => postJson('/subscriptions', { channel: 'email', address, topics: ['*'] });
      expect([(await ask()).status, (await ask()).status]).toEqual([202, 202]);
      const limited = await ask();
      expect(limited.status).toBe(429);
      expect(limited.headers['retry-after']).toBe('60');
      expect(limited.headers['content-type']).toBe(problemType);
    } finally {
      deps = desk;
    }
  });

  it('answers 503 when the confirmation cannot be queued, and the same request again sends it', async () => {
    const address = newEmail();
    // The send queue refuses the job (SQS unreachable, say); its message must not reach the answer.
    const refused = new Error(`AWS.SimpleQueueService.NonExistentQueue for ${address}`);
    deps = { ...desk, queues: { ...desk.queues, sendConfirmation: () => Promise.reject(refused) } };
    const request = { channel: 'email', address, topics: ['*'] };
    try {
      const failed = await postJson('/subscriptions', request);
      expect(failed.status).toBe(503);
      expect(failed.headers['retry-after']).toBe('60');
      expect(failed.json().detail).toMatch(/could not be sent/);
      expect(failed.body).not.toContain(address);
    } finally {
      deps = desk;
    }
    const retried = await postJson('/subscriptions', request);
    expect(retried.status).toBe(202);
    expect(await desk.outbox.read(address)).toHaveLength(1);
  });
});

describe('confirming', () => {
  it('by the email link: a page whose button confirms; opening it changes nothing (changed in 1.1)', async () => {
    const address = newEmail();
    const { id } = (
      await postJson('/subscriptions', { channel: 'email', address, topics: ['*'] })
    ).json() as {
      id: string;
    };
    const token = await confirmToken(address);
    const before = await desk.subscriptions.get(id);
    const page = await call('GET', `/subscriptions/${id}/confirm?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.headers).toMatchObject({
      'content-type': htmlType,
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    });
    expect(page.headers['content-security-policy']).toMatch(/^default-src 'none'/);
    expect(page.body).toContain('<html lang="zh-CN">');
    expect(page.body).toContain('确认订阅');
    expect(page.body).toContain(
      `<form method="post" action="confirm"><input type="hidden" name="token" value="${token}" />`,
    );
    expect(page.body).toContain('r***@example.org');
    // A scanner opening the link twice confirms nothing.
    await call('GET', `/subscriptions/${id}/confirm?token=${token}`);
    expect(await desk.subscriptions.get(id)).toEqual(before);

    const confirmed = await postForm(`/subscriptions/${id}/confirm`, `token=${token}`);
    expect([confirmed.status, confirmed.headers['content-type']]).toEqual([200, htmlType]);
    expect(confirmed.body).toContain('订阅已确认');
    expect(confirmed.body).toContain(`/subscriptions/${id}/manage?token=`);
    expect((await desk.subscriptions.get(id))?.status).toBe('active');
    const again = await postForm(`/subscriptions/${id}/confirm`, `token=${token}`);
    expect(again.status).toBe(200);
    expect(again.body).toContain('此订阅此前已确认');
    const opened = await call('GET', `/subscriptions/${id}/confirm?token=${token}`);
    expect(opened.body).toContain('此订阅此前已确认');
    expect(opened.body).not.toContain('<form');

    const wrong = await call('GET', `/subscriptions/${id}/confirm?token=${token.slice(1)}`);
    const unknown = await call('GET', `/subscriptions/nosuchid/confirm?token=${token}`);
    const impossible = await call('GET', `/subscriptions/${'A'.repeat(3000)}/confirm?token=${token}`);
    const posted = await postForm(`/subscriptions/${id}/confirm`, `token=${token.slice(1)}`);
    for (const dead of [wrong, unknown, impossible, posted]) {
      expect([dead.status, dead.headers['content-type']]).toEqual([404, htmlType]);
      expect(dead.body).toBe(wrong.body);
    }
    const missing = await call('GET', `/subscriptions/${id}/confirm`);
    expect([missing.status, missing.headers['content-type']]).toEqual([400, problemType]);
  });

  it('by JSON {token}: the Subscription, again the same; a wrong token 404', async () => {
    const address = newEmail();
    const { id } = (
      await postJson('/subscriptions', { channel: 'email', address, topics: ['*'] })
    ).json() as {
      id: string;
    };
    const token = await confirmToken(address);
    const done = await postJson(`/subscriptions/${id}/confirm`, { token });
    expect(done.status).toBe(200);
    expect(done.json()).toMatchObject({
      id,
      status: 'active',
      channel: 'email',
      maskedAddress: 'r***@example.org',
    });
    expect((await postJson(`/subscriptions/${id}/confirm`, { token })).json()).toEqual(done.json());
    const wrong = await postJson(`/subscriptions/${id}/confirm`, { token: `x${token}` });
    expect([wrong.status, wrong.headers['content-type']]).toEqual([404, problemType]);
  });

  it('by the SMS code: 200 Subscription when right, 400 problem when wrong, 404 for an unknown id', async () => {
    const phone = `+86139${randomDigits(8)}`;
    secrets.add(phone);
    const { id } = (
      await postJson('/subscriptions', { channel: 'sms', address: phone, topics: ['*'] })
    ).json() as {
      id: string;
    };
    const code = /\d{6}/.exec((await desk.outbox.read(phone)).at(-1)?.body ?? '')?.[0] ?? '';
    const wrong = await postJson(`/subscriptions/${id}/verify`, {
      code: code === '000000' ? '000001' : '000000',
    });
    expect([wrong.status, wrong.headers['content-type']]).toEqual([400, problemType]);
    expect(wrong.json()).toMatchObject({
      detail: 'The code is wrong; 4 tries left.',
      errors: [{ path: 'code', message: 'The code is wrong; 4 tries left.' }],
    });
    const malformed = await postJson(`/subscriptions/${id}/verify`, { code: '12', extra: 1 });
    expect((malformed.json().errors as unknown[]).length).toBe(2);
    const right = await postJson(`/subscriptions/${id}/verify`, { code });
    expect(right.status).toBe(200);
    expect(right.json()).toMatchObject({
      id,
      status: 'active',
      channel: 'sms',
      maskedAddress: expect.any(String),
    });
    const unknown = await postJson('/subscriptions/nosuchid/verify', { code });
    expect([unknown.status, unknown.headers['content-type']]).toEqual([404, problemType]);
  });
});

describe('unsubscribing', () => {
  it('GET on the page shows the form and changes nothing', async () => {
    const { id, unsubscribe } = await activeEmail(['public-information', 'firefighting-rescue']);
    const before = await desk.subscriptions.get(id);
    const page = await call('GET', `/subscriptions/${id}/unsubscribe-page?token=${unsubscribe}`);
    expect([page.status, page.headers['content-type']]).toEqual([200, htmlType]);
    expect(page.body).toContain(
      `<form method="post" action="unsubscribe"><input type="hidden" name="token" value="${unsubscribe}" />`,
    );
    expect(page.body).toContain('r***@example.org');
    expect(page.body).toContain('灭火与');
    // The visitor's own token comes back in the form, and nowhere else.
    expect(page.body.split(unsubscribe)).toHaveLength(2);
    expect(await desk.subscriptions.get(id)).toEqual(before);
    const dead = await call('GET', `/subscriptions/${id}/unsubscribe-page?token=${unsubscribe.slice(0, -2)}`);
    expect(dead.status).toBe(404);
  });

  it('by the page form: the token in the body, an HTML answer', async () => {
    const { id, unsubscribe } = await activeEmail();
    const done = await postForm(`/subscriptions/${id}/unsubscribe`, `token=${unsubscribe}`);
    expect([done.status, done.headers['content-type']]).toEqual([200, htmlType]);
    expect(done.body).toContain('已退订');
    expect((await desk.subscriptions.get(id))?.status).toBe('unsubscribed');
    const page = await call('GET', `/subscriptions/${id}/unsubscribe-page?token=${unsubscribe}`);
    expect(page.body).not.toContain('<form');
  });

  it('by RFC 8058 one-click, urlencoded or multipart, repeatable', async () => {
    const { id, unsubscribe } = await activeEmail();
    const target = `/subscriptions/${id}/unsubscribe?token=${unsubscribe}`;
    const first = await postForm(target, 'List-Unsubscribe=One-Click');
    expect(first.status).toBe(200);
    expect((await desk.subscriptions.get(id))?.status).toBe('unsubscribed');
    const multipart = await call('POST', target, {
      type: 'multipart/form-data; boundary=xYzZY',
      content:
        '--xYzZY\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--xYzZY--\r\n',
    });
    expect(multipart.status).toBe(200);

    const other = await activeEmail();
    const viaMultipart = await call(
      'POST',
      `/subscriptions/${other.id}/unsubscribe?token=${other.unsubscribe}`,
      {
        type: 'multipart/form-data; boundary=xYzZY',
        content:
          '--xYzZY\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--xYzZY--\r\n',
      },
    );
    expect(viaMultipart.status).toBe(200);
    expect((await desk.subscriptions.get(other.id))?.status).toBe('unsubscribed');
  });

  it('by JSON: 200 Subscription, again 200, a wrong token 404', async () => {
    const { id, unsubscribe } = await activeEmail();
    const done = await postJson(`/subscriptions/${id}/unsubscribe`, { token: unsubscribe });
    expect(done.status).toBe(200);
    expect(done.json()).toMatchObject({ id, status: 'unsubscribed', maskedAddress: 'r***@example.org' });
    expect((await postJson(`/subscriptions/${id}/unsubscribe`, { token: unsubscribe })).json()).toEqual(
      done.json(),
    );
    const wrong = await postJson(`/subscriptions/${id}/unsubscribe`, { token: unsubscribe.slice(1) });
    expect([wrong.status, wrong.headers['content-type']]).toEqual([404, problemType]);
  });

  it('refuses what is not an unsubscribe: 404 page, 400, 415 and 413', async () => {
    const { id, unsubscribe } = await activeEmail();
    const wrong = await postForm(
      `/subscriptions/${id}/unsubscribe?token=x${unsubscribe}`,
      'List-Unsubscribe=One-Click',
    );
    expect([wrong.status, wrong.headers['content-type']]).toEqual([404, htmlType]);
    const bogus = await postForm(
      `/subscriptions/${id}/unsubscribe?token=${unsubscribe}`,
      'List-Unsubscribe=Yes',
    );
    expect([bogus.status, bogus.headers['content-type']]).toEqual([400, problemType]);
    const noToken = await postForm(`/subscriptions/${id}/unsubscribe`, 'List-Unsubscribe=One-Click');
    expect(noToken.json().errors).toEqual([{ path: 'token', message: 'is required', code: 'required' }]);
    const text = await call('POST', `/subscriptions/${id}/unsubscribe`, {
      type: 'text/plain',
      content: unsubscribe,
    });
    expect(text.status).toBe(415);
    const big = await postForm(
      `/subscriptions/${id}/unsubscribe`,
      `token=${unsubscribe}&pad=${'x'.repeat(70_000)}`,
    );
    expect(big.status).toBe(413);
    expect((await desk.subscriptions.get(id))?.status).toBe('active');
  });
});

describe('every answer', () => {
  it('carries no address and no confirmation secret', () => {
    expect(answers.length).toBeGreaterThan(30);
    for (const { target, body, own } of answers) {
      for (const secret of secrets) {
        if (secret && secret !== own) expect(body, target).not.toContain(secret);
      }
      if (own) expect(body.split(own).length, target).toBeLessThanOrEqual(2);
    }
  });
});
