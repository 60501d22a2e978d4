/**
 * What people receive, as both channels word it alike: a correction's published wording, what a
 * reporter is told, a digest's period. Each channel words the rest its own way (email-messages.ts,
 * sms-messages.ts), so a channel's sender bundles only its own. No address ever appears in a body.
 */
import type { CorrectionType, Language } from '../domain/case.ts';

export interface PublishedWording {
  type: CorrectionType;
  headline: string;
  body: string;
  smsText?: string;
  version: number;
  note?: string;
}

/** What a reporter is told: the correction published, a later version of it, or no correction. */
export type Outcome =
  | { kind: 'published' | 'amended'; wording: PublishedWording; permalink: string }
  | { kind: 'closed' };

/** A digest's corrections as listed: each one's latest wording and permalink. */
export interface DigestItem {
  wording: PublishedWording;
  permalink: string;
}

/** The email lists at most this many; the rest are counted, with the period's list a link away. */
export const digestItemsListed = 20;

/** The day, or the week from its Monday, that a digest covers, as both channels name it. */
export function digestPeriod(frequency: 'daily' | 'weekly', firstDay: string, language: Language): string {
  if (language === 'zh-CN') {
    const [, m, d] = firstDay.split('-').map(Number);
    return frequency === 'daily' ? `${m}月${d}日` : `${m}月${d}日起一周`;
  }
  const date = new Date(`${firstDay}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
  return frequency === 'daily' ? date : `The week of ${date}`;
}

/** What a reporter whose report needed no correction is told, by email and by SMS. */
export const replyClosed: Record<Language, string> = {
  'zh-CN': '感谢您的报告。经核实，我们认为相关内容无需更正。',
  en: 'Thank you for your report. We checked it and found that no correction is needed.',
};
