/** The payload 2.0 event builder and the result mapping, without a server. */
import { describe, expect, it } from 'vitest';
import {
  isTextContent,
  type RawRequest,
  splitTarget,
  toHttpApiEvent,
  toHttpResponse,
} from '../../local/http-event.ts';

const now = new Date('2026-03-12T19:03:58.123Z');

function request(overrides: Partial<RawRequest> = {}): RawRequest {
  return {
    method: 'POST',
    target: '/submissions',
    httpVersion: '1.1',
    rawHeaders: ['Host', 'localhost:3000', 'User-Agent', 'curl/8'],
    body: Buffer.alloc(0),
    sourceIp: '127.0.0.1',
    port: 3000,
    ...overrides,
  };
}

const route = { routeKey: 'ANY /{proxy+}', pathParameters: { proxy: 'submissions' } };
const build = (overrides: Partial<RawRequest> = {}) =>
  toHttpApiEvent(request(overrides), route, { requestId: 'req-1', now });

describe('toHttpApiEvent', () => {
  it('fills the request context as API Gateway does', () => {
    const event = build();
    expect(event.version).toBe('2.0');
    expect(event.routeKey).toBe('ANY /{proxy+}');
    expect(event.pathParameters).toEqual({ proxy: 'submissions' });
    expect(event.requestContext).toMatchObject({
      accountId: '000000000000',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: 'POST',
        path: '/submissions',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'curl/8',
      },
      requestId: 'req-1',
      routeKey: 'ANY /{proxy+}',
      stage: '$default',
      time: '12/Mar/2026:19:03:58 +0000',
      timeEpoch: now.getTime(),
    });
    expect(event.requestContext.authorizer).toBeUndefined();
  });

  it('lower-cases header names and joins repeated headers with commas', () => {
    const event = build({
      rawHeaders: ['Host', 'localhost:3000', 'X-Tag', 'one', 'x-tag', 'two', 'Accept-Language', 'zh-CN'],
    });
    expect(event.headers['x-tag']).toBe('one,two');
    expect(event.headers['accept-language']).toBe('zh-CN');
    expect(event.headers.host).toBe('localhost:3000');
    expect(Object.keys(event.headers).every((name) => name === name.toLowerCase())).toBe(true);
  });

  it('adds the forwarding headers and moves cookies out of the headers', () => {
    const event = build({
      rawHeaders: ['X-Forwarded-For', '10.0.0.1', 'Cookie', 'a=1; b=2', 'cookie', 'c=3'],
    });
    expect(event.headers['x-forwarded-for']).toBe('10.0.0.1, 127.0.0.1');
    expect(event.headers['x-forwarded-proto']).toBe('http');
    expect(event.headers['x-forwarded-port']).toBe('3000');
    expect(event.headers['x-amzn-trace-id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
    expect(event.headers.cookie).toBeUndefined();
    expect(event.cookies).toEqual(['a=1', 'b=2', 'c=3']);
  });

  it('keeps the raw query string and decodes parameters, joining repeated ones with commas', () => {
    const event = build({ target: '/corrections?topic=%E6%95%99%E8%82%B2&limit=5&tag=a&tag=b&q=x+y&empty' });
    expect(event.rawPath).toBe('/corrections');
    expect(event.rawQueryString).toBe('topic=%E6%95%99%E8%82%B2&limit=5&tag=a&tag=b&q=x+y&empty');
    expect(event.queryStringParameters).toEqual({
      topic: '教育',
      limit: '5',
      tag: 'a,b',
      q: 'x y',
      empty: '',
    });
  });

  it('leaves out the query parameters, cookies and body when there are none', () => {
    const event = build({ method: 'GET' });
    expect(event.queryStringParameters).toBeUndefined();
    expect(event.cookies).toBeUndefined();
    expect('body' in event).toBe(false);
    expect(event.isBase64Encoded).toBe(false);
  });

  it('passes text bodies as UTF-8, Chinese included, byte for byte', () => {
    const text = '{"text":"标题中的人名写错了：应为“张三”。","emoji":"🧧"}';
    const event = build({
      rawHeaders: ['Content-Type', 'application/json; charset=utf-8'],
      body: Buffer.from(text, 'utf8'),
    });
    expect(event.isBase64Encoded).toBe(false);
    expect(event.body).toBe(text);
    expect(Buffer.from(event.body ?? '', 'utf8').equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('base64-encodes other bodies, and bodies without a content type', () => {
    const bytes = Buffer.from([0xff, 0x00, 0xe4, 0xb8, 0xad]);
    for (const rawHeaders of [['Content-Type', 'application/octet-stream'], []]) {
      const event = build({ rawHeaders, body: bytes });
      expect(event.isBase64Encoded).toBe(true);
      expect(Buffer.from(event.body ?? '', 'base64').equals(bytes)).toBe(true);
    }
  });

  it('carries the JWT authorizer when there is one', () => {
    const authorizer = { jwt: { claims: { sub: 'e1', 'cognito:groups': '[editor]' }, scopes: null } };
    const event = toHttpApiEvent(request(), route, { requestId: 'r', now, authorizer });
    expect(event.requestContext.authorizer).toEqual(authorizer);
  });
});

describe('isTextContent', () => {
  it.each([
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['APPLICATION/JSON', true],
    ['application/problem+json', true],
    ['application/feed+json', true],
    ['application/atom+xml', true],
    ['application/xml', true],
    ['text/html; charset=utf-8', true],
    ['text/plain', true],
    ['application/x-www-form-urlencoded', true],
    ['application/octet-stream', false],
    ['image/png', false],
    ['multipart/form-data; boundary=x', false],
    [undefined, false],
  ])('%s → %s', (contentType, expected) => {
    expect(isTextContent(contentType)).toBe(expected);
  });
});

describe('splitTarget', () => {
  it('splits at the first question mark only', () => {
    expect(splitTarget('/a/b?x=1?2')).toEqual({ rawPath: '/a/b', rawQueryString: 'x=1?2' });
    expect(splitTarget('/')).toEqual({ rawPath: '/', rawQueryString: '' });
  });
});

describe('toHttpResponse', () => {
  it('takes a structured result field by field', () => {
    const response = toHttpResponse({
      statusCode: 201,
      headers: { 'Content-Type': 'application/json', ETag: '"2"', 'X-Count': 3 },
      multiValueHeaders: { Vary: ['Accept', 'Accept-Language'] },
      cookies: ['session=1; HttpOnly'],
      body: '{"名字":"王五"}',
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers).toEqual({
      'content-type': 'application/json',
      etag: '"2"',
      'x-count': '3',
      vary: 'Accept,Accept-Language',
      'set-cookie': ['session=1; HttpOnly'],
    });
    expect(response.body.toString('utf8')).toBe('{"名字":"王五"}');
  });

  it('decodes base64 bodies', () => {
    const response = toHttpResponse({
      statusCode: 200,
      body: Buffer.from('中文').toString('base64'),
      isBase64Encoded: true,
    });
    expect(response.body.toString('utf8')).toBe('中文');
  });

  it('treats a string or an object without statusCode as a 200 JSON body', () => {
    expect(toHttpResponse('hello')).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: Buffer.from('hello'),
    });
    const object = toHttpResponse({ items: ['一'] });
    expect(object.statusCode).toBe(200);
    expect(object.body.toString('utf8')).toBe('{"items":["一"]}');
    expect(toHttpResponse(undefined).body.toString()).toBe('null');
  });

  it('refuses a malformed structured result, as API Gateway answers it with a 500', () => {
    expect(() => toHttpResponse({ statusCode: 'ok' })).toThrow(/statusCode/);
    expect(() => toHttpResponse({ statusCode: 200, body: { not: 'a string' } })).toThrow(/body/);
  });
});
