import { beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../shared/domain/case.ts';
import { ActionNotAllowed, InvalidInput, VersionMismatch } from '../../shared/domain/errors.ts';
import type { Actor } from '../../shared/domain/roles.ts';
import { actOnCase, type EditorialCommand } from '../../shared/usecases/act-on-case.ts';
import { openStaffCase } from '../../shared/usecases/open-case.ts';
import { readCase } from '../../shared/usecases/read-cases.ts';
import { readSubmission } from '../../shared/usecases/read-submission.ts';
import { submitReport } from '../../shared/usecases/submit-report.ts';
import { continuations } from '../support/continuations.ts';
import { type TestDesk, testDesk } from '../support/desk.ts';

let desk: TestDesk;
beforeAll(async () => {
  desk = await testDesk();
});

const reviewer: Actor = { id: 'reviewer-li', roles: ['reviewer'] };
const editor: Actor = { id: 'editor-wang', roles: ['editor'] };

const act = (c: Case, actor: Actor, command: EditorialCommand, expectedVersion = c.version) =>
  actOnCase(desk, { caseId: c.id, expectedVersion, actor, command });

const newCase = (extra: Record<string, unknown> = {}) =>
  openStaffCase(desk, editor, {
    text: '监测发现通报中的救援时间有误',
    topic: 'public-information',
    source: 'monitoring',
    ...extra,
  });

async function toApproval(): Promise<Case> {
  let c = await newCase();
  c = await act(c, reviewer, { action: 'assign', assignee: reviewer.id });
  c = await act(c, reviewer, { action: 'review', verdict: 'correction', findings: '到场时间应为14:05' });
  c = await act(c, reviewer, {
    action: 'draft',
    draft: { type: 'correction', headline: '关于救援时间的更正', body: '到场时间为14:05。' },
  });
  return act(c, reviewer, { action: 'submit' });
}

describe('the review path', () => {
  it('moves a case to approved, one version and one history entry per step', async () => {
    const awaiting = await toApproval();
    expect(awaiting).toMatchObject({ status: 'awaiting_approval', version: 5, assignee: reviewer.id });
    const approved = await act(awaiting, editor, { action: 'approve' });
    expect(approved).toMatchObject({ status: 'approved', version: 6, approval: { approver: editor.id } });
    const read = await readCase(desk.cases, reviewer, approved.id);
    expect(read.history.map((entry) => [entry.action, entry.from ?? null, entry.to])).toEqual([
      ['open', null, 'received'],
      ['assign', 'received', 'in_review'],
      ['review', 'in_review', 'drafting'],
      ['draft', 'drafting', 'drafting'],
      ['submit', 'drafting', 'awaiting_approval'],
      ['approve', 'awaiting_approval', 'approved'],
    ]);
    expect(read.history.every((entry) => entry.at && entry.actor)).toBe(true);
  });

  it("refuses the draft's author as approver whatever their groups", async () => {
    const awaiting = await toApproval();
    const authorAsAdmin: Actor = { id: reviewer.id, roles: ['reviewer', 'editor', 'admin'] };
    await expect(act(awaiting, authorAsAdmin, { action: 'approve' })).rejects.toBeInstanceOf(
      ActionNotAllowed,
    );
    expect((await desk.cases.get(awaiting.id))?.status).toBe('awaiting_approval');
  });

  it('refuses a stale If-Match and names the current version', async () => {
    const c = await newCase();
    await act(c, reviewer, { action: 'assign', assignee: 'a' });
    const stale = await act(c, reviewer, { action: 'assign', assignee: 'b' }).catch((e) => e);
    expect(stale).toBeInstanceOf(VersionMismatch);
    expect(stale.current).toBe(2);
  });

  it('lets exactly one of 10 concurrent approvals win', async () => {
    const awaiting = await toApproval();
    const editors = Array.from({ length: 10 }, (_, i): Actor => ({ id: `editor-${i}`, roles: ['editor'] }));
    const results = await Promise.allSettled(editors.map((who) => act(awaiting, who, { action: 'approve' })));
    const won = results.filter((result) => result.status === 'fulfilled');
    const lost = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.every((result) => result.reason instanceof VersionMismatch)).toBe(true);
    const read = await readCase(desk.cases, editor, awaiting.id);
    expect(read.version).toBe(awaiting.version + 1);
    expect(read.history.filter((entry) => entry.action === 'approve')).toHaveLength(1);
  });

  it('keeps report counts that land while an editor works, without breaking their If-Match', async () => {
    const url = 'https://example.org/busy-page';
    const first = await submitReport(desk, { text: '数字有误', url });
    const opened = await desk.cases.get(first.caseId);
    await Promise.all([
      ...Array.from({ length: 8 }, () => submitReport(desk, { text: '同一错误', url })),
      act(opened!, reviewer, { action: 'assign', assignee: reviewer.id }),
    ]);
    const after = await desk.cases.get(first.caseId);
    expect(after).toMatchObject({ reportCount: 9, version: 2, status: 'in_review', severity: 'high' });
  });
});

describe('duplicates', () => {
  it('merge into the open case: reports add up, reporters move, the duplicate closes', async () => {
    const target = await submitReport(desk, { text: '原报告', url: 'https://example.org/original' });
    const dup = await submitReport(desk, {
      text: '重复报告',
      url: 'https://example.org/copy',
      contact: { email: 'r@example.org' },
    });
    await submitReport(desk, { text: '重复报告2', url: 'https://example.org/copy' });
    let c = (await desk.cases.get(dup.caseId))!;
    c = await act(c, reviewer, { action: 'assign', assignee: reviewer.id });
    const closed = await act(c, reviewer, {
      action: 'review',
      verdict: 'duplicate',
      findings: '同一问题',
      duplicateOf: target.caseId,
    });
    expect(closed).toMatchObject({
      status: 'closed',
      resolution: { kind: 'duplicate', duplicateOf: target.caseId },
    });
    const absorbed = await readCase(desk.cases, editor, target.caseId);
    expect(absorbed).toMatchObject({ reportCount: 3, version: 1 });
    expect(absorbed.history.find((entry) => entry.action === 'merge')).toMatchObject({ actor: reviewer.id });
    // The reports move in a continuation, started from the closed duplicate's stream record.
    expect(await (await continuations(desk)).closed(dup.caseId)).toHaveLength(1);
    expect((await desk.caseSubmissions.page(target.caseId)).items).toHaveLength(3);
    expect((await desk.caseSubmissions.page(dup.caseId)).items).toHaveLength(0);
    expect((await readSubmission(desk, dup.submissionId, dup.trackingToken)).status).toBe('received');
    // The copy's page now gathers into the case that absorbed it.
    expect((await submitReport(desk, { text: '又一次', url: 'https://example.org/copy' })).caseId).toBe(
      target.caseId,
    );
  });

  it('refuses a target that is not open or does not exist', async () => {
    const closedTarget = await newCase();
    await act(closedTarget, editor, { action: 'close', reason: '无需处理' });
    let c = await newCase();
    c = await act(c, reviewer, { action: 'assign', assignee: reviewer.id });
    await expect(
      act(c, reviewer, {
        action: 'review',
        verdict: 'duplicate',
        findings: 'x',
        duplicateOf: closedTarget.id,
      }),
    ).rejects.toBeInstanceOf(InvalidInput);
    await expect(
      act(c, reviewer, { action: 'review', verdict: 'duplicate', findings: 'x', duplicateOf: 'nosuchcase' }),
    ).rejects.toBeInstanceOf(InvalidInput);
    expect((await desk.cases.get(c.id))?.status).toBe('in_review');
  });
});
