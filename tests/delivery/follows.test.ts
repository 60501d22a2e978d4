/**
 * Followers of a page, against DynamoDB Local and fauxqs: a correction of the page reaches those who
 * follow it whatever their topics, once per person (whether they follow the page, its topic, every
 * topic or reported it too), and the audience preview counts them once, page by page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { audienceChange } from '../../shared/adapters/dynamodb/audience-images.ts';
import { SqsDeliveryQueues } from '../../shared/adapters/sqs/delivery-queues.ts';
import type { DeliveryJob } from '../../shared/domain/delivery.ts';
import { pageTarget } from '../../shared/domain/url.ts';
import { eventOf } from '../../shared/usecases/announce.ts';
import { countAudience } from '../../shared/usecases/audience.ts';
import { firstStep, planDelivery } from '../../shared/usecases/plan-delivery.ts';
import { previewAudience } from '../../shared/usecases/preview-audience.ts';
import { sendDelivery } from '../../shared/usecases/send-delivery.ts';
import { submitReport } from '../../shared/usecases/submit-report.ts';
import { type TestDesk, testDesk } from '../support/desk.ts';
import { defaultDraft, publish, reviewer } from '../support/flows.ts';
import { testQueue } from '../support/queues.ts';
import { streamRecords } from '../support/stream.ts';
import { activeSubscriber } from '../support/subscribers.ts';

let desk: TestDesk;
beforeAll(async () => {
  desk = await testDesk();
});

/** What the notifier does with the table's stream: every record so far, each applied at most once. */
async function catchUp(): Promise<void> {
  for (const record of await streamRecords(desk)) {
    const change = audienceChange(record);
    if (change) await desk.audienceChanges.apply(change.id, change.deltas);
  }
}

/** Plans a published version from its stored announcement (as the announcer sends it), to the end. */
async function planned(correctionId: string): Promise<DeliveryJob[]> {
  const announcement = await desk.announcements.get({ correctionId, version: 1, round: 0 });
  if (!announcement) throw new Error('no announcement');
  const queue = await testQueue(desk.sqs);
  const deps = {
    ...desk,
    queues: new SqsDeliveryQueues(desk.sqs, { email: queue.url, sms: queue.url }, queue.url),
  };
  await planDelivery(deps, firstStep(eventOf(announcement)));
  const jobs: DeliveryJob[] = [];
  for (let records = await queue.receive(); records.length; records = await queue.receive()) {
    jobs.push(...records.map((record) => JSON.parse(record.body) as DeliveryJob));
    await Promise.all(records.map(queue.remove));
  }
  return jobs;
}

describe('followers of a page', () => {
  it('get the correction of the page they follow once, whatever else they follow or did', async () => {
    const topic = 'fire-prevention';
    const article = 'https://news.example.org/2026/fire-report';
    // Followed as people paste it: another scheme, "www.", a tracking parameter, a trailing slash.
    const asPasted = 'http://www.news.example.org/2026/fire-report/?utm_source=weibo';
    await activeSubscriber(desk, 'page-only@example.org', ['personnel'], 'en', { follows: [asPasted] });
    await activeSubscriber(desk, '+8613800138201', [], 'zh-CN', { follows: [article] });
    await activeSubscriber(desk, 'topic-and-page@example.org', [topic], 'zh-CN', { follows: [article] });
    await activeSubscriber(desk, 'every-and-page@example.org', ['*'], 'zh-CN', { follows: [article] });
    await activeSubscriber(desk, 'daily-page@example.org', [], 'zh-CN', {
      follows: [article],
      frequency: 'daily',
    });
    await activeSubscriber(desk, 'other-page@example.org', ['personnel'], 'zh-CN', {
      follows: ['https://news.example.org/2026/another'],
    });
    await activeSubscriber(desk, 'reporter-and-page@example.org', [], 'zh-CN', { follows: [article] });
    const receipt = await submitReport(desk, {
      text: '文中伤亡人数有误',
      url: article,
      topic,
      contact: { email: 'reporter-and-page@example.org' },
    });

    // Before approval: the preview counts each person once, the page's own followers apart.
    await catchUp();
    const preview = await previewAudience(desk, reviewer, receipt.caseId);
    expect(preview).toMatchObject({
      email: 3,
      sms: 1,
      reporters: 1,
      // The page adds three (the reporter among them is told as a reporter, counted once above).
      pages: [{ url: article, email: 2, sms: 1 }],
      digests: { email: 1, sms: 0 },
      byLanguage: { en: { email: 1, sms: 0 }, 'zh-CN': { email: 2, sms: 1 } },
    });
    const walked = await countAudience(desk, {
      caseId: receipt.caseId,
      topic,
      page: pageTarget(article),
    });
    expect(walked).toEqual({ email: preview.email, sms: preview.sms, reporters: preview.reporters });

    const published = await publish(desk, receipt.caseId, { ...defaultDraft, affectedUrl: article });
    const correctionId = published.correctionId ?? '';
    const jobs = await planned(correctionId);
    expect(jobs.filter((job) => job.kind === 'reply')).toHaveLength(1);
    expect(jobs.filter((job) => job.kind === 'correction')).toHaveLength(4);
    // Every job delivered twice over (replayed messages): one message per person all the same.
    for (const job of [...jobs, ...jobs]) await sendDelivery(desk, job);
    const received = async (address: string) =>
      (await desk.outbox.read(address)).filter((m) => m.correctionId === correctionId).map((m) => m.kind);
    expect(await received('page-only@example.org')).toEqual(['correction']);
    expect(await received('+8613800138201')).toEqual(['correction']);
    expect(await received('topic-and-page@example.org')).toEqual(['correction']);
    expect(await received('every-and-page@example.org')).toEqual(['correction']);
    expect(await received('reporter-and-page@example.org')).toEqual(['reply']);
    // A daily subscriber hears of it in the day's digest; another page's follower not at all.
    expect(await received('daily-page@example.org')).toEqual([]);
    expect(await received('other-page@example.org')).toEqual([]);
  });

  it('sends a topic-and-page follower one message even if planned twice over', async () => {
    const article = 'https://news.example.org/2026/twice';
    await activeSubscriber(desk, 'twice@example.org', ['assets-finance'], 'zh-CN', { follows: [article] });
    const receipt = await submitReport(desk, { text: '金额有误', url: article, topic: 'assets-finance' });
    const published = await publish(desk, receipt.caseId, { ...defaultDraft, affectedUrl: article });
    const correctionId = published.correctionId ?? '';
    const subscriptionId = (await desk.subscriptions.findByAddress('email', 'twice@example.org'))?.id ?? '';
    // As if both phases had planned the person: the delivery key (version and person) holds it to one.
    const job: DeliveryJob = {
      kind: 'correction',
      channel: 'email',
      correctionId,
      version: 1,
      subscriptionId,
    };
    expect(await sendDelivery(desk, job)).toMatchObject({ outcome: 'sent' });
    expect(await sendDelivery(desk, { ...job })).toMatchObject({ outcome: 'already-sent' });
    expect(
      (await desk.outbox.read('twice@example.org')).filter((m) => m.correctionId === correctionId),
    ).toHaveLength(1);
  });
});
