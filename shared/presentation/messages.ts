/**
 * What people receive, per channel and language: corrections for subscribers, replies for
 * reporters, and the subscription confirmations. Pure text; no address ever appears in a body.
 */
import type { CorrectionType, Language } from '../domain/case.ts';
import { composeSms, fitOneSegment } from '../domain/sms.ts';
import type { Frequency } from '../domain/subscription.ts';
import { markup, paragraphs, shorten } from './text.ts';
import { correctionLabel, typeLabels } from './words.ts';

const phrases = {
  'zh-CN': {
    readMore: '查看全文及历次版本：',
    unsubscribe: '不想再收到此类邮件？退订：',
    manage: '更改主题、关注的文章、频率或语言：',
    whyEmail: '您收到此邮件，是因为您订阅了该主题的更正通知。',
    smsPrefix: (label: string) => `【${label}】`,
    replyPublishedSubject: '您报告的问题已处理',
    replyPublished: (label: string) => `感谢您的报告。经核实，我们已发布${label}：`,
    replyClosedSubject: '您报告的问题已审核完毕',
    replyClosed: '感谢您的报告。经核实，我们认为相关内容无需更正。',
    replySmsPublished: (label: string) => `感谢报告，已发布${label}：`,
    replyAmendedSubject: '您报告的问题的更正已更新',
    replyAmended: (label: string, version: number) =>
      `感谢您的报告。针对您报告的问题，我们更新了${label}（第${version}版）：`,
    replySmsAmended: (label: string) => `您报告的问题的${label}已更新：`,
    confirmSubject: '请确认订阅更正通知',
    confirm: '请打开以下链接并按下“确认订阅”按钮，确认订阅以下内容的更正通知：',
    topicsLine: (topics: string) => `主题：${topics}`,
    followsLine: (pages: string) => `关注的文章：${pages}`,
    frequencyLine: { immediate: '每次发布即通知', daily: '每日汇总一次', weekly: '每周汇总一次' },
    listSeparator: '、',
    confirmIgnore: '如非本人操作，请忽略此邮件，我们不会再发送。',
    code: (code: string) => `您的订阅验证码：${code}，15分钟内有效。`,
    allTopics: '全部主题',
  },
  en: {
    readMore: 'Read it in full, with every version: ',
    unsubscribe: 'No longer want these emails? Unsubscribe: ',
    manage: 'Change topics, articles followed, frequency or language: ',
    whyEmail: 'You receive this because you subscribed to corrections on this topic.',
    smsPrefix: (label: string) => `${label}: `,
    replyPublishedSubject: 'The error you reported has been dealt with',
    replyPublished: (label: string) =>
      `Thank you for your report. We checked it and published a ${label.toLowerCase()}: `,
    replyClosedSubject: 'We have reviewed your report',
    replyClosed: 'Thank you for your report. We checked it and found that no correction is needed.',
    replySmsPublished: (label: string) => `Thanks for your report. ${label}: `,
    replyAmendedSubject: 'The correction to the error you reported has been updated',
    replyAmended: (label: string, version: number) =>
      `Thank you for your report. We have updated the ${label.toLowerCase()} we published after it (version ${version}): `,
    replySmsAmended: (label: string) => `${label} updated after your report: `,
    confirmSubject: 'Please confirm your subscription to corrections',
    confirm: 'Open this link and press its Confirm button to confirm that you want corrections of:',
    topicsLine: (topics: string) => `Topics: ${topics}`,
    followsLine: (pages: string) => `Articles followed: ${pages}`,
    frequencyLine: {
      immediate: 'As soon as each is published',
      daily: 'One summary a day',
      weekly: 'One summary a week',
    },
    listSeparator: ', ',
    confirmIgnore: 'If this was not you, ignore this email and we will not write again.',
    code: (code: string) => `Your subscription code is ${code}. It expires in 15 minutes.`,
    allTopics: 'all topics',
  },
} as const;

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export interface PublishedWording {
  type: CorrectionType;
  headline: string;
  body: string;
  smsText?: string;
  version: number;
  note?: string;
}

/** Subjects are one line and short (SNS and mail clients both cut long ones). */
const subjectLine = (text: string): string => shorten(text, 90);

function emailFrame(
  language: Language,
  subject: string,
  textParts: string[],
  htmlParts: string[],
): RenderedEmail {
  return {
    subject: subjectLine(subject),
    text: textParts.join('\n\n'),
    html: `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${markup(subject)}</title></head><body>\n${htmlParts.join('\n')}\n</body></html>`,
  };
}

export function correctionEmail(
  wording: PublishedWording,
  language: Language,
  links: { permalink: string; unsubscribe: string; manage: string },
): RenderedEmail {
  const w = phrases[language];
  const tag = correctionLabel(wording, language);
  const note = wording.note ? [wording.note] : [];
  return emailFrame(
    language,
    `[${tag}] ${wording.headline}`,
    [
      wording.headline,
      ...note,
      wording.body,
      `${w.readMore}${links.permalink}`,
      `${w.whyEmail}\n${w.manage}${links.manage}\n${w.unsubscribe}${links.unsubscribe}`,
    ],
    [
      `<p><strong>${markup(tag)}</strong></p>`,
      `<h1>${markup(wording.headline)}</h1>`,
      ...note.map((text) => `<p><em>${markup(text)}</em></p>`),
      paragraphs(wording.body),
      `<p>${markup(w.readMore)}<a href="${markup(links.permalink)}">${markup(links.permalink)}</a></p>`,
      `<hr><p><small>${markup(w.whyEmail)} <a href="${markup(links.manage)}">${markup(w.manage)}</a> <a href="${markup(links.unsubscribe)}">${markup(w.unsubscribe)}</a></small></p>`,
    ],
  );
}

/** One segment, link included: the editor's SMS wording, or the headline shortened to fit. */
export function correctionSms(wording: PublishedWording, language: Language, permalink: string): string {
  if (wording.smsText) return composeSms(wording.smsText, permalink);
  return fitOneSegment(
    phrases[language].smsPrefix(correctionLabel(wording, language)),
    wording.headline,
    ` ${permalink}`,
  );
}

/** What a reporter is told: the correction published, a later version of it, or no correction. */
export type Outcome =
  | { kind: 'published' | 'amended'; wording: PublishedWording; permalink: string }
  | { kind: 'closed' };

export function replyEmail(outcome: Outcome, language: Language): RenderedEmail {
  const w = phrases[language];
  if (outcome.kind === 'closed') {
    return emailFrame(language, w.replyClosedSubject, [w.replyClosed], [`<p>${markup(w.replyClosed)}</p>`]);
  }
  const { wording, permalink } = outcome;
  const label = typeLabels[language][wording.type];
  const amended = outcome.kind === 'amended';
  const intro = amended ? w.replyAmended(label, wording.version) : w.replyPublished(label);
  // An amendment says why it changed, as the subscribers' email does.
  const note = amended && wording.note ? [wording.note] : [];
  return emailFrame(
    language,
    amended ? w.replyAmendedSubject : w.replyPublishedSubject,
    [`${intro}${wording.headline}`, ...note, wording.body, `${w.readMore}${permalink}`],
    [
      `<p>${markup(intro)}<strong>${markup(wording.headline)}</strong></p>`,
      ...note.map((text) => `<p><em>${markup(text)}</em></p>`),
      paragraphs(wording.body),
      `<p>${markup(w.readMore)}<a href="${markup(permalink)}">${markup(permalink)}</a></p>`,
    ],
  );
}

export function replySms(outcome: Outcome, language: Language): string {
  const w = phrases[language];
  if (outcome.kind === 'closed') return fitOneSegment('', w.replyClosed, '');
  const label = typeLabels[language][outcome.wording.type];
  return fitOneSegment(
    outcome.kind === 'amended' ? w.replySmsAmended(label) : w.replySmsPublished(label),
    outcome.wording.headline,
    ` ${outcome.permalink}`,
  );
}

/** What a confirmation asks the person to agree to: the topics (names), pages followed and how often. */
export interface ConfirmationRequest {
  /** Topic names in the email's language; empty with `everyTopic` for every topic, or when only pages are followed. */
  topicNames: string[];
  everyTopic: boolean;
  follows: string[];
  frequency: Frequency;
}

export function confirmationEmail(
  request: ConfirmationRequest,
  language: Language,
  confirmLink: string,
): RenderedEmail {
  const w = phrases[language];
  // Only what was asked for: a request that follows pages alone names no topic (never "all topics").
  const topics = request.everyTopic ? w.allTopics : request.topicNames.join(w.listSeparator);
  const asked = [
    ...(topics ? [w.topicsLine(topics)] : []),
    ...(request.follows.length ? [w.followsLine(request.follows.join(w.listSeparator))] : []),
    w.frequencyLine[request.frequency],
  ];
  return emailFrame(
    language,
    w.confirmSubject,
    [w.confirm, asked.join('\n'), confirmLink, w.confirmIgnore],
    [
      `<p>${markup(w.confirm)}</p>`,
      `<ul>${asked.map((line) => `<li>${markup(line)}</li>`).join('')}</ul>`,
      `<p><a href="${markup(confirmLink)}">${markup(confirmLink)}</a></p>`,
      `<p><small>${markup(w.confirmIgnore)}</small></p>`,
    ],
  );
}

export const verificationSms = (code: string, language: Language): string => phrases[language].code(code);
