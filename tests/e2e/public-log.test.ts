/**
 * The public log on the running local stack, checked from outside by `npm run verify-log`: it passes
 * on published and amended corrections, and fails once a stored version or a log entry is altered.
 */
import { execFile } from 'node:child_process';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localCredentials, localRegion } from '../../local/engines.ts';
import type { LocalStack } from '../../local/stack.ts';
import { amendOverHttp, publishCase } from '../support/desk-http.ts';
import { type Call, runningDesk, type Tokens } from '../support/http.ts';

let stack: LocalStack;
let call: Call;
let tokens: Tokens;
let documents: DynamoDBDocumentClient;

beforeAll(async () => {
  ({ stack, call, tokens } = await runningDesk());
  documents = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: localRegion,
      credentials: localCredentials,
      endpoint: stack.endpoints.dynamoDb,
    }),
  );
});
afterAll(async () => {
  await stack?.stop();
});

/** `npm run verify-log -- <url>` as a person would run it: its exit status and what it printed. */
const verifyLog = (...args: string[]) =>
  new Promise<{ status: number; out: string }>((resolve) => {
    execFile('npm', ['run', '--silent', 'verify-log', '--', stack.url, ...args], (error, stdout, stderr) =>
      resolve({ status: error ? Number(error.code ?? 1) : 0, out: `${stdout}${stderr}` }),
    );
  });

const openCase = async (text: string, topic: string) =>
  (await call('POST', '/admin/cases', { token: tokens.editor, body: { text, topic, source: 'monitoring' } }))
    .json;

// biome-ignore lint/suspicious/noExplicitAny: cases as the API returns them
const published: any[] = [];

describe('the public log, verified from outside', () => {
  it('passes on published and amended corrections, and fails on the first altered version or entry', async () => {
    const fire = await publishCase(
      call,
      tokens,
      (await openCase('火灾受伤人数有误', 'firefighting-rescue')).id,
      {
        headline: '关于仓库火灾受伤人数的更正',
        body: '受伤人数为1人，不是3人。😀 "quoted" \\ <b>',
      },
    );
    const budget = await publishCase(call, tokens, (await openCase('预算表金额有误', 'assets-finance')).id, {
      headline: 'Budget table corrected',
      body: 'The total is 1.5 million yuan, not 15 million.',
    });
    published.push(fire, budget);
    await amendOverHttp(call, tokens, fire.correctionId, '伤者已出院', {
      headline: '关于仓库火灾受伤人数的更正（更新）',
      body: '受伤人数为1人，伤者已出院。',
    });

    const log = await call('GET', '/corrections/log');
    expect(log.status).toBe(200);
    expect(log.json.items.map((e: { seq: number; version: number }) => [e.seq, e.version])).toEqual([
      [1, 1],
      [2, 1],
      [3, 2],
    ]);
    expect(log.json.nextAfter).toBeNull();
    expect((await call('GET', '/corrections/log?after=1&limit=1')).json).toMatchObject({
      items: [{ seq: 2 }],
      nextAfter: 2,
    });
    expect((await call('GET', '/corrections/log?limit=501')).status).toBe(400);
    const head = (await call('GET', '/corrections/log/head')).json;
    expect(head).toEqual({ seq: 3, hash: log.json.items[2].hash, at: log.json.items[2].at });
    // The head travels in the Atom feed and in the editors' digest.
    const atom = (await call('GET', '/corrections/feed.atom')).text;
    expect(atom).toContain(`<log:head xmlns:log="urn:corrections-desk:log" seq="3" hash="${head.hash}"`);
    expect((await call('GET', '/admin/digest', { token: tokens.editor })).json.logHead).toEqual(head);

    const passed = await verifyLog('--head', `2:${log.json.items[1].hash}`);
    expect(passed.out).toContain('OK: 3 log entries and 2 corrections match');
    expect(passed.status).toBe(0);

    // Someone rewrites the first version's body in the table: the script names it and fails.
    const key = { pk: `CORRECTION#${fire.correctionId}`, sk: 'CORRECTION' };
    const stored = (await documents.send(new GetCommand({ TableName: stack.tableName, Key: key }))).Item;
    await documents.send(
      new UpdateCommand({
        TableName: stack.tableName,
        Key: key,
        UpdateExpression: 'SET versions[0].body = :quiet',
        ExpressionAttributeValues: { ':quiet': '受伤人数为2人。' },
      }),
    );
    const rewritten = await verifyLog();
    expect(rewritten.status).toBe(1);
    expect(rewritten.out).toContain(`MISMATCH: correction ${fire.correctionId} version 1 differs`);
    await documents.send(new PutCommand({ TableName: stack.tableName, Item: stored }));
    expect((await verifyLog()).status).toBe(0);

    // Someone rewrites a log entry to match a changed version: its hash no longer holds.
    await documents.send(
      new UpdateCommand({
        TableName: stack.tableName,
        Key: { pk: 'LOG', sk: 'ENTRY#000000000002' },
        UpdateExpression: 'SET #at = :at',
        ExpressionAttributeNames: { '#at': 'at' },
        ExpressionAttributeValues: { ':at': '2026-01-01T00:00:00.000Z' },
      }),
    );
    const forged = await verifyLog();
    expect(forged.status).toBe(1);
    expect(forged.out).toContain('MISMATCH: log entry 2');
  }, 120_000);

  it('publishes the time to correction of those cases, as worked out by hand from the API', async () => {
    const hours = await Promise.all(
      published.map(async (c) => {
        const correction = (await call('GET', `/corrections/${c.correctionId}`)).json;
        return (Date.parse(correction.versions[0].publishedAt) - Date.parse(c.createdAt)) / 3_600_000;
      }),
    );
    const [fire, budget] = hours as [number, number];
    const stats = (await call('GET', '/stats')).json;
    // Two values: the median is their mean, the p90 (nearest rank 2 of 2) the larger; the amendment adds none.
    expect(stats.overall.published).toBe(2);
    expect(stats.overall.medianHoursToCorrection).toBeCloseTo((fire + budget) / 2, 9);
    expect(stats.overall.p90HoursToCorrection).toBeCloseTo(Math.max(fire, budget), 9);
    const topic = (key: string) => stats.byTopic.find((t: { topic: string }) => t.topic === key);
    expect(topic('firefighting-rescue').medianHoursToCorrection).toBeCloseTo(fire, 9);
    expect(topic('assets-finance').p90HoursToCorrection).toBeCloseTo(budget, 9);
    expect(topic('personnel')).toEqual({
      topic: 'personnel',
      published: 0,
      medianHoursToCorrection: null,
      p90HoursToCorrection: null,
    });
    const thisMonth = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
    })
      .format(new Date())
      .slice(0, 7);
    expect(stats.byMonth).toHaveLength(12);
    expect(stats.byMonth.at(-1)).toMatchObject({ month: thisMonth, published: 2 });

    // The page: linked from /, a chart and the tables, in both languages.
    const home = (await call('GET', '/')).text;
    expect(home).toContain(`href="${stack.url}/transparency"`);
    const page = await call('GET', '/transparency?lang=en');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('<svg class="chart" role="img"');
    expect(page.text).toContain('The public log holds 3 entries');
    expect((await call('GET', '/transparency')).text).toContain('<h1>更正用时</h1>');
  });
});
