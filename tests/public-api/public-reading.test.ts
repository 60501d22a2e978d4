/**
 * The public reading routes through the real public-api handler, with API Gateway HTTP API (payload
 * 2.0) events built by the local gateway's own translator, against DynamoDB Local: the feeds, the
 * corrections page and the permalinks, with corrections published and amended by the real use cases.
 */
import type { Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { newRequestId, splitTarget, toHttpApiEvent, toHttpResponse } from '../../local/http-event.ts';
import { matchRoute, routesFromCatalogue } from '../../local/routes.ts';
import type { Case } from '../../shared/domain/case.ts';
import type { Actor } from '../../shared/domain/roles.ts';
import { actOnCase, type EditorialCommand } from '../../shared/usecases/act-on-case.ts';
import { amendCorrection } from '../../shared/usecases/amend-correction.ts';
import { openStaffCase } from '../../shared/usecases/open-case.ts';
import { publishCorrection } from '../../shared/usecases/publish-correction.ts';
import { submitReport } from '../../shared/usecases/submit-report.ts';
import { type TestDesk, testDesk } from '../support/desk.ts';
import { type PublicHandler, publicHandler } from '../support/public-handler.ts';
import { childElements, elements, parseXml, textOf } from '../support/xml.ts';

type Handler = PublicHandler;

let desk: TestDesk;
let handler: Handler;
const reviewer: Actor = { id: 'reviewer-li', roles: ['reviewer'] };
const editor: Actor = { id: 'editor-wang', roles: ['editor'] };
const base = 'https://corrections.example.org';

/** What the public must never see, gathered as the corrections are made. */
const reporter = { email: 'reporter-secret@example.org', phone: '+8613800138000' };
const smsOnly = 'SMS-ONLY-WORDING';
const privateValues: string[] = [reporter.email, reporter.phone, smsOnly];

const act = (c: Case, actor: Actor, command: EditorialCommand) =>
  actOnCase(desk, { caseId: c.id, expectedVersion: c.version, actor, command });

/** Review, draft, approval and publication of an open case; returns the correction id. */
async function publish(opened: Case, draft: Extract<EditorialCommand, { action: 'draft' }>['draft']) {
  privateValues.push(opened.id);
  let c = await act(opened, reviewer, { action: 'assign', assignee: reviewer.id });
  c = await act(c, reviewer, { action: 'review', verdict: 'correction', findings: '核实' });
  c = await act(c, reviewer, { action: 'draft', draft });
  c = await act(c, reviewer, { action: 'submit' });
  c = await act(c, editor, { action: 'approve' });
  expect((await publishCorrection(desk, c.id)).outcome).toBe('published');
  desk.clock.advance(1);
  return (await desk.cases.get(c.id))?.correctionId ?? '';
}

const staffCase = (topic: string, n: number) =>
  openStaffCase(desk, editor, {
    text: `稿件有误 ${n}`,
    topic,
    source: 'staff',
    url: `https://example.org/${n}`,
  });

async function amend(correctionId: string, note: string, draft: { headline: string; body: string }) {
  const opened = await amendCorrection(desk, editor, correctionId, note);
  privateValues.push(opened.id);
  let a = await act(opened, reviewer, { action: 'draft', draft: { type: 'correction', ...draft } });
  a = await act(a, reviewer, { action: 'submit' });
  a = await act(a, editor, { action: 'approve' });
  expect((await publishCorrection(desk, a.id)).outcome).toBe('published');
  desk.clock.advance(1);
}

const routes = routesFromCatalogue();

/** GET through the handler, as the HTTP API would invoke it: the route key and event of payload 2.0. */
async function get(target: string) {
  const route = matchRoute(routes, 'GET', splitTarget(target).rawPath);
  if (!route) throw new Error(`No API route takes ${target}`);
  const event = toHttpApiEvent(
    {
      method: 'GET',
      target,
      httpVersion: '1.1',
      rawHeaders: ['Host', 'corrections.example.org', 'Accept', '*/*'],
      body: Buffer.alloc(0),
      sourceIp: '203.0.113.7',
      port: 443,
    },
    route,
    { requestId: newRequestId(), now: new Date() },
  );
  const response = toHttpResponse(await handler(event, { functionName: 'PublicRead' } as Context));
  return { status: response.statusCode, headers: response.headers, body: response.body.toString('utf8') };
}

let amended: string;
let reported: string;
let atomBeforeAmendment: string;
const many: string[] = [];

beforeAll(async () => {
  desk = await testDesk();
  // The handler reads its configuration and builds its clients when imported, as in Lambda.
  handler = await publicHandler(desk, base);

  amended = await publish(await staffCase('firefighting-rescue', 0), {
    type: 'correction',
    headline: '关于伤亡人数的更正',
    body: '受伤人数为1人，不是3人。',
    smsText: smsOnly,
  });
  const receipt = await submitReport(desk, {
    text: '报道中的日期有误',
    url: 'https://example.org/report',
    topic: 'public-information',
    contact: reporter,
  });
  reported = await publish((await desk.cases.get(receipt.caseId)) as Case, {
    type: 'clarification',
    headline: `日期说明 <script>alert("x")</script> & ]]>`,
    body: '活动日期为5月4日。\n\n特此说明。',
  });
  atomBeforeAmendment = (await get('/corrections/feed.atom')).body;
  await amend(amended, '补充说明受伤人员已出院', {
    headline: '关于伤亡人数的更正（更新）',
    body: '受伤人数为1人，已出院。',
  });
  // Enough older corrections that the page has a second page.
  for (let n = 1; n <= 20; n++)
    many.push(
      await publish(await staffCase('public-information', n), {
        type: 'correction',
        headline: `旧更正 ${n}`,
        body: `正文 ${n}`,
      }),
    );
});

describe('routing', () => {
  it('sends /corrections/feed.atom and feed.json to the feeds, not to /corrections/{id}', async () => {
    const atom = await get('/corrections/feed.atom');
    expect(atom.status).toBe(200);
    expect(atom.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const json = await get('/corrections/feed.json');
    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    // The parameterised route still answers ids, and a near miss is an unknown id there.
    expect((await get(`/corrections/${amended}`)).status).toBe(200);
    const miss = await get('/corrections/feed.xml');
    expect(miss.status).toBe(404);
    expect(miss.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  });
});

describe('the feeds', () => {
  it('Atom: well-formed, newest update first, the amended entry updated under the id it had', async () => {
    const feed = parseXml((await get('/corrections/feed.atom')).body);
    const entries = childElements(feed, 'entry');
    const id = (entry: (typeof entries)[number]) => textOf(childElements(entry, 'id')[0]!);
    const field = (entry: (typeof entries)[number], name: string) => textOf(childElements(entry, name)[0]!);
    expect(entries).toHaveLength(22);
    const permalinks = entries.map(
      (entry) => childElements(entry, 'link').find((l) => l.attributes.rel === 'alternate')?.attributes.href,
    );
    // The 20 published last come first, then the amended one (amended after the reported one).
    expect(permalinks.slice(20)).toEqual([`${base}/c/${amended}`, `${base}/c/${reported}`]);
    const amendedEntry = entries[20]!;
    expect(field(amendedEntry, 'title')).toBe('【更正 · 更新】关于伤亡人数的更正（更新）');
    expect(field(amendedEntry, 'updated') > field(amendedEntry, 'published')).toBe(true);
    expect(field(amendedEntry, 'content')).toContain('更新说明：补充说明受伤人员已出院');

    const before = childElements(parseXml(atomBeforeAmendment), 'entry');
    const previously = before.find((entry) => id(entry) === id(amendedEntry));
    expect(previously && field(previously, 'title')).toBe('【更正】关于伤亡人数的更正');
    expect(previously && field(previously, 'published')).toBe(field(amendedEntry, 'published'));
    expect(field(entries[21]!, 'title')).toBe('【澄清】日期说明 <script>alert("x")</script> & ]]>');
  });

  it('JSON Feed: the same entries, same ids and dates', async () => {
    const feed = JSON.parse((await get('/corrections/feed.json')).body);
    const atom = childElements(parseXml((await get('/corrections/feed.atom')).body), 'entry');
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.feed_url).toBe(`${base}/corrections/feed.json`);
    expect(feed.items.map((item: { id: string }) => item.id)).toEqual(
      atom.map((entry) => textOf(childElements(entry, 'id')[0]!)),
    );
    const topic = await desk.topics.get('firefighting-rescue');
    expect(feed.items[20]).toMatchObject({
      url: `${base}/c/${amended}`,
      title: '【更正 · 更新】关于伤亡人数的更正（更新）',
      tags: [topic?.names['zh-CN']],
    });
    expect(feed.items[20].date_modified > feed.items[20].date_published).toBe(true);
  });
});

describe('the corrections page', () => {
  it('lists newest first with a "more" link whose cursor leads to the rest', async () => {
    const first = await get('/');
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(first.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-/);
    const page = parseXml(first.body, { html: true });
    const listed = (root: typeof page) =>
      elements(root, 'h2').map((h2) => elements(h2, 'a')[0]?.attributes.href?.replace(`${base}/c/`, ''));
    const onFirst = listed(page);
    expect(onFirst).toHaveLength(20);
    expect(onFirst.slice(0, 3)).toEqual([many[19], many[18], many[17]]);
    const more = elements(page, 'a').find((a) => a.attributes.rel === 'next')?.attributes.href ?? '';
    expect(more.startsWith(`${base}/?cursor=`)).toBe(true);

    const second = parseXml((await get(more.slice(base.length))).body, { html: true });
    // Listed by first publication: the amended one was published first, so it is last.
    expect(listed(second)).toEqual([reported, amended]);
    expect(elements(second, 'a').some((a) => a.attributes.rel === 'next')).toBe(false);
  });

  it('filters by topic, speaks English on request, and refuses a foreign cursor with a page', async () => {
    const english = await get('/?lang=en&topic=firefighting-rescue');
    const page = parseXml(english.body, { html: true });
    expect(page.attributes.lang).toBe('en');
    expect(elements(page, 'h2').map(textOf)).toEqual(['关于伤亡人数的更正（更新）']);
    expect(english.body).toContain('Correction · updated');

    const unknownTopic = await get('/?topic=no-such-topic');
    expect(unknownTopic.status).toBe(404);
    expect(unknownTopic.headers['content-type']).toBe('text/html; charset=utf-8');
    const badCursor = await get('/?cursor=forged.cursor');
    expect(badCursor.status).toBe(400);
    expect(badCursor.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(badCursor.headers['cache-control']).toBe('no-store');
  });
});

describe('the permalink', () => {
  it('shows the current version and every earlier one, with JSON-LD', async () => {
    const response = await get(`/c/${amended}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const page = parseXml(response.body, { html: true });
    expect(textOf(elements(page, 'h1')[0]!)).toBe('关于伤亡人数的更正（更新）');
    const versions = elements(elements(page, 'ol').find((ol) => ol.attributes.class === 'versions')!, 'li');
    expect(versions.map((li) => textOf(elements(li, 'strong')[0]!))).toEqual([
      '关于伤亡人数的更正',
      '关于伤亡人数的更正（更新）',
    ]);
    const data = JSON.parse(textOf(elements(page, 'script')[0]!));
    expect(data).toMatchObject({ '@type': 'CorrectionComment', version: 2, url: `${base}/c/${amended}` });
    expect(data.dateModified > data.datePublished).toBe(true);
  });

  it('is a 404 page for an unknown id, an id over 12 characters, and a Chinese one', async () => {
    for (const target of [
      '/c/unknown',
      `/c/${'x'.repeat(13)}`,
      '/c/%E6%9B%B4%E6%AD%A3',
      `/c/${amended}x99`,
    ]) {
      const response = await get(target);
      expect(response.status, target).toBe(404);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(textOf(elements(parseXml(response.body, { html: true }), 'h1')[0]!)).toBe('找不到该页面');
    }
  });
});

describe('public output', () => {
  it('never carries the reporter contact, a case, or the SMS wording', async () => {
    const targets = [
      '/corrections/feed.atom',
      '/corrections/feed.json',
      '/',
      '/?lang=en',
      `/c/${amended}`,
      `/c/${reported}`,
      '/corrections',
      `/corrections/${reported}`,
    ];
    for (const target of targets) {
      const { status, body } = await get(target);
      expect(status, target).toBe(200);
      for (const value of privateValues) expect(body, `${target} shows ${value}`).not.toContain(value);
    }
  });
});

describe('the contract', () => {
  it('is served as JSON at /openapi.json', async () => {
    const response = await get('/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const contract = JSON.parse(response.body);
    expect(contract.openapi).toBe('3.1.0');
    expect(Object.keys(contract.paths)).toEqual(
      expect.arrayContaining(['/', '/c/{id}', '/corrections/feed.atom', '/corrections/feed.json']),
    );
  });
});
