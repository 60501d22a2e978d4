/**
 * Issue 13's import acceptance on the running local stack: a long file in one request (within the
 * admin function's time limit, which the local runtime enforces), the same file again all unchanged,
 * bad rows reported by line, a dry run that writes nothing, and confirmations for rows without consent
 * sent by the sender like any message.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localCredentials, localRegion } from '../../local/engines.ts';
import type { LocalStack } from '../../local/stack.ts';
import { pageTarget } from '../../shared/domain/url.ts';
import { type Call, eventually, runningDesk, type Tokens } from '../support/http.ts';

let stack: LocalStack;
let call: Call;
let tokens: Tokens;

beforeAll(async () => {
  ({ stack, call, tokens } = await runningDesk());
});
afterAll(async () => {
  await stack?.stop();
});

const importCsv = (csv: string, options: { dryRun?: boolean; token?: string; type?: string } = {}) =>
  call('POST', `/admin/subscribers/import${options.dryRun ? '?dryRun=true' : ''}`, {
    token: options.token ?? tokens.admin,
    raw: csv,
    headers: { 'content-type': options.type ?? 'text/csv; charset=utf-8' },
  });

const rowCount = 10_000;

/** The stored items of one address's subscription (its subscription item and its follow items). */
async function storedItems(address: string): Promise<Array<Record<string, unknown>>> {
  const documents = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: stack.endpoints.dynamoDb,
      region: localRegion,
      credentials: localCredentials,
    }),
  );
  const items: Array<Record<string, unknown>> = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(
      new ScanCommand({
        TableName: stack.tableName,
        FilterExpression: 'address = :address',
        ExpressionAttributeValues: { ':address': address },
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  documents.destroy();
  return items;
}
const header = 'channel,address,topics,follows,language,frequency,consent_at,consent_source';

describe('subscriber import', () => {
  it('stores the pages followed and the frequency, and a changed frequency is an update', async () => {
    const page = 'https://news.example.org/2025/03/评论.html';
    const row = (frequency: string) =>
      `${header}\nemail,pages@example.org,personnel,${page};https://news.example.org/b,en,${frequency},2024-05-01T08:00:00Z,fair\n`;
    expect((await importCsv(row('weekly'))).json).toMatchObject({ created: 1, rejected: [] });
    const stored = (await storedItems('pages@example.org')).find((item) => item.entity === 'subscription');
    expect(stored).toMatchObject({
      status: 'active',
      topics: ['personnel'],
      follows: [page, 'https://news.example.org/b'],
      frequency: 'weekly',
      consent: { method: 'imported', source: 'fair', frequency: 'weekly' },
    });
    // One follow item per topic and per page, so the planner's page phase finds the subscriber.
    const follows = (await storedItems('pages@example.org')).filter((item) => item.entity === 'follow');
    expect(follows.map((item) => item.sk).sort()).toEqual(
      ['personnel', pageTarget(page), pageTarget('https://news.example.org/b')]
        .map((t) => `FOLLOW#${t}`)
        .sort(),
    );
    expect((await importCsv(row('weekly'))).json).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect((await importCsv(row('daily'))).json).toMatchObject({ updated: 1, unchanged: 0 });
    const after = (await storedItems('pages@example.org')).find((item) => item.entity === 'subscription');
    expect(after).toMatchObject({ frequency: 'daily', follows: [page, 'https://news.example.org/b'] });
  });

  it('skips a suppressed address and says so', async () => {
    const bounced = await call('POST', '/dev/email-events', {
      body: { type: 'bounce', address: 'bounced@example.org' },
    });
    expect(bounced.status, bounced.text).toBeLessThan(300);
    await eventually(async () => {
      const list = await call('GET', '/admin/suppressions', { token: tokens.admin });
      return list.json.items.length > 0 ? true : undefined;
    });
    const csv = `${header}\nemail,bounced@example.org,personnel,,en,immediate,2024-05-01T08:00:00Z,form\nemail,fine@example.org,personnel,,en,immediate,2024-05-01T08:00:00Z,form\n`;
    for (const dryRun of [true, false]) {
      const report = await importCsv(csv, { dryRun });
      expect(report.json).toEqual({
        created: 1,
        updated: 0,
        unchanged: 0,
        confirmationsSent: 0,
        skipped: 1,
        rejected: [],
      });
    }
    expect(await storedItems('bounced@example.org')).toEqual([]);
  });

  it('decides 10,000 rows in one request, writes them by a job, and the same file again changes nothing', async () => {
    const topics = ['fire-prevention', 'personnel', 'firefighting-rescue;personnel', '*'];
    const frequencies = ['immediate', 'daily', 'weekly'];
    const rows = Array.from(
      { length: rowCount },
      (_, i) =>
        `email,reader${i}@example.org,${topics[i % 4]},${i % 5 ? '' : `https://news.example.org/${i}`},${i % 2 ? 'en' : 'zh-CN'},${frequencies[i % 3]},2024-05-01T08:00:00Z,"newsletter form, 2024"`,
    );
    const csv = `${header}\r\n${rows.join('\r\n')}\r\n`;
    const first = await importCsv(csv);
    expect(first.status, first.text).toBe(200);
    const { job, ...counts } = first.json;
    expect(counts).toEqual({
      created: rowCount,
      updated: 0,
      unchanged: 0,
      confirmationsSent: 0,
      skipped: 0,
      rejected: [],
    });
    // More than the request writes itself: a job writes them, and says how far it is.
    expect(job).toMatchObject({ status: 'writing', rows: rowCount });
    const done = await eventually(async () => {
      const polled = await call('GET', `/admin/subscribers/imports/${job.id}`, { token: tokens.admin });
      expect(polled.status, polled.text).toBe(200);
      return polled.json.status === 'done' ? polled.json : undefined;
    }, 300_000);
    expect(done).toMatchObject({
      rows: rowCount,
      rowsWritten: rowCount,
      written: { created: rowCount, updated: 0, unchanged: 0, confirmationsSent: 0, rejected: [] },
    });
    expect(done.finishedAt).toBeTruthy();

    const second = await importCsv(csv);
    expect(second.status, second.text).toBe(200);
    expect(second.json).toEqual({
      created: 0,
      updated: 0,
      unchanged: rowCount,
      confirmationsSent: 0,
      skipped: 0,
      rejected: [],
    });
    expect(
      (await call('GET', '/admin/subscribers/imports/nothing-here', { token: tokens.admin })).status,
    ).toBe(404);
    expect((await call('GET', `/admin/subscribers/imports/${job.id}`, { token: tokens.editor })).status).toBe(
      403,
    );
  }, 600_000);

  it('reports every bad row by its line and imports the rest; a dry run writes nothing', async () => {
    const csv = [
      '\ufeffchannel,address,topics,language,consent_at,consent_source',
      'email,good-one@example.org,personnel,zh-CN,2025-01-02T03:04:05+08:00,展会登记',
      'email,not-an-email,personnel,zh-CN,2025-01-02T03:04:05Z,form',
      'email,unknown-topic@example.org,no-such-topic,en,2025-01-02T03:04:05Z,form',
      'fax,x@example.org,personnel,en,2025-01-02T03:04:05Z,form',
      'email,half-consent@example.org,personnel,en,2025-01-02T03:04:05Z,',
      'email,Good-One@Example.org,personnel,en,2025-01-02T03:04:05Z,form',
      'email,future@example.org,personnel,en,2999-01-01T00:00:00Z,form',
      '"email","quoted@example.org","personnel;fire-prevention","en","2025-01-02T03:04:05Z","a ""quoted"" source"',
      'email,short@example.org,personnel',
    ].join('\n');
    const dry = await importCsv(csv, { dryRun: true });
    expect(dry.status, dry.text).toBe(200);
    expect(dry.json.created).toBe(2);
    expect(dry.json.rejected.map((r: { line: number }) => r.line)).toEqual([3, 4, 5, 6, 7, 8, 10]);
    const [badEmail, badTopic, badChannel, halfConsent, duplicate, future, shortRow] = dry.json.rejected;
    expect(badEmail.errors.join()).toMatch(/^address: /);
    expect(badTopic.errors.join()).toContain('no-such-topic');
    expect(badChannel.errors.join()).toMatch(/channel/);
    expect(halfConsent.errors.join()).toMatch(/consent_at and consent_source go together/);
    expect(duplicate.errors).toEqual(['address: the same address as line 2']);
    expect(future.errors).toEqual(['consent_at: is in the future']);
    expect(shortRow.errors.join()).toMatch(/has 3 fields; the header has 6/);

    const real = await importCsv(csv);
    expect(real.json).toEqual({ ...dry.json, created: 2 });
    const again = await importCsv(csv);
    expect(again.json).toMatchObject({ created: 0, unchanged: 2 });
  });

  it('names a bad row by the physical line it starts on, after quoted fields that span lines', async () => {
    const lines = [
      'channel,address,topics,language,consent_at,consent_source',
      'email,multi-line@example.org,personnel,en,2025-01-02T03:04:05Z,"paper form,',
      'second sheet"',
      'email,bad@,personnel,en,2025-01-02T03:04:05Z,form',
      '"email","also-bad","personnel","en","2025-01-02T03:04:05Z","three',
      'lines',
      'here"',
      'email,fine-after@example.org,personnel,en,2025-01-02T03:04:05Z,form',
    ];
    for (const [eol, bom] of [
      ['\n', ''],
      ['\r\n', '\ufeff'],
    ] as const) {
      const report = await importCsv(bom + lines.join(eol) + eol, { dryRun: true });
      expect(report.status, report.text).toBe(200);
      expect(report.json.created).toBe(2);
      expect(report.json.rejected.map((r: { line: number }) => r.line)).toEqual([4, 5]);
    }
    const unclosed = await importCsv(`${lines.slice(0, 4).join('\n')}\nemail,"open@example.org,x\n`);
    expect(unclosed.status).toBe(400);
    expect(unclosed.text).toContain('line 5');
  });

  it('sends rows without consent a confirmation through the sender, and confirming makes them active', async () => {
    const csv = `channel,address,topics,language\nemail,please-confirm@example.org,personnel,en\n`;
    const imported = await importCsv(csv);
    expect(imported.json).toMatchObject({ created: 1, confirmationsSent: 1 });
    const mail = await eventually(async () =>
      (await stack.outbox.read('please-confirm@example.org')).find((m) => m.kind === 'confirmation'),
    );
    expect(mail.subject).toBeTruthy();
    // Importing it again neither changes it nor sends a second confirmation.
    expect((await importCsv(csv)).json).toMatchObject({ unchanged: 1, confirmationsSent: 0 });
    const link = new URL(mail.body.match(/https?:\/\/\S+\/confirm\?token=\S+/)?.[0] ?? '');
    const token = link.searchParams.get('token') ?? '';
    // Contract 1.1: the POST confirms (the GET only shows the button); before 1.1 the GET confirmed.
    let confirmed = await call('POST', link.pathname, { body: { token } });
    if (confirmed.status === 404 || confirmed.status === 405)
      confirmed = await call('GET', link.pathname + link.search);
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.text).toMatch(/active|确认|confirmed/i);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(
      (await stack.outbox.read('please-confirm@example.org')).filter((m) => m.kind === 'confirmation'),
    ).toHaveLength(1);
  });

  it('is for admins only, and takes CSV only', async () => {
    expect((await importCsv(`${header}\n`, { token: tokens.editor })).status).toBe(403);
    expect((await importCsv('{"a":1}', { type: 'application/json' })).status).toBe(415);
    const noHeader = await importCsv('');
    expect(noHeader.status).toBe(400);
    const badColumn = await importCsv('channel,address,topics,colour\n');
    expect(badColumn.status).toBe(400);
    expect(badColumn.text).toContain('colour');
  });
});
