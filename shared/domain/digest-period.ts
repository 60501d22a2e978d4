/**
 * A digest's period: a day or a week (Monday to Sunday) of the desk's calendar, in its time zone. A
 * period is named by its kind and first day ("daily#2026-11-28", "weekly#2026-11-23"): the name keys
 * its run and each subscriber's one message, so a period is told once however often the job runs.
 */
import type { Frequency } from './subscription.ts';

export type DigestFrequency = Exclude<Frequency, 'immediate'>;

export interface DigestPeriod {
  frequency: DigestFrequency;
  /** The period's first day in the desk's calendar, YYYY-MM-DD. */
  firstDay: string;
  /** The instants it covers: [start, end). */
  start: string;
  end: string;
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar date of an instant in a time zone, YYYY-MM-DD. */
export function localDate(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(ms));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The instant a calendar day starts in a time zone (its local midnight, or the first hour after a gap). */
export function startOfDay(day: string, timeZone: string): string {
  const [, y, m, d] = datePattern.exec(day) ?? [];
  const midnight = Date.UTC(Number(y), Number(m) - 1, Number(d));
  // The offset at the guess, then at the corrected instant (they differ only across a DST change).
  const guess = midnight - offsetAt(midnight, timeZone);
  return new Date(midnight - offsetAt(guess, timeZone)).toISOString();
}

/** A day n days after `day` (negative: before), in the calendar: no time zone involved. */
export function addDays(day: string, n: number): string {
  const [, y, m, d] = datePattern.exec(day) ?? [];
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d) + n)).toISOString().slice(0, 10);
}

/** Monday of the week `day` is in. */
const mondayOf = (day: string): string => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));

export function isCalendarDay(day: string): boolean {
  return datePattern.test(day) && addDays(day, 0) === day;
}

/** The period of `frequency` that starts on `firstDay` (a weekly one starts on the Monday of that week). */
export function periodOf(frequency: DigestFrequency, day: string, timeZone: string): DigestPeriod {
  const firstDay = frequency === 'daily' ? day : mondayOf(day);
  const next = addDays(firstDay, frequency === 'daily' ? 1 : 7);
  return { frequency, firstDay, start: startOfDay(firstDay, timeZone), end: startOfDay(next, timeZone) };
}

/** The last period of `frequency` that has ended by `now`: yesterday, or last week. */
export function lastEndedPeriod(frequency: DigestFrequency, now: string, timeZone: string): DigestPeriod {
  const today = localDate(now, timeZone);
  return periodOf(frequency, addDays(frequency === 'daily' ? today : mondayOf(today), -1), timeZone);
}

/** The period's name: what its run and its messages are keyed by. */
export const periodName = (p: Pick<DigestPeriod, 'frequency' | 'firstDay'>): string =>
  `${p.frequency}#${p.firstDay}`;

/** The name back as a period, if it is one. */
export function periodNamed(name: string, timeZone: string): DigestPeriod | undefined {
  const [frequency, day] = name.split('#');
  if ((frequency !== 'daily' && frequency !== 'weekly') || !day || !isCalendarDay(day)) return undefined;
  const period = periodOf(frequency, day, timeZone);
  return period.firstDay === day ? period : undefined;
}
