import { beforeAll, describe, expect, it } from 'vitest';
import { SqsDeliveryQueues } from '../../shared/adapters/sqs/delivery-queues.ts';
import type { DeliveryJob } from '../../shared/domain/delivery.ts';
import { actOnCase } from '../../shared/usecases/act-on-case.ts';
import { countAudience } from '../../shared/usecases/audience.ts';
import { firstStep, planDelivery } from '../../shared/usecases/plan-delivery.ts';
import { submitReport } from '../../shared/usecases/submit-report.ts';
import { continuations } from '../support/continuations.ts';
import { type TestDesk, testDesk } from '../support/desk.ts';
import { reviewer } from '../support/flows.ts';
import { testQueue } from '../support/queues.ts';
import { activeSubscriber } from '../support/subscribers.ts';

let desk: TestDesk;
beforeAll(async () => {
  desk = await testDesk();
});

/** Every job the planner queues for a case's first version, by kind. */
async function plannedFor(caseId: string, topic: string): Promise<DeliveryJob[]> {
  const queue = await testQueue(desk.sqs);
  const queues = new SqsDeliveryQueues(desk.sqs, { email: queue.url, sms: queue.url }, queue.url);
  const step = firstStep({
    eventType: 'correction.published',
    // One plan per correction and version: each case's audience is planned under its own id.
    correctionId: `corr-${caseId}`,
    version: 1,
    topic,
    language: 'zh-CN',
    caseId,
    publishedAt: desk.clock.now(),
  });
  // A small audience fits one planner run.
  expect((await planDelivery({ ...desk, queues }, step)).continues).toBe(false);
  const jobs: DeliveryJob[] = [];
  for (let records = await queue.receive(); records.length; records = await queue.receive()) {
    jobs.push(...records.map((record) => JSON.parse(record.body) as DeliveryJob));
    await Promise.all(records.map(queue.remove));
  }
  return jobs;
}

describe('the audience of a publication', () => {
  it('tells a subscriber who reported once, as a reporter, whether they opened the case or joined it', async () => {
    const topic = 'fire-prevention';
    await activeSubscriber(desk, 'follower@example.org', [topic]);
    await activeSubscriber(desk, 'joiner@example.org', [topic]);
    await activeSubscriber(desk, '+8613800138111', ['*']);
    await activeSubscriber(desk, 'elsewhere@example.org', ['personnel']);
    const url = 'https://example.org/audience';
    const opened = await submitReport(desk, {
      text: '首报',
      url,
      topic,
      contact: { email: 'opener@example.org' },
    });
    await submitReport(desk, { text: '再报', url, topic, contact: { email: 'JOINER@example.org' } });
    await submitReport(desk, { text: '匿名', url, topic });

    expect(await countAudience(desk, { caseId: opened.caseId, topic })).toEqual({
      email: 1,
      sms: 1,
      reporters: 2,
    });
    const jobs = await plannedFor(opened.caseId, topic);
    expect(jobs.filter((job) => job.kind === 'reply')).toHaveLength(2);
    expect(jobs.filter((job) => job.kind === 'correction')).toHaveLength(2);
  });

  it('follows reporters of a merged duplicate to the case that absorbed it', async () => {
    const topic = 'assets-finance';
    await activeSubscriber(desk, 'dup-reporter@example.org', [topic]);
    const target = await submitReport(desk, { text: '原报告', url: 'https://example.org/t', topic });
    const duplicate = await submitReport(desk, {
      text: '重复',
      url: 'https://example.org/d',
      topic,
      contact: { email: 'dup-reporter@example.org' },
    });
    // The SMS follower of every topic (from the test above) is in every audience.
    expect(await countAudience(desk, { caseId: target.caseId, topic })).toEqual({
      email: 1,
      sms: 1,
      reporters: 0,
    });
    const c = await actOnCase(desk, {
      caseId: duplicate.caseId,
      expectedVersion: 1,
      actor: reviewer,
      command: { action: 'assign', assignee: reviewer.id },
    });
    await actOnCase(desk, {
      caseId: duplicate.caseId,
      expectedVersion: c.version,
      actor: reviewer,
      command: { action: 'review', verdict: 'duplicate', findings: '同一问题', duplicateOf: target.caseId },
    });
    await (await continuations(desk)).closed(duplicate.caseId);
    expect(await countAudience(desk, { caseId: target.caseId, topic })).toEqual({
      email: 0,
      sms: 1,
      reporters: 1,
    });
  });
});
