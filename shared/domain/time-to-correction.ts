/**
 * How fast the desk corrects itself: hours from a case's first report (its createdAt) to the first
 * publication of its correction. The publisher records each first publication under its topic and
 * calendar month (in the desk's time zone); the figures are the median and the 90th percentile over
 * the exact values kept, so what the public reads can be recomputed by hand.
 */

export interface TimeFigures {
  published: number;
  medianHoursToCorrection: number | null;
  p90HoursToCorrection: number | null;
}

/** One first publication, as the publisher records it. */
export interface FirstPublication {
  topic: string;
  /** yyyy-mm of the publication in the desk's time zone. */
  month: string;
  hours: number;
}

/** Every first publication of one topic in one month (the unit the figures are kept in). */
export interface TopicMonth {
  topic: string;
  month: string;
  hours: number[];
}

export interface Stats {
  generatedAt: string;
  windowDays: 365;
  overall: TimeFigures;
  byTopic: Array<TimeFigures & { topic: string }>;
  byMonth: Array<TimeFigures & { month: string }>;
}

const millisecondsPerHour = 3_600_000;

/** The calendar month (yyyy-mm) of an instant in a time zone. */
export function monthOf(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}`;
}

export function firstPublication(
  topic: string,
  reportedAt: string,
  publishedAt: string,
  timeZone: string,
): FirstPublication {
  return {
    topic,
    month: monthOf(publishedAt, timeZone),
    hours: (Date.parse(publishedAt) - Date.parse(reportedAt)) / millisecondsPerHour,
  };
}

/** The 12 calendar months ending with the one `now` falls in, oldest first. */
export function lastTwelveMonths(now: string, timeZone: string): string[] {
  const [year, month] = monthOf(now, timeZone).split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const index = year * 12 + (month - 1) - (11 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/**
 * Median (the middle value, or the mean of the two middle ones) and 90th percentile by nearest rank
 * (the smallest value with at least 90% of values at or below it).
 */
export function figures(values: ReadonlyArray<number>): TimeFigures {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { published: 0, medianHoursToCorrection: null, p90HoursToCorrection: null };
  const middle = Math.floor(n / 2);
  const median =
    n % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return {
    published: n,
    medianHoursToCorrection: median,
    p90HoursToCorrection: sorted[Math.ceil(0.9 * n) - 1] as number,
  };
}

/**
 * The public figures from the topic-months of the window: every month of it (oldest first), every
 * topic given or seen (by key), and all of them together.
 */
export function stats(
  kept: ReadonlyArray<TopicMonth>,
  months: ReadonlyArray<string>,
  topics: ReadonlyArray<string>,
  generatedAt: string,
): Stats {
  const inWindow = kept.filter((entry) => months.includes(entry.month));
  const values = (match: (entry: TopicMonth) => boolean) => inWindow.filter(match).flatMap((e) => e.hours);
  const topicKeys = [...new Set([...topics, ...inWindow.map((entry) => entry.topic)])].sort();
  return {
    generatedAt,
    windowDays: 365,
    overall: figures(values(() => true)),
    byTopic: topicKeys.map((topic) => ({ topic, ...figures(values((e) => e.topic === topic)) })),
    byMonth: months.map((month) => ({ month, ...figures(values((e) => e.month === month)) })),
  };
}
