/**
 * An article's own notices through the real public-api handler (payload 2.0 events from the local
 * gateway's translator) against DynamoDB Local: GET /notices as the contract's Notice, open to every
 * origin and cacheable; the frame; every spelling of the article's address; amendments; and the
 * DynamoDB calls of one answer, the same with 10 or 10,000 corrections stored.
 */
import { readFileSync } from 'node:fs';
import { BatchWriteCommand, DeleteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pathRegex, uncachedRoutes } from '../../infra/edge/routes.ts';
import { newRequestId, splitTarget, toHttpApiEvent, toHttpResponse } from '../../local/http-event.ts';
import { matchRoute, routesFromCatalogue } from '../../local/routes.ts';
import * as keys from '../../shared/adapters/dynamodb/item-keys.ts';
import { pageTarget } from '../../shared/domain/url.ts';
import { env } from '../../shared/runtime/config.ts';
import { amendCorrection } from '../../shared/usecases/amend-correction.ts';
import { backfillNotices } from '../../shared/usecases/backfill-notices.ts';
import { noticesShown } from '../../shared/usecases/notices.ts';
import { openStaffCase } from '../../shared/usecases/open-case.ts';
import { publishCorrection } from '../../shared/usecases/publish-correction.ts';
import { type TestDesk, testDesk } from '../support/desk.ts';
import { act, editor, publish, reviewer } from '../support/flows.ts';
import { type PublicHandler, publicHandler } from '../support/public-handler.ts';
import { childElements, elements, parseXml, textOf, type XmlElement } from '../support/xml.ts';

type Handler = PublicHandler;

let desk: TestDesk;
let handler: Handler;
/** The handler's own DynamoDB client (the one its stores send through). */
let handlerDocuments: DynamoDBDocumentClient;
const base = 'https://corrections.example.org';
const routes = routesFromCatalogue();

/** A request through the handler, as the HTTP API would invoke it. */
async function request(method: 'GET' | 'HEAD', target: string, headers: string[] = []) {
  const route = matchRoute(routes, method, splitTarget(target).rawPath);
  if (!route) throw new Error(`No API route takes ${method} ${target}`);
  const event = toHttpApiEvent(
    {
      method,
      target,
      httpVersion: '1.1',
      rawHeaders: ['Host', 'corrections.example.org', 'Accept', '*/*', ...headers],
      body: Buffer.alloc(0),
      sourceIp: '203.0.113.9',
      port: 443,
    },
    route,
    { requestId: newRequestId(), now: new Date() },
  );
  const response = toHttpResponse(await handler(event, { functionName: 'PublicRead' } as Context));
  const header = (name: string) => {
    const value = response.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  };
  return { status: response.statusCode, header, body: response.body.toString('utf8') };
}
const get = (target: string, headers?: string[]) => request('GET', target, headers);
const notices = (url: string) => get(`/notices?url=${encodeURIComponent(url)}`);
const frame = (url: string, lang?: string) =>
  get(`/notices/frame?url=${encodeURIComponent(url)}${lang ? `&lang=${lang}` : ''}`);

/** The contract's Notice schema, from the contract the desk serves. */
const contract = JSON.parse(readFileSync(new URL('../../shared/http/openapi.json', import.meta.url), 'utf8'));
const noticeSchema = contract.components.schemas.Notice;
const contractNotice = z.fromJSONSchema(noticeSchema);
const itemFields = Object.keys(noticeSchema.properties.items.items.properties).sort();

/** An article with a Chinese path, spelled as the newsroom publishes it. */
const article = 'https://www.News.Example.cn/2026/报道/火灾现场/?a=1&b=二';
/** The same article as readers arrive at it: other scheme, no www, tracking, order, slash, escapes. */
const sameArticle = [
  'http://news.example.cn/2026/报道/火灾现场?b=二&a=1&utm_source=weixin#comments',
  'https://NEWS.EXAMPLE.CN/2026/%E6%8A%A5%E9%81%93/%E7%81%AB%E7%81%BE%E7%8E%B0%E5%9C%BA/?a=1&b=%E4%BA%8C&from=timeline',
  'https://www.news.example.cn:443/2026/报道/火灾现场//?a=1&b=二&spm=1.2',
];
const otherArticle = 'https://news.example.cn/2026/报道/另一篇';

let first: string;
let second: string;
let elsewhere: string;

async function publishAbout(url: string | undefined, headline: string): Promise<string> {
  const opened = await openStaffCase(desk, editor, {
    text: `稿件有误：${headline}`,
    topic: 'firefighting-rescue',
    source: 'staff',
    ...(url ? { url } : {}),
  });
  const published = await publish(desk, opened.id, {
    type: 'correction',
    headline,
    body: '应为8辆，不是12辆。',
  });
  desk.clock.advance(1);
  return published.correctionId ?? '';
}

async function amend(correctionId: string, headline: string) {
  let c = await amendCorrection(desk, editor, correctionId, '补充说明');
  c = await act(desk, c, reviewer, {
    action: 'draft',
    draft: { type: 'clarification', headline, body: '已核实。' },
  });
  c = await act(desk, c, reviewer, { action: 'submit' });
  c = await act(desk, c, editor, { action: 'approve' });
  expect((await publishCorrection(desk, c.id)).outcome).toBe('published');
  desk.clock.advance(1);
}

beforeAll(async () => {
  desk = await testDesk();
  handler = await publicHandler(desk, base, {
    [env.publisherNameZh]: '示例市消防救援支队',
    [env.publisherNameEn]: 'Example City Fire and Rescue',
  });
  handlerDocuments = (await import('../../shared/runtime/deployed.ts')).documents();

  first = await publishAbout(article, '关于出动车辆数的更正');
  elsewhere = await publishAbout(otherArticle, '另一篇报道的更正');
  await publishAbout(undefined, '没有涉及页面的更正');
  second = await publishAbout(sameArticle[0], '关于伤亡人数的更正 <b>&</b>');
});

describe('GET /notices', () => {
  it('answers the contract’s Notice: the normalized page and its corrections, newest first', async () => {
    const reply = await notices(article);
    expect(reply.status).toBe(200);
    expect(reply.header('content-type')).toBe('application/json; charset=utf-8');
    const body = JSON.parse(reply.body);
    expect(contractNotice.safeParse(body).error).toBeUndefined();
    for (const item of body.items) expect(Object.keys(item).sort()).toEqual(itemFields);
    expect(Object.keys(body).sort()).toEqual(['items', 'url']);
    expect(body.url).toBe(
      'news.example.cn/2026/%E6%8A%A5%E9%81%93/%E7%81%AB%E7%81%BE%E7%8E%B0%E5%9C%BA?a=1&b=%E4%BA%8C',
    );
    expect(body.items.map((item: { id: string }) => item.id)).toEqual([second, first]);
    expect(body.items[0]).toMatchObject({
      type: 'correction',
      headline: '关于伤亡人数的更正 <b>&</b>',
      version: 1,
      permalink: `${base}/c/${second}`,
    });
    expect(body.items[0].updatedAt).toBe(body.items[0].publishedAt);
  });

  it.each(sameArticle)('finds the same notices however the address is spelled: %s', async (spelling) => {
    const [expected, reply] = await Promise.all([notices(article), notices(spelling)]);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual(JSON.parse(expected.body));
  });

  it('answers a page with no correction with no items', async () => {
    const reply = await notices('https://news.example.cn/2026/报道/无误');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({
      url: 'news.example.cn/2026/%E6%8A%A5%E9%81%93/%E6%97%A0%E8%AF%AF',
      items: [],
    });
    expect(JSON.parse((await notices(otherArticle)).body).items.map((i: { id: string }) => i.id)).toEqual([
      elsewhere,
    ]);
  });

  it('is open to every origin and cacheable, with an ETag that revalidates', async () => {
    const reply = await notices(article);
    expect(reply.header('access-control-allow-origin')).toBe('*');
    expect(reply.header('cache-control')).toMatch(/^public, max-age=\d+$/);
    const etag = reply.header('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get(`/notices?url=${encodeURIComponent(article)}`, ['If-None-Match', `W/${etag}`]);
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect(again.header('etag')).toBe(etag);
    const changed = await get(`/notices?url=${encodeURIComponent(article)}`, ['If-None-Match', '"other"']);
    expect(changed.status).toBe(200);
    // Another page's answer is another entity.
    expect((await notices(otherArticle)).header('etag')).not.toBe(etag);
  });

  it('is cached at the edge: no never-cached behaviour takes its paths', () => {
    for (const path of ['/notices', '/notices/frame'])
      expect(uncachedRoutes.filter((route) => new RegExp(pathRegex(route)).test(path))).toEqual([]);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const [head, got] = await Promise.all([
      request('HEAD', `/notices?url=${encodeURIComponent(article)}`),
      notices(article),
    ]);
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    for (const name of ['content-type', 'etag', 'cache-control', 'access-control-allow-origin'])
      expect(head.header(name)).toBe(got.header(name));
  });

  it.each([
    ['no url', '/notices'],
    ['an empty url', '/notices?url='],
    ['not a URL', `/notices?url=${encodeURIComponent('新闻/火灾')}`],
    ['not http(s)', `/notices?url=${encodeURIComponent('ftp://news.example.cn/a')}`],
    ['a script', `/notices?url=${encodeURIComponent('javascript:alert(1)')}`],
    [
      'over 2048 characters',
      `/notices?url=${encodeURIComponent(`https://news.example.cn/${'长'.repeat(2040)}`)}`,
    ],
  ])('refuses %s with a 400 problem any page can read', async (_what, target) => {
    const reply = await get(target);
    expect(reply.status).toBe(400);
    expect(reply.header('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(reply.header('access-control-allow-origin')).toBe('*');
    expect(reply.header('cache-control')).toBe('no-store');
    const problem = JSON.parse(reply.body);
    expect(problem).toMatchObject({ status: 400, code: 'invalid-request' });
    expect(new Set(problem.errors.map((e: { path: string }) => e.path))).toEqual(new Set(['url']));
  });
});

/** The frame's corrections: each headline's link and what the item says. */
function frameItems(root: XmlElement) {
  return elements(root, 'li').map((li) => {
    const link = childElements(li, 'a')[0];
    return { href: link?.attributes.href, target: link?.attributes.target, text: textOf(li) };
  });
}

describe('GET /notices/frame', () => {
  it('lists the article’s corrections in Chinese, each opening its permalink in the top window', async () => {
    const reply = await frame(sameArticle[1] ?? '');
    expect(reply.status).toBe(200);
    expect(reply.header('content-type')).toBe('text/html; charset=utf-8');
    const root = parseXml(reply.body, { html: true });
    expect(root.attributes.lang).toBe('zh-CN');
    expect(textOf(elements(root, 'title')[0] ?? '')).toBe('本文的更正 · 示例市消防救援支队');
    expect(textOf(elements(root, 'h2')[0] ?? '')).toBe('本文已更正（2则）');
    const items = frameItems(root);
    expect(items.map(({ href, target }) => ({ href, target }))).toEqual([
      { href: `${base}/c/${second}`, target: '_top' },
      { href: `${base}/c/${first}`, target: '_top' },
    ]);
    expect(items[0]?.text).toContain('更正关于伤亡人数的更正 <b>&</b>');
    expect(items[0]?.text).toContain('首次发布');
    expect(reply.body).not.toContain('<b>&</b>');
    // Every link leaves the frame; the publisher is named.
    for (const link of elements(root, 'a')) expect(link.attributes.target).toBe('_top');
    expect(reply.body).toContain('示例市消防救援支队发布的更正与澄清');
    expect(elements(root, 'script')).toEqual([]);
  });

  it('may be framed by any site, runs no script and is cached like the JSON', async () => {
    const reply = await frame(article);
    const policy = reply.header('content-security-policy') ?? '';
    expect(policy).toContain('frame-ancestors *');
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toContain('script-src');
    expect(reply.header('x-frame-options')).toBeUndefined();
    expect(reply.header('cache-control')).toMatch(/^public, max-age=\d+$/);
    expect(reply.header('etag')).toMatch(/^"[\w-]+"$/);
    // Its one style sheet is the one the policy allows.
    const style = /<style>([\s\S]*)<\/style>/.exec(reply.body)?.[1] ?? '';
    const { createHash } = await import('node:crypto');
    expect(policy).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
  });

  it('speaks English when asked, with English links', async () => {
    const root = parseXml((await frame(article, 'en')).body, { html: true });
    expect(root.attributes.lang).toBe('en');
    expect(textOf(elements(root, 'h2')[0] ?? '')).toBe('This article has been corrected (2)');
    expect(frameItems(root)[0]?.href).toBe(`${base}/c/${second}?lang=en`);
    expect(frameItems(root)[0]?.text).toContain('First published');
  });

  it('is an empty document for a page with no correction', async () => {
    const reply = await frame('https://news.example.cn/2026/报道/无误');
    expect(reply.status).toBe(200);
    const root = parseXml(reply.body, { html: true });
    const body = elements(root, 'body')[0];
    expect(body?.children.join('').trim()).toBe('');
    expect(textOf(elements(root, 'title')[0] ?? '')).toBe('本文的更正 · 示例市消防救援支队');
  });

  it('says in the frame, not in JSON, that an address is not one', async () => {
    const reply = await get(`/notices/frame?url=${encodeURIComponent('javascript:alert(1)')}`);
    expect(reply.status).toBe(400);
    expect(reply.header('content-type')).toBe('text/html; charset=utf-8');
    expect(reply.header('cache-control')).toBe('no-store');
    expect(reply.body).toContain('文章地址无效');
    expect(reply.header('content-security-policy')).toContain('frame-ancestors *');
  });

  it('answers HEAD', async () => {
    const head = await request('HEAD', `/notices/frame?url=${encodeURIComponent(article)}`);
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });
});

describe('an amended correction', () => {
  it('shows its latest version, where it was first published', async () => {
    const before = JSON.parse((await notices(article)).body);
    await amend(first, '关于出动车辆数的澄清（更新）');
    await amend(first, '关于出动车辆数的澄清（再次更新）');
    const after = JSON.parse((await notices(sameArticle[2] ?? '')).body);
    expect(after.items.map((item: { id: string }) => item.id)).toEqual([second, first]);
    const amended = after.items[1];
    const stored = await desk.corrections.get(first);
    expect(amended).toEqual({
      ...before.items[1],
      type: 'clarification',
      headline: '关于出动车辆数的澄清（再次更新）',
      version: 3,
      updatedAt: stored?.updatedAt,
    });
    expect(amended.updatedAt > amended.publishedAt).toBe(true);
    const text = frameItems(parseXml((await frame(article)).body, { html: true }))[1]?.text ?? '';
    expect(text).toContain('澄清 · 更新');
    expect(text).toContain('关于出动车辆数的澄清（再次更新）');
    expect(text).toContain('最近更新');
  });
});

describe('corrections published before the index existed', () => {
  it('are filed by the backfill, once, and never over a later version', async () => {
    const page = 'https://news.example.cn/2025/旧闻';
    const old = await publishAbout(page, '索引之前的更正');
    const stored = await desk.corrections.get(old);
    if (!stored) throw new Error('not published');
    // As the table holds it after an upgrade: the correction, and no notice of it.
    await desk.documents.send(
      new DeleteCommand({
        TableName: desk.tableName,
        Key: keys.notice(pageTarget(page), stored.publishedAt, old),
      }),
    );
    expect(JSON.parse((await notices(page)).body).items).toEqual([]);

    const everything = await desk.correctionLists.list({ limit: 100 });
    const named = everything.items.filter((c) => c.affectedUrl).length;
    expect(await backfillNotices(desk, { pageSize: 2 })).toEqual({
      filed: 1,
      current: named - 1,
      'no-page': everything.items.length - named,
    });
    expect(JSON.parse((await notices(`${page}/`)).body).items).toMatchObject([
      { id: old, headline: '索引之前的更正', version: 1, publishedAt: stored.publishedAt },
    ]);
    expect((await backfillNotices(desk)).filed).toBe(0);

    // A stale read of an amended correction does not undo its newer notice.
    const amended = await desk.corrections.get(first);
    if (!amended) throw new Error('no correction');
    const stale = {
      ...amended,
      version: amended.version - 1,
      headline: '旧的标题',
      versions: amended.versions.slice(0, -1),
    };
    expect(await desk.notices.file(stale)).toBe('current');
    const shown = JSON.parse((await notices(article)).body).items.find(
      (item: { id: string }) => item.id === first,
    );
    expect(shown).toMatchObject({ version: amended.version, headline: amended.headline });
  });
});

describe('the DynamoDB calls of one answer', () => {
  /** Notice items as the publisher files them, put straight into the table 25 at a time. */
  async function seed(url: string, from: number, count: number) {
    const target = pageTarget(url);
    const start = Date.parse('2020-01-01T00:00:00Z');
    const items = Array.from({ length: count }, (_, n) => {
      const at = new Date(start + (from + n) * 60_000).toISOString();
      const id = `seed${String(from + n).padStart(6, '0')}`;
      return {
        ...keys.notice(target, at, id),
        entity: 'notice',
        id,
        type: 'correction',
        headline: `第${from + n}则更正`,
        version: 1,
        publishedAt: at,
        updatedAt: at,
        language: 'zh-CN',
      };
    });
    const batches = [];
    for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
    // A few batches at a time: DynamoDB Local takes them in turn anyway.
    for (let i = 0; i < batches.length; i += 16) {
      await Promise.all(
        batches.slice(i, i + 16).map(async (batch) => {
          let unprocessed: Record<string, unknown>[] | undefined = batch.map((Item) => ({
            PutRequest: { Item },
          }));
          while (unprocessed?.length) {
            const result = await desk.documents.send(
              new BatchWriteCommand({ RequestItems: { [desk.tableName]: unprocessed as never } }),
            );
            unprocessed = result.UnprocessedItems?.[desk.tableName] as Record<string, unknown>[] | undefined;
          }
        }),
      );
    }
  }

  /** The commands the handler's DynamoDB client sends while answering. */
  async function callsOf(target: string) {
    const sent: string[] = [];
    const name = 'count-notice-calls';
    handlerDocuments.middlewareStack.add(
      (next, context) => async (args) => {
        sent.push(context.commandName ?? 'unknown');
        return next(args);
      },
      { step: 'initialize', name },
    );
    try {
      const reply = await get(target);
      expect(reply.status).toBe(200);
      return { sent, reply };
    } finally {
      handlerDocuments.middlewareStack.remove(name);
    }
  }

  it('is one Query with 10 corrections stored and with 10,000', async () => {
    const page = 'https://news.example.cn/2026/报道/更正很多';
    await seed(page, 0, 10);
    await get(`/notices?url=${encodeURIComponent(page)}`); // the function's first call builds its services
    const few = await callsOf(`/notices?url=${encodeURIComponent(page)}`);
    expect(JSON.parse(few.reply.body).items).toHaveLength(10);

    await seed(page, 10, 9_990);
    const many = await callsOf(`/notices?url=${encodeURIComponent(page)}`);
    const items = JSON.parse(many.reply.body).items;
    expect(items).toHaveLength(noticesShown);
    expect(items[0].id).toBe('seed009999');
    expect(items.at(-1).id).toBe(`seed${String(10_000 - noticesShown).padStart(6, '0')}`);

    expect(few.sent).toEqual(['QueryCommand']);
    expect(many.sent).toEqual(few.sent);
    // The frame reads the same way.
    expect((await callsOf(`/notices/frame?url=${encodeURIComponent(page)}`)).sent).toEqual(['QueryCommand']);
  });
});
