/**
 * What people receive by email, per language: corrections for subscribers, replies for reporters,
 * digests and the subscription confirmations, each as a subject, plain text and HTML.
 */
import type { Language } from '../domain/case.ts';
import type { Frequency } from '../domain/subscription.ts';
import {
  type DigestItem,
  digestItemsListed,
  digestPeriod,
  type Outcome,
  type PublishedWording,
  replyClosed,
} from './messages.ts';
import { markup, paragraphs, shorten } from './text.ts';
import { correctionLabel, typeLabels } from './words.ts';

const phrases = {
  'zh-CN': {
    readMore: '查看全文及历次版本：',
    unsubscribe: '不想再收到此类邮件？退订：',
    manage: '更改主题、关注的文章、频率或语言：',
    whyEmail: '您收到此邮件，是因为您订阅了该主题的更正通知。',
    replyPublishedSubject: '您报告的问题已处理',
    replyPublished: (label: string) => `感谢您的报告。经核实，我们已发布${label}：`,
    replyClosedSubject: '您报告的问题已审核完毕',
    replyAmendedSubject: '您报告的问题的更正已更新',
    replyAmended: (label: string, version: number) =>
      `感谢您的报告。针对您报告的问题，我们更新了${label}（第${version}版）：`,
    confirmSubject: '请确认订阅更正通知',
    confirm: '请打开以下链接并按下“确认订阅”按钮，确认订阅以下内容的更正通知：',
    topicsLine: (topics: string) => `主题：${topics}`,
    followsLine: (pages: string) => `关注的文章：${pages}`,
    frequencyLine: { immediate: '每次发布即通知', daily: '每日汇总一次', weekly: '每周汇总一次' },
    listSeparator: '、',
    confirmIgnore: '如非本人操作，请忽略此邮件，我们不会再发送。',
    allTopics: '全部主题',
    digestSubject: (period: string, n: number) => `${period}：${n}则更正与澄清`,
    digestIntro: (period: string, n: number) => `${period}，您订阅的内容有${n}则更正与澄清：`,
    digestMore: (n: number) => `另有${n}则，见完整列表：`,
    digestList: '完整列表：',
    whyDigest: (frequency: 'daily' | 'weekly') =>
      `您收到此邮件，是因为您订阅了更正通知的${frequency === 'daily' ? '每日' : '每周'}汇总。`,
  },
  en: {
    readMore: 'Read it in full, with every version: ',
    unsubscribe: 'No longer want these emails? Unsubscribe: ',
    manage: 'Change topics, articles followed, frequency or language: ',
    whyEmail: 'You receive this because you subscribed to corrections on this topic.',
    replyPublishedSubject: 'The error you reported has been dealt with',
    replyPublished: (label: string) =>
      `Thank you for your report. We checked it and published a ${label.toLowerCase()}: `,
    replyClosedSubject: 'We have reviewed your report',
    replyAmendedSubject: 'The correction to the error you reported has been updated',
    replyAmended: (label: string, version: number) =>
      `Thank you for your report. We have updated the ${label.toLowerCase()} we published after it (version ${version}): `,
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
    allTopics: 'all topics',
    digestSubject: (period: string, n: number) =>
      `${period}: ${n} ${n === 1 ? 'correction' : 'corrections and clarifications'}`,
    digestIntro: (period: string, n: number) =>
      `${period}: ${n} ${n === 1 ? 'correction' : 'corrections and clarifications'} on what you follow.`,
    digestMore: (n: number) => `${n} more, in the full list: `,
    digestList: 'The full list: ',
    whyDigest: (frequency: 'daily' | 'weekly') =>
      `You receive this because you subscribed to a ${frequency === 'daily' ? 'daily' : 'weekly'} summary of corrections.`,
  },
} as const;

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
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

export interface DigestLinks {
  /** The public list of the period's corrections. */
  period: string;
  unsubscribe: string;
  manage: string;
}

/**
 * A daily or weekly subscriber's one email for a period: how many corrections reach them, each
 * with its label, headline and permalink, then the period's full list.
 */
export function digestEmail(
  frequency: 'daily' | 'weekly',
  firstDay: string,
  items: DigestItem[],
  total: number,
  language: Language,
  links: DigestLinks,
): RenderedEmail {
  const w = phrases[language];
  const period = digestPeriod(frequency, firstDay, language);
  const listed = items.slice(0, digestItemsListed);
  const more = total - listed.length;
  const line = (item: DigestItem) => `[${correctionLabel(item.wording, language)}] ${item.wording.headline}`;
  const rest = more > 0 ? w.digestMore(more) : w.digestList;
  return emailFrame(
    language,
    w.digestSubject(period, total),
    [
      w.digestIntro(period, total),
      ...listed.map((item) => `${line(item)}\n${item.permalink}`),
      `${rest}${links.period}`,
      `${w.whyDigest(frequency)}\n${w.manage}${links.manage}\n${w.unsubscribe}${links.unsubscribe}`,
    ],
    [
      `<p>${markup(w.digestIntro(period, total))}</p>`,
      `<ul>${listed.map((item) => `<li><a href="${markup(item.permalink)}">${markup(line(item))}</a></li>`).join('')}</ul>`,
      `<p>${markup(rest)}<a href="${markup(links.period)}">${markup(links.period)}</a></p>`,
      `<hr><p><small>${markup(w.whyDigest(frequency))} <a href="${markup(links.manage)}">${markup(w.manage)}</a> <a href="${markup(links.unsubscribe)}">${markup(w.unsubscribe)}</a></small></p>`,
    ],
  );
}

export function replyEmail(outcome: Outcome, language: Language): RenderedEmail {
  const w = phrases[language];
  if (outcome.kind === 'closed') {
    const text = replyClosed[language];
    return emailFrame(language, w.replyClosedSubject, [text], [`<p>${markup(text)}</p>`]);
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
