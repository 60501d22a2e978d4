/**
 * What reaches the editors on the running local stack: an alert as soon as a case becomes high or
 * critical, and the daily digest, which matches GET /admin/digest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/stack.ts';
import { type Call, eventually, runningDesk, type Tokens } from '../support/http.ts';

let stack: LocalStack;
let call: Call;
let tokens: Tokens;
const staff = 'desk-editors@example.org';

beforeAll(async () => {
  ({ stack, call, tokens } = await runningDesk({ alertEmails: [staff] }));
});
afterAll(async () => {
  await stack?.stop();
});

const alerts = async () => (await stack.outbox.read(staff)).filter((message) => message.kind === 'alert');

describe('alerts to the editors', () => {
  it('come at once for a case opened as critical, and when reports escalate one', async () => {
    const opened = await call('POST', '/admin/cases', {
      token: tokens.editor,
      body: {
        text: '严重错误：通报中的疏散路线有误',
        topic: 'firefighting-rescue',
        source: 'monitoring',
        severity: 'critical',
      },
    });
    const critical = await eventually(async () =>
      (await alerts()).find((m) => m.body.includes(opened.json.id)),
    );
    // In the desk's configured language (Chinese by default), times in its zone, named.
    expect(critical.subject).toMatch(/^\[紧急\] 灭火与应急救援: /);
    expect(critical.body).toContain(`案件 ${opened.json.id} 为紧急级（1 次报告），审核期限：`);
    expect(critical.body).toContain('(Asia/Shanghai)');
    expect(critical.body).toContain(`${stack.url}/console#/cases/${opened.json.id}`);

    const url = 'https://news.example.com/escalating';
    const receipts = [];
    for (let i = 0; i < 5; i++)
      receipts.push(
        (await call('POST', '/submissions', { body: { text: `第${i + 1}份报告`, url, topic: 'personnel' } }))
          .json,
      );
    const caseId = receipts[0].caseId;
    expect(new Set(receipts.map((receipt) => receipt.caseId))).toEqual(new Set([caseId]));
    const escalated = await eventually(async () => (await alerts()).find((m) => m.body.includes(caseId)));
    expect(escalated.subject).toMatch(/^\[高\] /);
    const c = (await call('GET', `/admin/cases/${caseId}`, { token: tokens.reviewer })).json;
    expect(c).toMatchObject({ severity: 'high', reportCount: 5, version: 1 });
    // One alert per rise in severity, not one per report.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await alerts()).filter((m) => m.body.includes(caseId))).toHaveLength(1);
  });
});

describe('the daily digest', () => {
  it('puts in the outbox what GET /admin/digest shows', async () => {
    const shown = await call('GET', '/admin/digest', { token: tokens.reviewer });
    expect(shown.status).toBe(200);
    expect(shown.json).toMatchObject({
      counts: { received: 2 },
      newSince: 2,
      publishedSince: 0,
      overdue: [],
    });

    const run = await call('POST', '/dev/digest');
    expect(run.status).toBe(200);
    const sent = await eventually(async () =>
      (await stack.outbox.read(staff)).find((m) => m.kind === 'digest'),
    );
    // The same job starts the subscribers' digests of the day (and on Mondays the week) just ended.
    const { subscriberDigests, ...digest } = run.json.result;
    expect(subscriberDigests).toContainEqual(expect.stringMatching(/^daily#\d{4}-\d{2}-\d{2}$/));
    expect({ ...digest, generatedAt: undefined }).toEqual({ ...shown.json, generatedAt: undefined });
    expect(sent.channel).toBe('email');
    expect(sent.subject).toBe('每日简报：在办 2，逾期 0，发布 0');
    expect(sent.body).toContain('已收到: 2');
    expect(sent.body).toContain(`公开日志最新记录：第 0 条，哈希 ${'0'.repeat(64)}`);
    expect(sent.body).toMatch(/^每日简报 — .+ \(Asia\/Shanghai\)$/m);
  });
});
