/**
 * The subscribers' digests against DynamoDB Local and fauxqs, run as deployed: the schedule starts a
 * period's continuation, the planner runs its steps from the plan queue, the sender sends each job.
 * A daily subscriber gets one digest for a day with two corrections and none for an empty day, even
 * when the job runs twice; a weekly one gets one for the week; an SMS digest is one segment; an
 * immediate subscriber still gets each correction at once and no digest.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { publicView } from '../../shared/domain/correction.ts';
import type { DeliveryJob } from '../../shared/domain/delivery.ts';
import { lastEndedPeriod, periodOf } from '../../shared/domain/digest-period.ts';
import { smsSegments } from '../../shared/domain/sms.ts';
import { periodPage } from '../../shared/pages/period-page.ts';
import { publicSite } from '../../shared/presentation/site.ts';
import { eventOf } from '../../shared/usecases/announce.ts';
import { periodCorrections, startDigests } from '../../shared/usecases/correction-digest.ts';
import { firstStep, planDelivery } from '../../shared/usecases/plan-delivery.ts';
import { sendDelivery } from '../../shared/usecases/send-delivery.ts';
import { submitReport } from '../../shared/usecases/submit-report.ts';
import { continuations } from '../support/continuations.ts';
import { publisher, topics } from '../support/corrections.ts';
import { type TestDesk, testDesk } from '../support/desk.ts';
import { defaultDraft, publish } from '../support/flows.ts';
import { activeSubscriber } from '../support/subscribers.ts';

let desk: TestDesk;
let runner: Awaited<ReturnType<typeof continuations>>;
// Tuesday 24 November 2026, 10:00 in Shanghai (the desk's time zone).
const tuesdayMorning = '2026-11-24T02:00:00Z';
const topic = 'fire-prevention';
const article = 'https://news.example.org/2026/digest-article';

beforeAll(async () => {
  desk = await testDesk({ startAt: tuesdayMorning });
  runner = await continuations(desk);
});

/** A correction of `topic` published now (through the review path), its immediate audience planned. */
async function published(headline: string, affectedUrl?: string): Promise<string> {
  const { caseId } = await submitReport(desk, {
    text: '数字有误',
    topic,
    ...(affectedUrl ? { url: affectedUrl } : {}),
  });
  const c = await publish(desk, caseId, {
    ...defaultDraft,
    headline,
    ...(affectedUrl ? { affectedUrl } : {}),
  });
  const correctionId = c.correctionId ?? '';
  const announcement = await desk.announcements.get({ correctionId, version: 1, round: 0 });
  if (!announcement) throw new Error('no announcement');
  await planDelivery(runner.deps, firstStep(eventOf(announcement)));
  return correctionId;
}

/** The digest job as the schedule runs it at `at` (twice: a retried invocation), to the last message. */
async function runDigestJob(at: string): Promise<{ periods: string[]; jobs: DeliveryJob[] }> {
  desk.clock.advanceTo(at);
  const periods = await startDigests(runner.deps, at);
  expect(await startDigests(runner.deps, at)).toEqual(periods);
  await runner.drain();
  const jobs = await runner.jobs();
  // Every job sent twice over (a replayed message): one message per person and period all the same.
  for (const job of [...jobs, ...jobs]) await sendDelivery(desk, job);
  return { periods, jobs };
}

const digests = async (address: string) =>
  (await desk.outbox.read(address)).filter((m) => m.kind === 'correction_digest');

describe('digests', () => {
  it('name the period that has just ended in the desk’s calendar', () => {
    expect(lastEndedPeriod('daily', '2026-11-25T00:30:00Z', 'Asia/Shanghai')).toEqual({
      frequency: 'daily',
      firstDay: '2026-11-24',
      start: '2026-11-23T16:00:00.000Z',
      end: '2026-11-24T16:00:00.000Z',
    });
    expect(lastEndedPeriod('weekly', '2026-11-30T00:30:00Z', 'Asia/Shanghai')).toMatchObject({
      firstDay: '2026-11-23',
      start: '2026-11-22T16:00:00.000Z',
      end: '2026-11-29T16:00:00.000Z',
    });
    // A day across a daylight-saving change is 25 hours long.
    const long = periodOf('daily', '2026-11-01', 'America/New_York');
    expect(Date.parse(long.end) - Date.parse(long.start)).toBe(25 * 3600_000);
  });

  it('tell a daily subscriber once a day with news, a weekly one once a week, immediate ones at once', async () => {
    await activeSubscriber(desk, 'daily@example.org', [topic], 'zh-CN', { frequency: 'daily' });
    await activeSubscriber(desk, '+8613800138301', [topic], 'zh-CN', { frequency: 'daily' });
    await activeSubscriber(desk, '+8613800138302', ['*'], 'en', { frequency: 'daily' });
    await activeSubscriber(desk, 'weekly@example.org', [topic], 'en', { frequency: 'weekly' });
    await activeSubscriber(desk, 'at-once@example.org', [topic]);
    await activeSubscriber(desk, 'daily-other@example.org', ['personnel'], 'zh-CN', { frequency: 'daily' });
    // Follows the article only: its correction reaches them, whatever its topic.
    await activeSubscriber(desk, 'daily-page@example.org', ['personnel'], 'zh-CN', {
      frequency: 'daily',
      follows: [article],
    });

    // Tuesday: two corrections.
    const first = await published('关于出动车辆数的更正');
    desk.clock.advance(60);
    const second = await published('关于伤亡人数的更正', article);
    // Immediate subscribers hear at once; digest subscribers are planned nothing now.
    const immediate = await runner.jobs();
    for (const job of immediate) await sendDelivery(desk, job);
    expect(
      (await desk.outbox.read('at-once@example.org')).filter((m) => m.kind === 'correction'),
    ).toHaveLength(2);
    for (const address of [
      'daily@example.org',
      '+8613800138301',
      'weekly@example.org',
      'daily-page@example.org',
    ])
      expect(
        (await desk.outbox.read(address)).filter(
          (m) => m.kind !== 'confirmation' && m.kind !== 'verification_code',
        ),
      ).toEqual([]);

    // Wednesday 08:00 in Shanghai: Tuesday's digests.
    const wednesday = await runDigestJob('2026-11-25T00:00:00Z');
    expect(wednesday.periods).toEqual(['daily#2026-11-24']);
    expect(wednesday.jobs).toHaveLength(4);
    const [email] = await digests('daily@example.org');
    expect(await digests('daily@example.org')).toHaveLength(1);
    expect(email?.correctionIds).toEqual([first, second]);
    expect(email?.subject).toContain('2则');
    expect(email?.body).toContain('关于出动车辆数的更正');
    expect(email?.body).toContain(`https://corrections.example.org/c/${second}`);
    expect(email?.body).toContain('https://corrections.example.org/d/2026-11-24');
    expect(email?.headers?.['List-Unsubscribe']).toContain('/unsubscribe?token=');
    for (const phone of ['+8613800138301', '+8613800138302']) {
      const sms = await digests(phone);
      expect(sms).toHaveLength(1);
      expect(sms[0]?.body).toContain('2');
      expect(sms[0]?.body).toMatch(/https:\/\/corrections\.example\.org\/d\/2026-11-24/);
      expect(smsSegments(sms[0]?.body ?? '')).toBe(1);
    }
    expect((await digests('daily-page@example.org')).map((m) => m.correctionIds)).toEqual([[second]]);
    expect(await digests('daily-other@example.org')).toEqual([]);
    // Immediate subscribers get no digest; weekly ones wait for the week's end.
    expect(await digests('at-once@example.org')).toEqual([]);
    expect(await digests('weekly@example.org')).toEqual([]);

    // Thursday 08:00: Wednesday had nothing, so nothing is sent (and nobody is read for it).
    const thursday = await runDigestJob('2026-11-26T00:00:00Z');
    expect(thursday).toEqual({ periods: ['daily#2026-11-25'], jobs: [] });
    expect(await digests('daily@example.org')).toHaveLength(1);

    // Monday 08:00: Sunday's (empty) day and last week's digest, which lists both.
    const monday = await runDigestJob('2026-11-30T00:00:00Z');
    expect(monday.periods).toEqual(['daily#2026-11-29', 'weekly#2026-11-23']);
    const weekly = await digests('weekly@example.org');
    expect(weekly).toHaveLength(1);
    expect(weekly[0]?.correctionIds).toEqual([first, second]);
    expect(weekly[0]?.subject).toContain('The week of 23 November');
    expect(weekly[0]?.body).toContain('https://corrections.example.org/w/2026-11-23?lang=en');
    expect(await digests('daily@example.org')).toHaveLength(1);

    // The page the SMS links to lists the day's corrections; an empty day says so.
    const site = publicSite('https://corrections.example.org', desk.links.permalink, publisher);
    const render = async (day: string) => {
      const period = periodOf('daily', day, desk.config.timeZone);
      const corrections = (await periodCorrections(desk, period)).map(publicView);
      const here = (lang: 'zh-CN' | 'en') => desk.links.period('daily', day, lang);
      return periodPage({
        language: 'zh-CN',
        site,
        timeZone: desk.config.timeZone,
        topics,
        period,
        corrections,
        here,
      });
    };
    const tuesday = await render('2026-11-24');
    expect(tuesday).toContain('2026年11月24日的更正');
    expect(tuesday).toContain('关于出动车辆数的更正');
    expect(tuesday).toContain(`/c/${second}`);
    expect(await render('2026-11-25')).toContain('这一期间没有发布更正。');
  });
});
