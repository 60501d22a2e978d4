/**
 * Reporters hear again when their correction is amended: the planner's reporters phase of a later
 * version walks the cases behind every version and replies with the outcome `amended`; one message
 * per person and version, whoever they are to the desk (a reporter who follows the topic too).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { audienceChange } from '../../shared/adapters/dynamodb/audience-images.ts';
import { SqsDeliveryQueues } from '../../shared/adapters/sqs/delivery-queues.ts';
import type { Case } from '../../shared/domain/case.ts';
import type { DeliveryJob } from '../../shared/domain/delivery.ts';
import { amendCorrection } from '../../shared/usecases/amend-correction.ts';
import { firstStep, planDelivery } from '../../shared/usecases/plan-delivery.ts';
import { previewAudience } from '../../shared/usecases/preview-audience.ts';
import { publishCorrection } from '../../shared/usecases/publish-correction.ts';
import { sendDelivery } from '../../shared/usecases/send-delivery.ts';
import { submitReport } from '../../shared/usecases/submit-report.ts';
import { type TestDesk, testDesk } from '../support/desk.ts';
import { act, editor, publish, reviewer } from '../support/flows.ts';
import { testQueue } from '../support/queues.ts';
import { streamRecords } from '../support/stream.ts';
import { activeSubscriber } from '../support/subscribers.ts';

let desk: TestDesk;
beforeAll(async () => {
  desk = await testDesk();
});

describe('amendment replies', () => {
  it('tells every reporter of a correction again, once, when it is amended', async () => {
    const url = `https://example.org/amend-${Date.now()}`;
    const first = await submitReport(desk, {
      text: '伤亡人数有误',
      url,
      contact: { email: 'amend-reporter@example.org' },
    });
    await submitReport(desk, { text: '伤亡人数有误', url, contact: { phone: '+8613800003333' } });
    await submitReport(desk, { text: '没有联系方式', url });
    const published = await publish(desk, first.caseId);
    const topic = published.topic;
    const correctionId = published.correctionId ?? '';
    // A reporter who follows the topic too, and a follower who did not report.
    await activeSubscriber(desk, 'amend-reporter@example.org', [topic]);
    await activeSubscriber(desk, 'amend-follower@example.org', [topic]);

    let amendment = await amendCorrection(desk, editor, correctionId, '补充：伤者已出院');
    amendment = await act(desk, amendment, reviewer, {
      action: 'draft',
      draft: { type: 'correction', headline: '关于伤亡人数的更正（更新）', body: '受伤人数为1人，已出院。' },
    });
    amendment = await act(desk, amendment, reviewer, { action: 'submit' });
    // The approver's preview counts them as the planner will reach them: two reporters, one follower.
    for (const record of await streamRecords(desk)) {
      const change = audienceChange(record);
      if (change) await desk.audienceChanges.apply(change.id, change.deltas);
    }
    expect(await previewAudience(desk, editor, amendment.id)).toMatchObject({
      reporters: 2,
      email: 1,
      sms: 0,
    });
    amendment = (await act(desk, amendment, editor, { action: 'approve' })) as Case;
    expect((await publishCorrection(desk, amendment.id)).outcome).toBe('published');

    const queue = await testQueue(desk.sqs, { visibilityTimeoutSeconds: 600 });
    const deps = {
      ...desk,
      queues: new SqsDeliveryQueues(desk.sqs, { email: queue.url, sms: queue.url }, queue.url),
    };
    const event = {
      eventType: 'correction.published' as const,
      correctionId,
      version: 2,
      topic,
      language: published.language,
      caseId: amendment.id,
      publishedAt: desk.clock.now(),
    };
    expect(await planDelivery(deps, firstStep(event))).toEqual({ planned: 3, continues: false });
    expect(await planDelivery(deps, firstStep(event))).toMatchObject({ planned: 0, stale: true });
    const jobs: DeliveryJob[] = [];
    for (let records = await queue.receive(); records.length; records = await queue.receive())
      jobs.push(...records.map((record) => JSON.parse(record.body) as DeliveryJob));
    expect(jobs).toHaveLength(3);
    const replies = jobs.filter((job) => job.kind === 'reply');
    expect(replies).toHaveLength(2);
    expect(replies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ outcome: 'amended', correctionId, version: 2, caseId: first.caseId }),
      ]),
    );
    expect(jobs.filter((job) => job.kind === 'correction')).toHaveLength(1);

    // Each job twice (a redelivery): one message per person.
    for (const job of [...jobs, ...jobs]) await sendDelivery(desk, job);
    const email = (await desk.outbox.read('amend-reporter@example.org')).filter((m) => m.kind === 'reply');
    expect(email).toHaveLength(1);
    expect(email[0]?.subject).toBe('您报告的问题的更正已更新');
    expect(email[0]?.body).toContain('第2版');
    expect(email[0]?.body).toContain('补充：伤者已出院');
    expect(email[0]?.body).toContain('关于伤亡人数的更正（更新）');
    const sms = (await desk.outbox.read('+8613800003333')).filter((m) => m.kind === 'reply');
    expect(sms).toHaveLength(1);
    expect(sms[0]?.body).toContain('已更新');
    expect(sms[0]?.body).toContain(`/c/${correctionId}`);
    const follower = await desk.outbox.read('amend-follower@example.org');
    expect(follower.filter((m) => m.kind === 'correction')).toHaveLength(1);
  });
});
