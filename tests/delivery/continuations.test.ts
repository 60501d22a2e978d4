/**
 * The continuation (shared/usecases/continuation.ts) on DynamoDB Local and fauxqs: a replayed
 * trigger and a redelivered step do nothing new, a step lost after its move is handed on once, two
 * steps from one cursor make one chain; closing replies and a merge's relinking run on it, and a
 * merge of a case with 5,000 reports tells every reporter once.
 */
import { BatchWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { addReports } from '../../shared/adapters/dynamodb/case-store.ts';
import * as keys from '../../shared/adapters/dynamodb/item-keys.ts';
import { submissionIndexKeys } from '../../shared/adapters/dynamodb/keys.ts';
import type { Case } from '../../shared/domain/case.ts';
import { type DeliveryJob, deliveryKey } from '../../shared/domain/delivery.ts';
import { recipientHash, reporterRecipient } from '../../shared/domain/recipient.ts';
import type { Submission } from '../../shared/domain/submission.ts';
import type { ContinuationStep } from '../../shared/ports/continuations.ts';
import {
  type ContinuationKind,
  firstContinuationStep,
  runContinuationStep,
} from '../../shared/usecases/continuation.ts';
import { onCaseClosed } from '../../shared/usecases/notify.ts';
import { submitReport } from '../../shared/usecases/submit-report.ts';
import { continuations } from '../support/continuations.ts';
import { type TestDesk, testDesk } from '../support/desk.ts';
import { act, editor, reviewer } from '../support/flows.ts';

let desk: TestDesk;
beforeAll(async () => {
  desk = await testDesk();
});

/** A job of five items, two a step, that records every item it handles (its effect). */
function countingKind() {
  const handled: number[] = [];
  const kind: ContinuationKind<unknown> = async (_deps, input) => {
    const from = Number(input.cursor ?? 0);
    const to = Math.min(5, from + 2);
    for (let item = from; item < to; item++) handled.push(item);
    return { ...(to < 5 ? { next: String(to) } : {}), handled: to - from };
  };
  return { kind, handled };
}

describe('the continuation', () => {
  it('does nothing new for a replayed trigger or a redelivered step; a lost hand-on is made once', async () => {
    const run = await continuations(desk);
    const { kind, handled } = countingKind();
    const first = firstContinuationStep('closing-replies', `count-${Date.now()}`);
    const step = (s: ContinuationStep) => runContinuationStep(run.deps, kind, s);

    expect(await step(first)).toEqual({ result: { handled: 2 }, continues: true });
    // The trigger again (a stream record or an event delivered twice): nothing runs, nothing is sent.
    expect(await step(first)).toEqual({ stale: true });
    const [second, ...none] = await run.waiting();
    expect(none).toEqual([]);
    expect(second).toMatchObject({ kind: 'closing-replies', target: first.target, cursor: '2' });

    expect(await step(second as ContinuationStep)).toEqual({ result: { handled: 2 }, continues: true });
    // The same step redelivered (SQS at least once), and the first again: nothing new.
    expect(await step(second as ContinuationStep)).toEqual({ stale: true });
    expect(await step(first)).toEqual({ stale: true });
    const [third, ...none2] = await run.waiting();
    expect(none2).toEqual([]);
    expect(third).toMatchObject({ cursor: '4' });
    expect(handled).toEqual([0, 1, 2, 3]);

    // A step that moved the progress and died before handing on: a copy racing it sends nothing, its
    // redelivery (after the queue's visibility timeout) hands on, once.
    const ref = { kind: first.kind, target: first.target };
    expect(await run.deps.continuations.advance(ref, '4', '5', desk.clock.now())).toBe(true);
    expect(await step(third as ContinuationStep)).toEqual({ stale: true });
    expect(await run.waiting()).toEqual([]);
    desk.clock.advance(3);
    expect(await step(third as ContinuationStep)).toEqual({ stale: true });
    expect(await step(third as ContinuationStep)).toEqual({ stale: true });
    const handedOn = await run.waiting();
    expect(handedOn).toHaveLength(1);
    expect(handedOn[0]).toMatchObject({ cursor: '5' });
    expect(await run.deps.continuations.get(ref)).toMatchObject({ position: '5', handedOn: true });
  });

  it('runs one chain when two copies of a step run at once', async () => {
    const run = await continuations(desk);
    const { kind, handled } = countingKind();
    const first = firstContinuationStep('closing-replies', `race-${Date.now()}`);
    const both = await Promise.all([
      runContinuationStep(run.deps, kind, first),
      runContinuationStep(run.deps, kind, first),
    ]);
    // Both may have done the step's (idempotent) work; only one moved the progress and went on.
    expect(both.filter((outcome) => !outcome.stale)).toHaveLength(1);
    let waiting = await run.waiting();
    expect(waiting).toHaveLength(1);
    const racing = await Promise.all(
      [0, 1, 2].map(() => runContinuationStep(run.deps, kind, waiting[0] as ContinuationStep)),
    );
    expect(racing.filter((outcome) => !outcome.stale)).toHaveLength(1);
    waiting = await run.waiting();
    expect(waiting).toHaveLength(1);
    expect(await runContinuationStep(run.deps, kind, waiting[0] as ContinuationStep)).toEqual({
      result: { handled: 1 },
      continues: false,
    });
    expect(await run.waiting()).toEqual([]);
    expect(new Set(handled)).toEqual(new Set([0, 1, 2, 3, 4]));
    expect(await run.deps.continuations.get({ kind: first.kind, target: first.target })).toMatchObject({
      previous: '4',
    });
    expect(await run.deps.continuations.get({ kind: first.kind, target: first.target })).not.toHaveProperty(
      'position',
    );
  });

  it('tells each reporter of a closed case once, however often the closing is seen', async () => {
    const run = await continuations(desk);
    const url = `https://example.org/closing-${Date.now()}`;
    const opened = await submitReport(desk, { text: '标题有误', url, contact: { email: 'c1@example.org' } });
    await submitReport(desk, { text: '标题有误', url, contact: { phone: '+8613800002222' } });
    await submitReport(desk, { text: '没有联系方式', url });
    const c = (await desk.cases.get(opened.caseId)) as Case;
    await act(desk, c, editor, { action: 'close', reason: '无需更正' });
    const closed = (await desk.cases.get(opened.caseId)) as Case;
    await onCaseClosed(run.deps, closed);
    await onCaseClosed(run.deps, closed); // the stream record again
    expect(await run.drain()).toHaveLength(2);
    const jobs = await run.jobs();
    expect(jobs).toHaveLength(2);
    expect(jobs.every((job) => job.kind === 'reply' && job.outcome === 'closed')).toBe(true);
  });
});

/** Reports written straight to the table, in batches (as a surge would have left them). */
async function seedReports(caseId: string, count: number, contactOf: (i: number) => Submission['contact']) {
  const start = Date.parse(desk.clock.now());
  const items = Array.from({ length: count }, (_, i) => {
    const submission: Submission = {
      id: `s${String(i).padStart(6, '0')}${caseId.slice(0, 6)}`,
      caseId,
      text: `第${i}份报告`,
      language: 'zh-CN',
      contact: contactOf(i),
      trackingTokenHash: `hash-${i}`,
      createdAt: new Date(start + i).toISOString(),
    };
    return {
      ...keys.submission(submission.id),
      entity: 'submission',
      ...submission,
      ...submissionIndexKeys(caseId, submission.createdAt, submission.id),
    };
  });
  // Counted as joins count them: on the case's report-count shards.
  const counted = addReports(desk.tableName, caseId, count).Update;
  if (counted) await desk.documents.send(new UpdateCommand(counted));
  const flat = items;
  const batches: Array<Array<Record<string, unknown>>> = [];
  for (let i = 0; i < flat.length; i += 25) batches.push(flat.slice(i, i + 25));
  for (let i = 0; i < batches.length; i += 8) {
    await Promise.all(
      batches.slice(i, i + 8).map(async (batch) => {
        let request: Record<string, unknown[]> | undefined = {
          [desk.tableName]: batch.map((Item) => ({ PutRequest: { Item } })),
        };
        while (request && Object.keys(request).length) {
          const result = await desk.documents.send(new BatchWriteCommand({ RequestItems: request as never }));
          request = result.UnprocessedItems as Record<string, unknown[]> | undefined;
        }
      }),
    );
  }
}

describe('a merge of a case with 5,000 reports', () => {
  it('relinks every report in steps and tells every reporter once', { timeout: 420_000 }, async () => {
    const run = await continuations(desk);
    const target = await submitReport(desk, {
      text: '原报告',
      url: `https://example.org/merge-target-${Date.now()}`,
      contact: { email: 'both-0@example.org' },
    });
    const duplicate = await submitReport(desk, {
      text: '重复报告',
      url: `https://example.org/merge-dup-${Date.now()}`,
      contact: { email: 'first@example.org' },
    });
    // 4,999 more reports on the duplicate: 5,000 in all, every fifth by SMS, two reporters also
    // reported the target (the same person is told once).
    await seedReports(duplicate.caseId, 4999, (i) =>
      i < 2
        ? { email: `both-${i}@example.org` }
        : i % 5 === 0
          ? { phone: `+86139${String(i).padStart(8, '0')}` }
          : { email: `reporter-${i}@example.org` },
    );
    let dup = (await desk.cases.get(duplicate.caseId)) as Case;
    dup = await act(desk, dup, reviewer, { action: 'assign', assignee: reviewer.id });
    await act(desk, dup, reviewer, {
      action: 'review',
      verdict: 'duplicate',
      findings: '同一问题',
      duplicateOf: target.caseId,
    });
    // The request did only the bounded part: the count moved at once, the reports move in steps.
    expect((await desk.cases.get(target.caseId))?.reportCount).toBe(5001);

    const relinking = await run.closed(duplicate.caseId);
    expect(relinking.length).toBeGreaterThan(5);
    expect(relinking.every((step) => step.kind === 'merge-relink')).toBe(true);
    expect((await desk.caseSubmissions.page(duplicate.caseId)).items).toHaveLength(0);
    let moved = 0;
    let cursor: string | undefined;
    do {
      const page = await desk.caseSubmissions.page(target.caseId, cursor);
      moved += page.items.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(moved).toBe(5001);
    // The relinking again (its stream record replayed) does nothing new.
    await onCaseClosed(run.deps, (await desk.cases.get(duplicate.caseId)) as Case);
    expect(await run.drain()).toHaveLength(1);

    // The target closes without a correction: every reporter hears once.
    const absorbed = (await desk.cases.get(target.caseId)) as Case;
    await act(desk, absorbed, editor, { action: 'close', reason: '报道无误' });
    const replying = await run.closed(target.caseId);
    expect(replying.length).toBeGreaterThan(1);
    const jobs = await run.jobs();
    expect(jobs).toHaveLength(5001);
    const people = new Set<string>();
    const replies = jobs as Array<Extract<DeliveryJob, { kind: 'reply' }>>;
    // Each filed under the case's topic, and (below) on its reporter's channel's queue.
    expect(new Set(replies.map((job) => job.topic))).toEqual(new Set([absorbed.topic]));
    for (let i = 0; i < replies.length; i += 100) {
      await Promise.all(
        replies.slice(i, i + 100).map(async (job) => {
          const submission = await desk.submissions.get(job.submissionId);
          const recipient = reporterRecipient(submission?.contact);
          if (!recipient) throw new Error(`No reporter for ${job.submissionId}`);
          expect(job.channel).toBe(recipient.channel);
          people.add(deliveryKey(job, recipientHash(recipient)));
        }),
      );
    }
    expect(people.size).toBe(5000);
  });
});
