/**
 * Property-based fuzzing of every operation in the contract, through the local gateway's own request
 * handling and the real functions (in process, no sockets), against DynamoDB Local: whatever the path,
 * query, headers and body, the desk never answers 5xx, never shows a stack trace, and answers every
 * 4xx as problem+json (pages may answer theirs as HTML). A deliberately broken handler makes the same
 * property fail, so the suite is known to catch what it is for.
 */
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../local/gateway.ts';
import { createTokenAuthority } from '../../local/jwt.ts';
import { routesFromCatalogue } from '../../local/routes.ts';
import { InvalidInput } from '../../shared/domain/errors.ts';
import { createApi } from '../../shared/http/api.ts';
import { eventOf, json, jsonBody } from '../../shared/http/request.ts';
import {
  type InProcessDesk,
  type InProcessReply,
  type InProcessRequest,
  inProcessDesk,
} from '../support/in-process.ts';
import {
  contentTypes,
  formOf,
  type Known,
  type Operation,
  objectOf,
  operations,
  pathSegment,
  schemaValue,
} from './contract-arbitraries.ts';
import { answeredAsItMust, hostileRequests } from './hostile-requests.ts';

/** Runs per operation: hundreds each in CI; FUZZ_RUNS raises it for a longer hunt. */
const runs = Number(process.env.FUZZ_RUNS ?? 200);

let desk: InProcessDesk;
let known: Known;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  desk = await inProcessDesk({
    // The fuzz is one client sending thousands of requests: the per-client limit would answer most
    // of them 429 (a fine answer, but one that stops the request before the code under test).
    variables: { CLIENT_REQUESTS_PER_MINUTE: '1000000000' },
  });
  tokens.admin = await desk.issueToken({ sub: 'admin-chen', groups: ['admin'] });
  tokens.editor = await desk.issueToken({ sub: 'editor-wang', groups: ['editor'] });
  tokens.reviewer = await desk.issueToken({ sub: 'reviewer-li', groups: ['reviewer'] });
  tokens.expired = await desk.issueToken({ sub: 'editor-wang', groups: ['editor'] }, 0);
  known = await seed(desk);
}, 120_000);
afterAll(async () => {
  await desk?.stop();
});

/** A few real things (a report, a case at each step, a subscription), so requests can name them. */
async function seed(desk: InProcessDesk): Promise<Known> {
  const admin = ['Authorization', `Bearer ${tokens.admin}`, 'Content-Type', 'application/json'];
  const post = async (target: string, body: unknown, headers = admin) =>
    JSON.parse(
      (await desk.send({ method: 'POST', target, rawHeaders: headers, body: JSON.stringify(body) })).text,
    );
  const report = await post(
    '/submissions',
    {
      text: '报道中的日期有误',
      url: 'https://example.org/news/1',
      contact: { email: 'reporter@example.org' },
    },
    ['Content-Type', 'application/json'],
  );
  const opened = await post('/admin/cases', {
    text: '监测发现错误',
    topic: 'personnel',
    source: 'monitoring',
  });
  const subscription = await post(
    '/subscriptions',
    { channel: 'email', address: 'reader@example.org', topics: ['*'] },
    ['Content-Type', 'application/json'],
  );
  const topics = ['fire-prevention', 'firefighting-rescue', 'personnel', 'public-information'];
  return {
    topics,
    ids: [report.submissionId, report.caseId, opened.id, subscription.id].filter(Boolean),
    tokens: [report.trackingToken].filter(Boolean),
  };
}

function requestFor(operation: Operation): fc.Arbitrary<InProcessRequest> {
  const pathParameters = operation.parameters.filter((p) => p.in === 'path');
  const queryParameters = operation.parameters.filter((p) => p.in === 'query');
  const headerParameters = operation.parameters.filter((p) => p.in === 'header');
  const path = fc
    .tuple(...pathParameters.map((p) => pathSegment(p, known)))
    .map((values) =>
      pathParameters.reduce(
        (target, p, index) => target.replace(`{${p.name}}`, values[index] as string),
        operation.path,
      ),
    );
  const query = fc
    .tuple(
      ...queryParameters.map((p) => fc.option(schemaValue(p.schema, known, p.name), { freq: 3 })),
      fc.option(fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 })), { freq: 6 }),
    )
    .map((values) => {
      const extra = values.pop() as [string, string] | null;
      const pairs: Array<[string, string]> = [];
      queryParameters.forEach((p, index) => {
        const value = values[index];
        if (value !== null && value !== undefined)
          pairs.push([p.name, typeof value === 'string' ? value : JSON.stringify(value)]);
      });
      if (extra) pairs.push(extra);
      return pairs.length > 0 ? `?${new URLSearchParams(pairs).toString()}` : '';
    });
  // Header values as HTTP can carry them: visible ASCII and Latin-1, no line breaks.
  const headerValue = fc.string({
    unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)),
    maxLength: 200,
  });
  const headers = fc
    .tuple(
      operation.admin
        ? fc.constantFrom('admin', 'admin', 'admin', 'editor', 'reviewer', 'expired', 'garbage', 'none')
        : fc.constantFrom('none', 'admin'),
      fc.option(
        fc.oneof(
          fc.integer({ min: 0, max: 5 }).map((v) => `"${v}"`),
          headerValue,
        ),
        { freq: 2 },
      ),
      ...headerParameters.map(() => fc.option(headerValue, { freq: 2 })),
    )
    .map(([who, ifMatch, ...values]) => {
      const raw: string[] = [];
      if (who === 'garbage') raw.push('Authorization', 'Bearer not.a.token');
      else if (who !== 'none') raw.push('Authorization', `Bearer ${tokens[who]}`);
      if (ifMatch !== null) raw.push('If-Match', ifMatch);
      headerParameters.forEach((p, index) => {
        const value = values[index];
        if (value !== null && value !== undefined) raw.push(p.name, value);
      });
      return raw;
    });
  const body = bodyFor(operation);
  return fc
    .tuple(path, query, headers, body, fc.ipV4())
    .map(([target, search, rawHeaders, [contentType, content], sourceIp]) => ({
      method: operation.method,
      target: `${target}${search}`,
      rawHeaders: [...rawHeaders, ...(contentType ? ['Content-Type', contentType] : [])],
      ...(content !== undefined ? { body: content } : {}),
      sourceIp,
    }));
}

/** The body: the operation's own media type and schema mostly; otherwise another type, non-objects, bytes. */
function bodyFor(operation: Operation): fc.Arbitrary<[string | undefined, string | Buffer | undefined]> {
  const nonObjects = fc.constantFrom('null', '0', '"x"', '[]', 'true', '1.5', '""', '[{}]');
  const declared = operation.bodies.map(({ mediaType, schema }) => {
    const content: fc.Arbitrary<string> = mediaType.includes('form')
      ? formOf(schema, known)
      : mediaType === 'application/json'
        ? objectOf(schema, known).map((value) => JSON.stringify(value))
        : fc.string({ maxLength: 400 });
    return content.map((text): [string, string] => [mediaType, text]);
  });
  const anything: fc.Arbitrary<[string | undefined, string | Buffer | undefined]> = fc.oneof(
    fc.tuple(contentTypes, nonObjects),
    fc.tuple(
      contentTypes,
      fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? 'null'),
    ),
    fc.tuple(
      contentTypes,
      fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
    ),
    fc.tuple(fc.constant(undefined), fc.constant(undefined)),
  );
  if (declared.length === 0) return anything;
  return fc.oneof({ weight: 4, arbitrary: fc.oneof(...declared) }, { weight: 2, arbitrary: anything });
}

const stackTrace = /\n\s+at \S|\.ts:\d+:\d+|node:internal|node_modules|Error: .*\n/;

/** Why the reply breaks the rules, or undefined when it keeps them. */
function fault(operation: Operation, request: InProcessRequest, reply: InProcessReply): string | undefined {
  if (reply.status >= 500) return `answered ${reply.status}: ${reply.text.slice(0, 300)}`;
  if (stackTrace.test(reply.text)) return `shows a stack trace: ${reply.text.slice(0, 300)}`;
  if (reply.status < 400) return undefined;
  const type = String(reply.headers['content-type'] ?? '');
  const sentForm = /form/.test(request.rawHeaders?.join(' ') ?? '');
  if (type.startsWith('text/html') && (operation.answersHtml || sentForm || request.method === 'GET')) {
    return undefined;
  }
  if (!type.startsWith('application/problem+json')) return `answered ${reply.status} as ${type}`;
  let body: { type?: unknown; title?: unknown; status?: unknown };
  try {
    body = JSON.parse(reply.text);
  } catch {
    return `answered ${reply.status} with a problem that is not JSON`;
  }
  if (typeof body.type !== 'string' || typeof body.title !== 'string' || body.status !== reply.status) {
    return `answered ${reply.status} with a malformed problem: ${reply.text.slice(0, 200)}`;
  }
  return undefined;
}

/** The property of one operation, against whatever answers requests. */
function property(operation: Operation, send: (request: InProcessRequest) => Promise<InProcessReply>) {
  return fc.asyncProperty(requestFor(operation), async (request) => {
    const reply = await send(request);
    const why = fault(operation, request, reply);
    if (why) throw new Error(`${request.method} ${request.target.slice(0, 200)}: ${why}`);
  });
}

describe('every operation of the contract, fuzzed', () => {
  for (const operation of operations()) {
    it(`${operation.method} ${operation.path}: no 5xx, no stack trace, 4xx as problem+json`, async () => {
      await fc.assert(property(operation, desk.send), { numRuns: runs });
    });
  }
});

describe('over-long ids name nothing', () => {
  // Operations with no body: nothing but the id can be wrong (with a body, its 400 may come first).
  for (const operation of operations().filter((op) => op.path.includes('{') && op.bodies.length === 0)) {
    it(`${operation.method} ${operation.path} with an id of thousands of characters is 404`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 65, max: 4_000 }),
          fc.constantFrom('a', '0', '错', '-'),
          async (length, unit) => {
            const id = encodeURIComponent(unit.repeat(length));
            // A token too, for the routes that read one before the id (and only those: others may
            // refuse a query field they do not know, with a 400, before they look at the id).
            const takesToken = operation.parameters.some((p) => p.in === 'query' && p.name === 'token');
            const target = `${operation.path.replace(/\{\w+\}/g, id)}${takesToken ? '?token=abc' : ''}`;
            const reply = await desk.send({
              method: operation.method,
              target,
              rawHeaders: ['Authorization', `Bearer ${tokens.admin}`, 'If-Match', '"1"'],
            });
            // 404 names nothing; a route that checks an id's form itself may say 400.
            expect([400, 404], reply.text).toContain(reply.status);
          },
        ),
        { numRuns: 20 },
      );
    });
  }
});

describe('the property catches a handler that trusts its input', () => {
  it('fails on a POST /subscriptions that reads body.topics.length', async () => {
    const broken = createApi();
    broken.post('/subscriptions', async (request) => {
      const body = jsonBody(eventOf(request)) as { topics: string[] };
      // The reintroduced bug: the body is trusted to be an object with a topics array.
      if (body.topics.length > 20) throw new InvalidInput([{ path: 'topics', message: 'too many' }]);
      return json(202, { topics: body.topics.length });
    });
    const authority = await createTokenAuthority('http://localhost/dev');
    const routes = routesFromCatalogue();
    const send = async (request: InProcessRequest): Promise<InProcessReply> => {
      const reply = await answer(
        routes,
        {
          invoke: (_fn, event) => broken.resolve(event as APIGatewayProxyEventV2, {} as Context),
          authority,
          devRoute: () => undefined,
          log: () => undefined,
        },
        {
          method: request.method,
          target: request.target,
          httpVersion: '1.1',
          rawHeaders: request.rawHeaders ?? [],
          body: Buffer.from(request.body ?? ''),
          sourceIp: '198.51.100.1',
          port: 443,
        },
      );
      return { status: reply.statusCode, headers: reply.headers, text: reply.body.toString() };
    };
    const subscribe = operations().find((op) => op.method === 'POST' && op.path === '/subscriptions');
    if (!subscribe) throw new Error('The contract has no POST /subscriptions');
    const outcome = await fc.check(property(subscribe, send), { numRuns: runs });
    expect(outcome.failed).toBe(true);
    expect(String(outcome.errorInstance)).toMatch(/answered 500/);
  });
});

describe('the hostile requests of issue 10', () => {
  it('each gets its 4xx', async () => {
    const wrong: string[] = [];
    const requests = hostileRequests(tokens.admin as string);
    for (const request of requests) {
      const reply = await desk.send({
        method: request.method,
        target: request.target,
        rawHeaders: Object.entries(request.headers).flat(),
        ...(request.body !== undefined ? { body: request.body } : {}),
      });
      if (!answeredAsItMust(request, reply.status, reply.text))
        wrong.push(
          `${request.method} ${request.target.slice(0, 60)} ${request.body ?? ''} → ${reply.status}`,
        );
    }
    expect(requests.length).toBeGreaterThan(53);
    expect(wrong).toEqual([]);
  });

  it('a text field with a control character is refused naming the field', async () => {
    const reply = await desk.send({
      method: 'POST',
      target: '/submissions',
      rawHeaders: ['Content-Type', 'application/json'],
      body: JSON.stringify({ text: '日期\u0000有误', evidence: ['https://example.org/a'] }),
    });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.text).errors).toEqual([
      expect.objectContaining({
        path: 'text',
        message: 'must not contain control characters (only tab and newline)',
      }),
    ]);
    const kept = await desk.send({
      method: 'POST',
      target: '/submissions',
      rawHeaders: ['Content-Type', 'application/json'],
      body: JSON.stringify({ text: '第一行\r\n第二行\n\t缩进' }),
    });
    expect(kept.status).toBe(201);
  });
});
