/**
 * The local HTTP API end to end over real HTTP: routing, the JWT authorizer, events and results, the
 * /dev routes. The gateway runs here on its own, with fixture handlers and a key pair the test knows.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devRoutes } from '../../local/dev-routes.ts';
import { type Gateway, openGateway } from '../../local/gateway.ts';
import { createTokenAuthority, type KeyPair, localAudience, type TokenAuthority } from '../../local/jwt.ts';
import { Outbox } from '../../shared/adapters/outbox/outbox.ts';
import { collectingLog } from './support.ts';

let gateway: Gateway;
let url: string;
let issuer: string;
let keys: KeyPair;
let authority: TokenAuthority;
let outbox: Outbox;
let scratch: string;
const { lines, log } = collectingLog();
const digestEvents: unknown[] = [];

function publicRead(event: APIGatewayProxyEventV2WithJWTAuthorizer): unknown {
  const { rawPath, body, isBase64Encoded } = event;
  if (rawPath === '/throw') throw new Error('handler exploded');
  if (rawPath === '/plain-string') return 'just text';
  if (rawPath === '/plain-object') return { hello: '世界' };
  if (rawPath === '/binary') {
    return {
      statusCode: 200,
      headers: { 'content-type': 'image/png' },
      body: 'AAEC/w==',
      isBase64Encoded: true,
    };
  }
  if (rawPath === '/cookies') {
    return { statusCode: 204, cookies: ['a=1; Path=/', 'b=2; HttpOnly'], headers: { 'x-one': 'yes' } };
  }
  if (rawPath === '/echo-body') {
    return {
      statusCode: 201,
      headers: { 'content-type': 'application/json' },
      body: isBase64Encoded ? Buffer.from(body ?? '', 'base64').toString('utf8') : body,
    };
  }
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) };
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'gateway-test-'));
  outbox = new Outbox(join(scratch, 'outbox.jsonl'));
  keys = await generateKeyPair('ES256');
  gateway = await openGateway(0);
  url = `http://localhost:${gateway.port}`;
  issuer = `${url}/dev`;
  authority = await createTokenAuthority(issuer, keys);
  gateway.serve({
    authority,
    log,
    devRoute: devRoutes({
      authority,
      outbox,
      runDigest: async () => {
        digestEvents.push('digest');
        return { sent: true };
      },
      runSweeper: async () => ({ cases: 0, announcements: 0 }),
      publishEmailEvent: async () => {
        throw new Error('No email events in this test');
      },
    }),
    invoke: async (fn, event) =>
      fn === 'publicRead'
        ? publicRead(event as APIGatewayProxyEventV2WithJWTAuthorizer)
        : { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) },
  });
});

afterAll(async () => {
  await gateway?.close();
  await rm(scratch, { recursive: true, force: true });
});

async function echoOf(response: Response): Promise<APIGatewayProxyEventV2WithJWTAuthorizer> {
  expect(response.status).toBe(200);
  return (await response.json()) as APIGatewayProxyEventV2WithJWTAuthorizer;
}

describe('routing', () => {
  it('sends /admin/... to the admin API with the proxy parameter, and the rest to the public functions', async () => {
    const token = await authority.issue({ sub: 'ed-1', groups: ['editor'] });
    const admin = await echoOf(
      await fetch(`${url}/admin/cases/c%201?status=received`, {
        headers: { authorization: `Bearer ${token}` },
      }),
    );
    expect(admin.routeKey).toBe('ANY /admin/{proxy+}');
    expect(admin.pathParameters).toEqual({ proxy: 'cases/c 1' });
    expect(admin.rawPath).toBe('/admin/cases/c%201');

    const root = await echoOf(await fetch(`${url}/`));
    expect(root.routeKey).toBe('GET /');
    expect(root.pathParameters).toBeUndefined();
    expect(root.requestContext.authorizer).toBeUndefined();

    const permalink = await echoOf(await fetch(`${url}/c/abc123`));
    expect(permalink.routeKey).toBe('ANY /{proxy+}');
    expect(permalink.pathParameters).toEqual({ proxy: 'c/abc123' });
  });

  it('answers 404 like API Gateway when no route matches', async () => {
    const response = await fetch(`${url}/`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: 'Not Found' });
  });
});

describe('the payload 2.0 event', () => {
  it('carries what API Gateway sends', async () => {
    const event = await echoOf(
      await fetch(`${url}/submissions/s1?token=abc&tag=a&tag=b`, {
        headers: { 'user-agent': 'vitest', cookie: 'x=1; y=2', 'x-custom': 'v' },
      }),
    );
    expect(event.version).toBe('2.0');
    expect(event.rawQueryString).toBe('token=abc&tag=a&tag=b');
    expect(event.queryStringParameters).toEqual({ token: 'abc', tag: 'a,b' });
    expect(event.cookies).toEqual(['x=1', 'y=2']);
    expect(event.headers.cookie).toBeUndefined();
    expect(event.headers['x-custom']).toBe('v');
    expect(event.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(event.body).toBeUndefined();
    expect(event.isBase64Encoded).toBe(false);
    const context = event.requestContext;
    expect(context.http).toEqual({
      method: 'GET',
      path: '/submissions/s1',
      protocol: 'HTTP/1.1',
      sourceIp: '127.0.0.1',
      userAgent: 'vitest',
    });
    expect(context.stage).toBe('$default');
    // The token-bearing pages have their own route (never cached at the edge).
    expect(context.routeKey).toBe('ANY /submissions/{proxy+}');
    expect(context.accountId).toMatch(/^\d{12}$/);
    expect(context.time).toMatch(/^\d{2}\/\w{3}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
    expect(Math.abs(context.timeEpoch - Date.now())).toBeLessThan(60_000);
  });

  it('gives every request its own request id', async () => {
    const [a, b] = await Promise.all([echoOf(await fetch(`${url}/x`)), echoOf(await fetch(`${url}/x`))]);
    expect(a?.requestContext.requestId).not.toBe(b?.requestContext.requestId);
  });

  it('round-trips a Chinese JSON body byte for byte', async () => {
    const text = JSON.stringify({ text: '报道中的日期有误：应为二〇二六年三月一日。😀' });
    const response = await fetch(`${url}/echo-body`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: text,
    });
    expect(response.status).toBe(201);
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('base64-encodes bodies that are not text', async () => {
    const bytes = Buffer.from([0, 1, 2, 255, 254]);
    const event = await echoOf(
      await fetch(`${url}/upload`, {
        method: 'PUT',
        headers: { 'content-type': 'application/octet-stream' },
        body: bytes,
      }),
    );
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body ?? '', 'base64').equals(bytes)).toBe(true);
  });
});

describe('results', () => {
  it('treats a plain string or object as a 200 application/json body', async () => {
    const text = await fetch(`${url}/plain-string`);
    expect(text.status).toBe(200);
    expect(text.headers.get('content-type')).toBe('application/json');
    expect(await text.text()).toBe('just text');
    const object = await fetch(`${url}/plain-object`);
    expect(await object.json()).toEqual({ hello: '世界' });
  });

  it('decodes base64 bodies and writes cookies as set-cookie', async () => {
    const binary = await fetch(`${url}/binary`);
    expect(Buffer.from(await binary.arrayBuffer()).equals(Buffer.from([0, 1, 2, 255]))).toBe(true);
    const cookies = await fetch(`${url}/cookies`);
    expect(cookies.status).toBe(204);
    expect(cookies.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; HttpOnly']);
    expect(cookies.headers.get('x-one')).toBe('yes');
  });

  it('answers a handler that throws with a 500 problem and logs the error', async () => {
    const response = await fetch(`${url}/throw`);
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
    });
    expect(lines.some((line) => line.includes('handler exploded'))).toBe(true);
  });

  it('refuses bodies over 10 MB itself', async () => {
    const response = await fetch(`${url}/echo-body`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(10 * 1024 * 1024 + 1, 0x20),
    });
    expect(response.status).toBe(413);
    expect((await response.json()).status).toBe(413);
  });
});

describe('the JWT authorizer', () => {
  const unauthorized = async (headers: Record<string, string>) => {
    const response = await fetch(`${url}/admin/cases`, { headers });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    const body = await response.json();
    expect(body).toMatchObject({ title: 'Unauthorized', status: 401, message: 'Unauthorized' });
    expect(typeof body.type).toBe('string');
    expect(typeof body.detail).toBe('string');
    return body.detail as string;
  };

  async function token(
    overrides: { issuer?: string; audience?: string; key?: CryptoKey; expiresAt?: number } = {},
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ 'cognito:groups': ['editor'] })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('someone')
      .setIssuer(overrides.issuer ?? issuer)
      .setAudience(overrides.audience ?? localAudience)
      .setIssuedAt(now - 7200)
      .setExpirationTime(overrides.expiresAt ?? now + 3600)
      .sign(overrides.key ?? keys.privateKey);
  }

  it("passes a good token's claims in the authorizer's string form", async () => {
    const good = await authority.issue({ sub: 'editor-1', name: '李编辑', groups: ['editor', 'reviewer'] });
    const event = await echoOf(
      await fetch(`${url}/admin/cases`, { headers: { authorization: `Bearer ${good}` } }),
    );
    const { claims, scopes } = event.requestContext.authorizer.jwt;
    expect(claims.sub).toBe('editor-1');
    expect(claims.name).toBe('李编辑');
    expect(claims['cognito:groups']).toBe('[editor reviewer]');
    expect(claims.iss).toBe(issuer);
    expect(claims.aud).toBe(localAudience);
    for (const value of Object.values(claims)) expect(typeof value).toBe('string');
    expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
    expect(scopes).toBeNull();
  });

  it('accepts a token the test signed with the same key, issuer and audience', async () => {
    const event = await echoOf(
      await fetch(`${url}/admin/cases`, { headers: { authorization: `Bearer ${await token()}` } }),
    );
    expect(event.requestContext.authorizer.jwt.claims.sub).toBe('someone');
  });

  it('refuses a missing token', async () => {
    expect(await unauthorized({})).toMatch(/no bearer token/);
  });

  it('refuses a token signed by another key', async () => {
    const otherKey = (await generateKeyPair('ES256')).privateKey;
    expect(await unauthorized({ authorization: `Bearer ${await token({ key: otherKey })}` })).toMatch(
      /signature/,
    );
  });

  it('refuses a token from another issuer', async () => {
    const foreign = await token({ issuer: 'https://cognito-idp.example/pool' });
    expect(await unauthorized({ authorization: `Bearer ${foreign}` })).toMatch(/not issued by this stack/);
  });

  it('refuses a token for another audience', async () => {
    expect(
      await unauthorized({ authorization: `Bearer ${await token({ audience: 'another-app' })}` }),
    ).toMatch(/not meant for this API/);
  });

  it('refuses an expired token', async () => {
    const expired = await token({ expiresAt: Math.floor(Date.now() / 1000) - 60 });
    expect(await unauthorized({ authorization: `Bearer ${expired}` })).toMatch(/expired/);
    const issuedExpired = await authority.issue({ sub: 'late', groups: ['editor'] }, -60);
    expect(await unauthorized({ authorization: `Bearer ${issuedExpired}` })).toMatch(/expired/);
  });

  it('refuses something that is not a JWT', async () => {
    expect(await unauthorized({ authorization: 'Bearer not-a-jwt' })).toMatch(/not a valid JWT/);
  });
});

describe('/dev routes', () => {
  it('issues a token from POST /dev/token that the gateway accepts', async () => {
    const response = await fetch(`${url}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sub: 'rev-1', groups: ['reviewer'] }),
    });
    expect(response.status).toBe(200);
    const { token } = (await response.json()) as { token: string };
    const event = await echoOf(
      await fetch(`${url}/admin/cases`, { headers: { authorization: `Bearer ${token}` } }),
    );
    expect(event.requestContext.authorizer.jwt.claims['cognito:groups']).toBe('[reviewer]');
    expect(event.requestContext.authorizer.jwt.claims.name).toBeUndefined();
  });

  it('lists every bad field of a token request', async () => {
    const response = await fetch(`${url}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sub: '', name: 7, groups: ['editor', 'boss'] }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = await response.json();
    expect(problem).toMatchObject({ status: 400 });
    expect(problem.errors.map((error: { path: string }) => error.path)).toEqual(['sub', 'name', 'groups[1]']);
  });

  it('refuses a token request that is not JSON, or has no groups', async () => {
    const garbage = await fetch(`${url}/dev/token`, { method: 'POST', body: '{not json' });
    expect(garbage.status).toBe(400);
    const noGroups = await fetch(`${url}/dev/token`, { method: 'POST', body: JSON.stringify({ sub: 'a' }) });
    expect((await noGroups.json()).errors).toEqual([{ path: 'groups', message: expect.any(String) }]);
  });

  it('shows the outbox, newest last, filtered by address', async () => {
    await outbox.append({
      channel: 'sms',
      address: '+8613800138000',
      kind: 'verification_code',
      body: '验证码 123456',
      at: '2026-01-01T00:00:00.000Z',
    });
    await outbox.append({
      channel: 'email',
      address: 'a@example.org',
      kind: 'confirmation',
      subject: '请确认',
      body: '链接',
      at: '2026-01-01T00:00:01.000Z',
    });
    await outbox.append({
      channel: 'sms',
      address: '+8613800138000',
      kind: 'correction',
      body: '更正',
      correctionId: 'c1',
      at: '2026-01-01T00:00:02.000Z',
    });
    const all = await (await fetch(`${url}/dev/outbox`)).json();
    expect(all.items).toHaveLength(3);
    const phone = await (
      await fetch(`${url}/dev/outbox?address=${encodeURIComponent('+8613800138000')}`)
    ).json();
    expect(phone.items.map((item: { body: string }) => item.body)).toEqual(['验证码 123456', '更正']);
  });

  it('runs the digest as its schedule would', async () => {
    const response = await fetch(`${url}/dev/digest`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ result: { sent: true } });
    expect(digestEvents).toEqual(['digest']);
  });
});
