import { beforeAll, describe, expect, it } from 'vitest';
import { IdempotencyKeyReused, InvalidInput, NotFound } from '../../shared/domain/errors.ts';
import { readSubmission } from '../../shared/usecases/read-submission.ts';
import { submitReport } from '../../shared/usecases/submit-report.ts';
import { type TestDesk, testDesk } from '../support/desk.ts';

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

    const stored = await desk.intake.getSubmission(receipt.submissionId);
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
    const submissions = await desk.intake.submissionsOf(caseId ?? '');
    expect(submissions.items).toHaveLength(50);
  });

  it('open a new case once the old one is closed, and claim the page for it', async () => {
    const url = 'https://example.gov.cn/notice/42';
    const first = await submitReport(desk, report({ url }));
    const opened = await desk.cases.get(first.caseId);
    await desk.cases.save(
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
