/**
 * The rows of a subscriber import (POST /admin/subscribers/import): a CSV with a header row, each row
 * checked as a subscription request is (channel, address, topics, language), plus the import's own
 * columns. A bad row is rejected with its line number and every problem it has; the rest go ahead.
 */
import * as z from 'zod/mini';
import type { Language } from '../domain/case.ts';
import { InvalidInput } from '../domain/errors.ts';
import { type Channel, canonicalAddress } from '../domain/subscription.ts';
import { CsvSyntaxError, parseCsv } from './csv.ts';
import { subscriptionRequest } from './schemas.ts';
import { fieldErrors, onFirstUse, text, webUrl } from './validation.ts';

export const maxImportRows = 10_000;
export const frequencies = ['immediate', 'daily', 'weekly'] as const;
export type Frequency = (typeof frequencies)[number];

const columns = [
  'channel',
  'address',
  'topics',
  'follows',
  'language',
  'frequency',
  'consent_at',
  'consent_source',
] as const;
const requiredColumns = ['channel', 'address', 'topics'] as const;

export interface ImportRow {
  line: number;
  channel: Channel;
  address: string;
  topics: string[];
  language: Language;
  frequency: Frequency;
  follows: string[];
  /** Present when the row records the person's consent: the subscription is active at once. */
  consent?: { at: string; source: string };
}

export interface RejectedRow {
  line: number;
  errors: string[];
}

const list = (value: string): string[] =>
  value
    .split(';')
    .map((item) => item.trim())
    .filter(Boolean);

const extras = /* @__PURE__ */ onFirstUse(() =>
  z
    .object({
      follows: z.array(webUrl()).check(z.maxLength(20, { error: 'at most 20 pages' })),
      frequency: z.enum(frequencies),
      consent_at: z.optional(
        z.iso.datetime({ offset: true, error: 'must be a date and time, e.g. 2025-03-01T09:00:00Z' }),
      ),
      consent_source: z.optional(text(1, 200)),
    })
    .check(
      z.refine((row) => (row.consent_at === undefined) === (row.consent_source === undefined), {
        error: 'consent_at and consent_source go together: give both, or neither for a confirmation',
        path: ['consent_source'],
      }),
    ),
);

/** The rows to import and the rejected ones; the file itself malformed (or too long) is a 400. */
export function readImport(
  csv: string,
  knownTopics: ReadonlySet<string>,
  now: string,
): { rows: ImportRow[]; rejected: RejectedRow[] } {
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(csv);
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw new InvalidInput([{ path: `line ${error.line}`, message: error.message }]);
    throw error;
  }
  const [header, ...data] = records;
  if (!header)
    throw new InvalidInput([{ path: 'body', message: 'the file is empty; it needs a header row' }]);
  const names = header.fields.map((name) => name.trim().toLowerCase());
  const unknown = names.filter((name) => !(columns as ReadonlyArray<string>).includes(name));
  const missing = requiredColumns.filter((name) => !names.includes(name));
  if (unknown.length || missing.length) {
    throw new InvalidInput([
      ...unknown.map((name) => ({
        path: `column ${name}`,
        message: `is not a column of an import (${columns.join(', ')})`,
      })),
      ...missing.map((name) => ({ path: `column ${name}`, message: 'is required' })),
    ]);
  }
  if (data.length > maxImportRows) {
    throw new InvalidInput([
      {
        path: 'body',
        message: `${data.length} rows; at most ${maxImportRows} are imported at once: split the file`,
      },
    ]);
  }
  const request = subscriptionRequest(knownTopics);
  const rows: ImportRow[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, number>();
  for (const record of data) {
    const cell = (name: (typeof columns)[number]) => {
      const index = names.indexOf(name);
      return index < 0 ? '' : (record.fields[index] ?? '').trim();
    };
    const errors: string[] = [];
    if (record.fields.length !== names.length) {
      errors.push(`has ${record.fields.length} fields; the header has ${names.length}`);
    }
    const base = request.safeParse({
      channel: cell('channel'),
      address: cell('address'),
      topics: list(cell('topics')),
      ...(cell('language') ? { language: cell('language') } : {}),
    });
    const more = extras().safeParse({
      follows: list(cell('follows')),
      frequency: cell('frequency') || 'immediate',
      ...(cell('consent_at') ? { consent_at: cell('consent_at') } : {}),
      ...(cell('consent_source') ? { consent_source: cell('consent_source') } : {}),
    });
    for (const issue of [
      ...fieldErrors(base.error?.issues ?? []),
      ...fieldErrors(more.error?.issues ?? []),
    ]) {
      errors.push(`${issue.path}: ${issue.message}`);
    }
    if (more.success && more.data.consent_at && Date.parse(more.data.consent_at) > Date.parse(now)) {
      errors.push('consent_at: is in the future');
    }
    if (base.success && more.success && base.data.channel === 'sms' && !more.data.consent_at) {
      errors.push(
        'consent_at: an SMS subscriber is imported with their consent; without it they confirm by a code typed on the subscribe page',
      );
    }
    if (base.success) {
      const key = `${base.data.channel}:${canonicalAddress(base.data.channel, base.data.address)}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) errors.push(`address: the same address as line ${earlier}`);
      else seen.set(key, record.line);
    }
    if (errors.length || !base.success || !more.success) {
      rejected.push({ line: record.line, errors });
      continue;
    }
    rows.push({
      line: record.line,
      channel: base.data.channel,
      address: canonicalAddress(base.data.channel, base.data.address),
      topics: base.data.topics ?? [],
      language: base.data.language ?? 'zh-CN',
      frequency: more.data.frequency,
      follows: more.data.follows,
      ...(more.data.consent_at && more.data.consent_source
        ? { consent: { at: new Date(more.data.consent_at).toISOString(), source: more.data.consent_source } }
        : {}),
    });
  }
  return { rows, rejected };
}
