/**
 * Time to correction, kept by the publisher as it publishes and read back as GET /stats reads it:
 * the figures match those worked out by hand below from the test's own cases.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { figures, lastTwelveMonths, monthOf } from '../../shared/domain/time-to-correction.ts';
import { transparencyPage } from '../../shared/pages/transparency-page.ts';
import { publicSite } from '../../shared/presentation/site.ts';
import { amendCorrection } from '../../shared/usecases/amend-correction.ts';
import { openStaffCase } from '../../shared/usecases/open-case.ts';
import { publishCorrection } from '../../shared/usecases/publish-correction.ts';
import { readStats } from '../../shared/usecases/transparency.ts';
import { type TestDesk, testDesk } from '../support/desk.ts';
import { act, editor, publish, reviewer } from '../support/flows.ts';

let desk: TestDesk;

const open = (topic: string) =>
  openStaffCase(desk, editor, { text: `${topic} 有误`, topic, source: 'staff' }).then((c) => c.id);
const publishAt = async (at: string, caseId: string) => {
  desk.clock.advanceTo(at);
  return publish(desk, caseId);
};

beforeAll(async () => {
  desk = await testDesk({ startAt: '2025-02-10T00:00:00.000Z' });
  // Outside the window when the figures are read (2026-03): 5 h, counted nowhere.
  await publishAt('2025-02-10T05:00:00.000Z', await open('public-information'));

  desk.clock.advanceTo('2026-01-05T00:00:00.000Z');
  const [a1, a2, a3] = [
    await open('public-information'),
    await open('public-information'),
    await open('public-information'),
  ];
  const first = await publishAt('2026-01-05T02:00:00.000Z', a1); // 2 h
  await publishAt('2026-01-05T06:00:00.000Z', a2); // 6 h
  await publishAt('2026-01-06T06:00:00.000Z', a3); // 30 h

  // 17:00 UTC on 31 January is 01:00 on 1 February in Shanghai: a February publication of 7 h.
  desk.clock.advanceTo('2026-01-31T10:00:00.000Z');
  await publishAt('2026-01-31T17:00:00.000Z', await open('firefighting-rescue'));

  desk.clock.advanceTo('2026-02-10T00:00:00.000Z');
  await publishAt('2026-02-10T01:30:00.000Z', await open('public-information')); // 1.5 h

  // An amendment is not a first publication: it changes no figure.
  desk.clock.advanceTo('2026-02-20T00:00:00.000Z');
  const amendment = await amendCorrection(desk, editor, first.correctionId ?? '', '补充');
  let c = await act(desk, amendment, reviewer, {
    action: 'draft',
    draft: { type: 'correction', headline: '更新', body: '更新后的正文' },
  });
  c = await act(desk, c, reviewer, { action: 'submit' });
  await act(desk, c, editor, { action: 'approve' });
  expect((await publishCorrection(desk, c.id)).outcome).toBe('published');

  desk.clock.advanceTo('2026-03-02T00:00:00.000Z');
}, 120_000);

describe('time to correction', () => {
  it('matches the figures worked out by hand: median, p90 by nearest rank, by topic and by month', async () => {
    const stats = await readStats(desk);
    expect(stats).toMatchObject({ generatedAt: '2026-03-02T00:00:00.000Z', windowDays: 365 });
    // Overall: 1.5, 2, 6, 7, 30 → median 6; p90 is the ceil(0.9 × 5) = 5th value.
    expect(stats.overall).toEqual({ published: 5, medianHoursToCorrection: 6, p90HoursToCorrection: 30 });
    expect(stats.byMonth.map((m) => m.month)).toEqual(
      lastTwelveMonths('2026-03-02T00:00:00.000Z', 'Asia/Shanghai'),
    );
    expect(stats.byMonth[0]?.month).toBe('2025-04');
    const month = (key: string) => stats.byMonth.find((m) => m.month === key);
    // January: 2, 6, 30 → 6 and the 3rd value; February: 1.5, 7 → (1.5 + 7) / 2 and the 2nd value.
    expect(month('2026-01')).toEqual({
      month: '2026-01',
      published: 3,
      medianHoursToCorrection: 6,
      p90HoursToCorrection: 30,
    });
    expect(month('2026-02')).toEqual({
      month: '2026-02',
      published: 2,
      medianHoursToCorrection: 4.25,
      p90HoursToCorrection: 7,
    });
    expect(month('2026-03')).toEqual({
      month: '2026-03',
      published: 0,
      medianHoursToCorrection: null,
      p90HoursToCorrection: null,
    });
    expect(stats.byMonth.filter((m) => m.published > 0)).toHaveLength(2);
    const topic = (key: string) => stats.byTopic.find((t) => t.topic === key);
    // public-information: 1.5, 2, 6, 30 → (2 + 6) / 2 and the 4th value; firefighting-rescue: 7 alone.
    expect(topic('public-information')).toEqual({
      topic: 'public-information',
      published: 4,
      medianHoursToCorrection: 4,
      p90HoursToCorrection: 30,
    });
    expect(topic('firefighting-rescue')).toEqual({
      topic: 'firefighting-rescue',
      published: 1,
      medianHoursToCorrection: 7,
      p90HoursToCorrection: 7,
    });
    expect(topic('personnel')).toEqual({
      topic: 'personnel',
      published: 0,
      medianHoursToCorrection: null,
      p90HoursToCorrection: null,
    });
  });

  it('counts months in the configured time zone', () => {
    expect(monthOf('2026-01-31T17:00:00.000Z', 'Asia/Shanghai')).toBe('2026-02');
    expect(monthOf('2026-01-31T17:00:00.000Z', 'Europe/London')).toBe('2026-01');
    expect(lastTwelveMonths('2026-01-15T00:00:00.000Z', 'UTC')).toEqual([
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
    ]);
    expect(figures([10])).toEqual({ published: 1, medianHoursToCorrection: 10, p90HoursToCorrection: 10 });
    expect(figures([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).p90HoursToCorrection).toBe(9);
  });

  it('draws the page: a chart with a bar per kept figure, tables, and the log', async () => {
    const stats = await readStats(desk);
    const html = transparencyPage({
      language: 'en',
      site: publicSite('https://corrections.example.org', (id) => `https://corrections.example.org/c/${id}`, {
        'zh-CN': '示例市消防救援支队',
        en: 'Example City Fire and Rescue',
      }),
      timeZone: 'Asia/Shanghai',
      topics: await desk.topics.list(),
      stats,
      logHead: await desk.log.head(),
    });
    // Two months with publications, two bars each (median and p90), plus the two legend swatches.
    expect(html.match(/<rect [^>]*><title>/g)).toHaveLength(4);
    expect(html).toContain('<title>Jan Median: 6 hours</title>');
    expect(html).toContain('<title>Feb 90th percentile: 7 hours</title>');
    expect(html).toContain(
      '<tr><th scope="row">2026-02</th><td>2</td><td>4.3 hours</td><td>7 hours</td></tr>',
    );
    expect(html).toContain('The public log holds 7 entries');
  });
});
