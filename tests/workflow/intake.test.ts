import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { IdempotencyKeyReused, InvalidInput, NotFound } from '../../shared/domain/errors.ts';
import { actOnCase } from '../../shared/usecases/act-on-case.ts';
import { readSubmission } from '../../shared/usecases/read-submission.ts';
import { submitReport } from '../../shared/usecases/submit-report.ts';
import { type TestDesk, testDesk } from '../support/desk.ts';
import { act, reviewer } from '../support/flows.ts';

let desk: TestDesk;
beforeAll(async () => {
  desk = await testDesk();
});

const report = (extra: Record<string, unknown> = {}) => ({
  text: '报道称昨日火灾造成3人受伤，实际为1人。',
  ...extra,
});

describe('submitting a report', () => {
  it('opens a received case and gives a tracking token that alone reveals the status', async () => {
    const receipt = await submitReport(desk, report({ contact: { email: 'reader@example.org' } }));
    expect(receipt).toMatchObject({ status: 'received' });
    expect(receipt.trackingToken.length).toBeGreaterThanOrEqual(40);
    const opened = await desk.cases.get(receipt.caseId);
    expect(opened).toMatchObject({
      status: 'received',
      source: 'public',
      reportCount: 1,
      version: 1,
      topic: 'public-information',
    });
    expect(opened?.text).toBe('报道称昨日火灾造成3人受伤，实际为1人。');

    const status = await readSubmission(desk, receipt.submissionId, receipt.trackingToken);
    expect(status).toEqual({
      submissionId: receipt.submissionId,
      status: 'received',
      updatedAt: opened?.updatedAt,
    });

    const stored = await desk.submissions.get(receipt.submissionId);
    expect(JSON.stringify(stored)).not.toContain(receipt.trackingToken);
  });

  it('answers a wrong token and an unknown id alike', async () => {
    const receipt = await submitReport(desk, report());
    const wrongToken = await readSubmission(desk, receipt.submissionId, 'x'.repeat(43)).catch((e) => e);
    const unknownId = await readSubmission(desk, 'nosuchsubmission', receipt.trackingToken).catch((e) => e);
    expect(wrongToken).toBeInstanceOf(NotFound);
    expect(unknownId).toBeInstanceOf(NotFound);
    expect(wrongToken.message).toBe(unknownId.message);
  });

  it('takes the topic default severity and refuses unknown topics', async () => {
    const receipt = await submitReport(desk, report({ topic: 'firefighting-rescue' }));
    expect((await desk.cases.get(receipt.caseId))?.severity).toBe('high');
    await expect(submitReport(desk, report({ topic: 'no-such-topic' }))).rejects.toBeInstanceOf(InvalidInput);
  });
});

describe('reports of the same page', () => {
  it('join the open case: 50 at once make one case with reportCount 50, escalated to critical', async () => {
    const url = 'https://www.119.gov.example/news/2026/11/fire.html';
    const variants = [
      url,
      url.replace('https://www.', 'http://'),
      `${url}?utm_source=weibo`,
      `${url}#comments`,
    ];
    const receipts = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        submitReport(desk, report({ url: variants[i % variants.length] })),
      ),
    );
    const caseIds = new Set(receipts.map((receipt) => receipt.caseId));
    expect(caseIds.size).toBe(1);
    const [caseId] = [...caseIds];
    const joined = await desk.cases.getWithHistory(caseId ?? '');
    expect(joined?.case).toMatchObject({ reportCount: 50, severity: 'critical', version: 1 });
    // Under concurrency the first check may already see 20 reports and go straight to critical.
    // (The test clock stands still, so entries of one version are not ordered by time here.)
    const history = joined?.history ?? [];
    const escalations = history.filter((entry) => entry.action === 'escalate');
    expect(history.filter((entry) => entry.action === 'open')).toHaveLength(1);
    expect(escalations.length).toBeGreaterThanOrEqual(1);
    expect(history).toHaveLength(escalations.length + 1);
    expect(escalations.every((entry) => entry.actor === 'system')).toBe(true);
    expect(escalations.some((entry) => entry.note?.endsWith('→ critical'))).toBe(true);
    const submissions = await desk.caseSubmissions.page(caseId ?? '');
    expect(submissions.items).toHaveLength(50);
  });

  it('open a new case once the old one is closed, and claim the page for it', async () => {
    const url = 'https://example.gov.cn/notice/42';
    const first = await submitReport(desk, report({ url }));
    const opened = await desk.cases.get(first.caseId);
    await desk.caseDecisions.save(
      {
        next: { ...opened!, status: 'closed', version: 2, resolution: { kind: 'rejected', reason: 'x' } },
        entry: { at: desk.clock.now(), actor: 'ed', action: 'close' },
      },
      opened!,
    );
    const second = await submitReport(desk, report({ url }));
    expect(second.caseId).not.toBe(first.caseId);
    const third = await submitReport(desk, report({ url }));
    expect(third.caseId).toBe(second.caseId);
  });
});

describe('Idempotency-Key', () => {
  it('answers a replay with the first response and creates nothing more', async () => {
    const body = report({ url: 'https://example.org/idempotent', contact: { phone: '+8613800138000' } });
    const first = await submitReport(desk, body, 'key-1');
    const again = await submitReport(desk, { ...body }, 'key-1');
    expect(again).toEqual(first);
    expect((await desk.cases.get(first.caseId))?.reportCount).toBe(1);
  });

  it('refuses the same key with another body', async () => {
    await submitReport(desk, report({ text: '第一份' }), 'key-2');
    await expect(submitReport(desk, report({ text: '第二份' }), 'key-2')).rejects.toBeInstanceOf(
      IdempotencyKeyReused,
    );
  });

  it('creates one submission from concurrent replays', async () => {
    const body = report({ url: 'https://example.org/concurrent-replays' });
    const receipts = await Promise.all(Array.from({ length: 10 }, () => submitReport(desk, body, 'key-3')));
    expect(new Set(receipts.map((receipt) => receipt.submissionId)).size).toBe(1);
    expect((await desk.cases.get(receipts[0]?.caseId ?? ''))?.reportCount).toBe(1);
  });
});

describe('a surge of reports', () => {
  it('200 reports of one page while an editor saves a draft: no conflict, reportCount 200, If-Match holds', async () => {
    const url = 'https://www.119.gov.example/news/2026/11/surge.html';
    const first = await submitReport(desk, report({ url, topic: 'personnel' }));
    let c = await desk.cases.get(first.caseId);
    c = await act(desk, c!, reviewer, { action: 'assign', assignee: reviewer.id });
    c = await act(desk, c, reviewer, { action: 'review', verdict: 'correction', findings: '属实' });
    const seen = c.version;
    const [saved, ...receipts] = await Promise.all([
      actOnCase(desk, {
        caseId: c.id,
        expectedVersion: seen,
        actor: reviewer,
        command: { action: 'draft', draft: { type: 'correction', headline: '更正', body: '受伤1人。' } },
      }),
      ...Array.from({ length: 199 }, (_, i) =>
        submitReport(desk, report({ url, contact: i % 2 ? { email: `r${i}@example.org` } : undefined })),
      ),
    ]);
    expect(new Set(receipts.map((receipt) => receipt.caseId))).toEqual(new Set([c.id]));
    expect(saved.version).toBe(seen + 1);
    const after = await desk.cases.get(c.id);
    expect(after).toMatchObject({ reportCount: 200, version: seen + 1, severity: 'critical' });
    expect(after?.draft?.headline).toBe('更正');
    // Reports changed no version: the editor's next If-Match (the version the save returned) holds.
    const submitted = await act(desk, saved, reviewer, { action: 'submit' });
    expect(submitted).toMatchObject({ status: 'awaiting_approval', version: seen + 2 });
    // The editorial item was never rewritten by a report: its count is still the opening one.
    const stored = await desk.documents.send(
      new GetCommand({ TableName: desk.tableName, Key: { pk: `CASE#${c.id}`, sk: 'CASE' } }),
    );
    expect(stored.Item?.reportCount).toBe(1);
    // The queue shows the same count as the case.
    const page = await desk.caseQueue.list({ limit: 100, status: 'awaiting_approval' });
    expect(page.items.find((item) => item.id === c.id)?.reportCount).toBe(200);
  });

  it('a report racing the case out of review opens a new case rather than joining it', async () => {
    const url = 'https://example.org/racing-close';
    const first = await submitReport(desk, report({ url }));
    const opened = await desk.cases.get(first.caseId);
    const [, late] = await Promise.all([
      desk.caseDecisions.save(
        {
          next: { ...opened!, status: 'closed', version: 2, resolution: { kind: 'rejected', reason: 'x' } },
          entry: { at: desk.clock.now(), actor: 'ed', action: 'close' },
        },
        opened!,
      ),
      submitReport(desk, report({ url })),
    ]);
    const closed = await desk.cases.get(first.caseId);
    // Either the report joined before the close, or it was refused and opened a case of its own.
    if (late.caseId === first.caseId) expect(closed?.reportCount).toBe(2);
    else expect(closed?.reportCount).toBe(1);
    expect(await submitReport(desk, report({ url })).then((r) => r.caseId)).not.toBe(first.caseId);
  });
});
