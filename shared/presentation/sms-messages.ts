/**
 * What people receive by SMS, per language: corrections for subscribers, replies for reporters,
 * digests and the subscription codes. Each fits one segment, link included.
 */
import type { Language } from '../domain/case.ts';
import { composeSms, fitOneSegment, fitsOneSegment } from '../domain/sms.ts';
import { digestPeriod, type Outcome, type PublishedWording, replyClosed } from './messages.ts';
import { correctionLabel, typeLabels } from './words.ts';

const phrases = {
  'zh-CN': {
    prefix: (label: string) => `【${label}】`,
    replyPublished: (label: string) => `感谢报告，已发布${label}：`,
    replyAmended: (label: string) => `您报告的问题的${label}已更新：`,
    code: (code: string) => `您的订阅验证码：${code}，15分钟内有效。`,
    digest: (period: string, n: number) => `${period}有${n}则您关注的更正：`,
    digestCount: (n: number) => `${n}则您关注的更正：`,
    digestLabel: '更正汇总',
  },
  en: {
    prefix: (label: string) => `${label}: `,
    replyPublished: (label: string) => `Thanks for your report. ${label}: `,
    replyAmended: (label: string) => `${label} updated after your report: `,
    code: (code: string) => `Your subscription code is ${code}. It expires in 15 minutes.`,
    digest: (period: string, n: number) =>
      `${period}: ${n} ${n === 1 ? 'correction' : 'corrections'} on what you follow: `,
    digestCount: (n: number) => `${n} ${n === 1 ? 'correction' : 'corrections'}: `,
    digestLabel: 'Corrections',
  },
} as const;

/** One segment, link included: the editor's SMS wording, or the headline shortened to fit. */
export function correctionSms(wording: PublishedWording, language: Language, permalink: string): string {
  if (wording.smsText) return composeSms(wording.smsText, permalink);
  return fitOneSegment(
    phrases[language].prefix(correctionLabel(wording, language)),
    wording.headline,
    ` ${permalink}`,
  );
}

/**
 * The SMS digest: one segment, a count and the link to the period's list. The count is never cut:
 * where the period's name does not fit beside the link, it is left out.
 */
export function digestSms(
  frequency: 'daily' | 'weekly',
  firstDay: string,
  total: number,
  language: Language,
  periodLink: string,
): string {
  const w = phrases[language];
  const prefix = w.prefix(w.digestLabel);
  const full = `${prefix}${w.digest(digestPeriod(frequency, firstDay, language), total)}${periodLink}`;
  return fitsOneSegment(full) ? full : fitOneSegment(`${prefix}${w.digestCount(total)}`, '', periodLink);
}

export function replySms(outcome: Outcome, language: Language): string {
  const w = phrases[language];
  if (outcome.kind === 'closed') return fitOneSegment('', replyClosed[language], '');
  const label = typeLabels[language][outcome.wording.type];
  return fitOneSegment(
    outcome.kind === 'amended' ? w.replyAmended(label) : w.replyPublished(label),
    outcome.wording.headline,
    ` ${outcome.permalink}`,
  );
}

export const verificationSms = (code: string, language: Language): string => phrases[language].code(code);
