/**
 * GET /transparency: how fast the desk corrects itself, for people. The figures of GET /stats as a
 * chart (SVG drawn here, no script) and tables, with what they measure said plainly, and where the
 * public log is that proves nothing published was changed.
 */
import type { Language } from '../domain/case.ts';
import type { LogHead } from '../domain/public-log.ts';
import type { Stats, TimeFigures } from '../domain/time-to-correction.ts';
import type { Topic } from '../domain/topic.ts';
import type { Site } from '../presentation/site.ts';
import { markup } from '../presentation/text.ts';
import { topicName } from '../presentation/words.ts';
import { page } from './layout.ts';

const words = {
  'zh-CN': {
    title: '更正用时',
    intro: (zone: string) =>
      `从首次收到报告到更正首次发布所用的时间：最近12个自然月（按${zone}时间）内首次发布的更正的中位数和第90百分位数。数据随每次发布更新。`,
    overall: '总体',
    published: '已发布更正',
    median: '中位数',
    p90: '第90百分位',
    byMonth: '按月份',
    byTopic: '按主题',
    month: '月份',
    topic: '主题',
    none: '—',
    chartTitle: '每月更正用时（小时）',
    chartDescription: '每个月首次发布的更正从报告到发布所用小时数的中位数和第90百分位数。',
    monthLabel: (month: string) => `${Number(month.slice(5))}月`,
    hours: '小时',
    json: '同一数据（JSON）',
    log: (head: LogHead) =>
      `公开日志共${head.seq}条记录，每条都以哈希与上一条相连；任何人都可以核对已发布的内容从未被改写或删除。`,
    logLink: '查看公开日志',
  },
  en: {
    title: 'How fast we correct',
    intro: (zone: string) =>
      `Time from the first report to the first publication of the correction: median and 90th percentile over corrections first published in the last 12 calendar months (${zone} time). Updated with every publication.`,
    overall: 'Overall',
    published: 'Corrections published',
    median: 'Median',
    p90: '90th percentile',
    byMonth: 'By month',
    byTopic: 'By topic',
    month: 'Month',
    topic: 'Topic',
    none: '—',
    chartTitle: 'Time to correction by month (hours)',
    chartDescription:
      'For each month, the median and 90th percentile of hours from report to publication of the corrections first published that month.',
    monthLabel: (month: string) =>
      new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' }).format(
        new Date(`${month}-15T00:00:00Z`),
      ),
    hours: 'hours',
    json: 'The same figures as JSON',
    log: (head: LogHead) =>
      `The public log holds ${head.seq} entries, each linked by hash to the one before: anyone can check that nothing published was ever rewritten or removed.`,
    logLink: 'Read the public log',
  },
} as const;

export interface TransparencyPageInput {
  language: Language;
  site: Site;
  timeZone: string;
  topics: ReadonlyArray<Topic>;
  stats: Stats;
  logHead: LogHead;
}

/** Hours as a reader takes them in: minutes under an hour, else hours with one decimal. */
export function duration(hours: number | null, language: Language): string {
  if (hours === null) return words[language].none;
  const [value, unit] =
    hours < 1 ? [Math.round(hours * 60), 'minute'] : [Math.round(hours * 10) / 10, 'hour'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

const colors = { median: '#b03a2e', p90: '#8c8c8c' };

/** Paired bars per month (median, p90) on a shared hour scale; every bar also has a text title. */
function chart(stats: Stats, language: Language): string {
  const w = words[language];
  const [width, height, left, bottom, top] = [640, 260, 44, 28, 16];
  const plotHeight = height - bottom - top;
  const highest = Math.max(1, ...stats.byMonth.map((m) => m.p90HoursToCorrection ?? 0));
  const step = niceStep(highest / 4);
  const scaleMax = Math.ceil(highest / step) * step;
  const y = (hours: number) => top + plotHeight - (hours / scaleMax) * plotHeight;
  const slot = (width - left) / stats.byMonth.length;
  const bar = Math.max(4, slot / 3);
  const ticks = Array.from({ length: Math.round(scaleMax / step) + 1 }, (_, i) => i * step);
  const bars = stats.byMonth.map((month, i) => {
    const x = left + i * slot + (slot - 2 * bar) / 2;
    const one = (value: number | null, dx: number, color: string, label: string) =>
      value === null
        ? ''
        : `<rect x="${(x + dx).toFixed(1)}" y="${y(value).toFixed(1)}" width="${bar.toFixed(1)}" height="${(top + plotHeight - y(value)).toFixed(1)}" fill="${color}"><title>${markup(`${w.monthLabel(month.month)} ${label}: ${duration(value, language)}`)}</title></rect>`;
    return [
      one(month.medianHoursToCorrection, 0, colors.median, w.median),
      one(month.p90HoursToCorrection, bar, colors.p90, w.p90),
      `<text x="${(left + i * slot + slot / 2).toFixed(1)}" y="${height - 8}" text-anchor="middle" font-size="11" fill="currentColor">${markup(w.monthLabel(month.month))}</text>`,
    ].join('');
  });
  return `<svg class="chart" role="img" aria-labelledby="chart-title chart-description" viewBox="0 0 ${width} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg">
<title id="chart-title">${markup(w.chartTitle)}</title>
<desc id="chart-description">${markup(w.chartDescription)}</desc>
${ticks
  .map(
    (tick) =>
      `<line x1="${left}" x2="${width}" y1="${y(tick).toFixed(1)}" y2="${y(tick).toFixed(1)}" stroke="currentColor" stroke-opacity="0.15"/><text x="${left - 6}" y="${(y(tick) + 4).toFixed(1)}" text-anchor="end" font-size="11" fill="currentColor">${tick}</text>`,
  )
  .join('\n')}
${bars.join('\n')}
<rect x="${left}" y="2" width="10" height="10" fill="${colors.median}"/><text x="${left + 14}" y="11" font-size="11" fill="currentColor">${markup(w.median)}</text>
<rect x="${left + 110}" y="2" width="10" height="10" fill="${colors.p90}"/><text x="${left + 124}" y="11" font-size="11" fill="currentColor">${markup(w.p90)}</text>
</svg>`;
}

/** 1, 2 or 5 times a power of ten: gridlines people can read. */
function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  return ([1, 2, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
}

function table(
  caption: string,
  first: string,
  rows: Array<[string, TimeFigures]>,
  language: Language,
): string {
  const w = words[language];
  return `<table>
<caption>${markup(caption)}</caption>
<thead><tr><th scope="col">${markup(first)}</th><th scope="col">${markup(w.published)}</th><th scope="col">${markup(w.median)}</th><th scope="col">${markup(w.p90)}</th></tr></thead>
<tbody>
${rows
  .map(
    ([name, f]) =>
      `<tr><th scope="row">${markup(name)}</th><td>${f.published}</td><td>${markup(duration(f.medianHoursToCorrection, language))}</td><td>${markup(duration(f.p90HoursToCorrection, language))}</td></tr>`,
  )
  .join('\n')}
</tbody>
</table>`;
}

export function transparencyPage(input: TransparencyPageInput): string {
  const { language, site, stats } = input;
  const w = words[language];
  const overall = stats.overall;
  const main = [
    `<h1>${markup(w.title)}</h1>`,
    `<p>${markup(w.intro(input.timeZone))}</p>`,
    `<p><strong>${markup(w.overall)}</strong>: ${markup(w.published)} ${overall.published} · ${markup(w.median)} ${markup(duration(overall.medianHoursToCorrection, language))} · ${markup(w.p90)} ${markup(duration(overall.p90HoursToCorrection, language))}</p>`,
    chart(stats, language),
    table(
      w.byMonth,
      w.month,
      stats.byMonth.map((m) => [m.month, m]),
      language,
    ),
    table(
      w.byTopic,
      w.topic,
      stats.byTopic.map((t) => [topicName(input.topics, t.topic, language), t]),
      language,
    ),
    `<p><a href="${markup(site.stats)}" type="application/json">${markup(w.json)}</a></p>`,
    `<p>${markup(w.log(input.logHead))} <a href="${markup(site.log)}" type="application/json">${markup(w.logLink)}</a></p>`,
  ].join('\n');
  return page({
    language,
    site,
    title: w.title,
    description: w.intro(input.timeZone),
    canonical: site.transparency(language),
    otherLanguage: site.transparency(language === 'en' ? 'zh-CN' : 'en'),
    main,
  });
}
