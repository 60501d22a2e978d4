/**
 * What the editors' own emails say (urgent-case alerts and the daily digest), in the desk's
 * configured language, with every time in the desk's time zone, named.
 */
import type { Case, CaseSource, CaseStatus, Language, Severity } from '../domain/case.ts';
import { shorten } from './text.ts';

const words = {
  'zh-CN': {
    severities: { low: '低', normal: '一般', high: '高', critical: '紧急' } satisfies Record<
      Severity,
      string
    >,
    statuses: {
      received: '已收到',
      in_review: '审核中',
      drafting: '起草中',
      awaiting_approval: '待批准',
      approved: '已批准',
      published: '已发布',
      closed: '已关闭',
    } satisfies Record<CaseStatus, string>,
    sources: {
      public: '公众报告',
      monitoring: '监测发现',
      staff: '内部发现',
      amendment: '修订',
    } satisfies Record<CaseSource, string>,
    alert: (c: Case, due: string, severity: string) =>
      `案件 ${c.id} 为${severity}级（${c.reportCount} 次报告），审核期限：${due}。`,
    facts: (topic: string, status: string, source: string) =>
      `主题：${topic} · 状态：${status} · 来源：${source}`,
    page: '涉及页面：',
    open: '在工作台中打开：',
    digestTitle: (at: string) => `每日简报 — ${at}`,
    openCases: (n: number) => `在办案件：${n}`,
    newSince: (n: number) => `过去24小时新开：${n}`,
    publishedSince: (n: number) => `过去24小时发布：${n}`,
    logHead: (seq: number, hash: string) => `公开日志最新记录：第 ${seq} 条，哈希 ${hash}`,
    overdue: (n: number) => `逾期：${n}`,
    due: '期限',
    digestSubject: (open: number, overdue: number, published: number) =>
      `每日简报：在办 ${open}，逾期 ${overdue}，发布 ${published}`,
  },
  en: {
    severities: { low: 'low', normal: 'normal', high: 'high', critical: 'critical' } satisfies Record<
      Severity,
      string
    >,
    statuses: {
      received: 'received',
      in_review: 'in review',
      drafting: 'drafting',
      awaiting_approval: 'awaiting approval',
      approved: 'approved',
      published: 'published',
      closed: 'closed',
    } satisfies Record<CaseStatus, string>,
    sources: {
      public: 'public report',
      monitoring: 'monitoring',
      staff: 'staff',
      amendment: 'amendment',
    } satisfies Record<CaseSource, string>,
    alert: (c: Case, due: string, severity: string) =>
      `Case ${c.id} is ${severity} (${c.reportCount} report(s)); review is due by ${due}.`,
    facts: (topic: string, status: string, source: string) =>
      `Topic: ${topic} · Status: ${status} · Source: ${source}`,
    page: 'Page: ',
    open: 'Open it in the console: ',
    digestTitle: (at: string) => `Daily digest — ${at}`,
    openCases: (n: number) => `Open cases: ${n}`,
    newSince: (n: number) => `Opened in the last 24 h: ${n}`,
    publishedSince: (n: number) => `Published in the last 24 h: ${n}`,
    logHead: (seq: number, hash: string) => `Public log head: entry ${seq}, hash ${hash}`,
    overdue: (n: number) => `Overdue: ${n}`,
    due: 'due',
    digestSubject: (open: number, overdue: number, published: number) =>
      `Daily digest: ${open} open, ${overdue} overdue, ${published} published`,
  },
} as const;

export interface EditorMessageSettings {
  language: Language;
  timeZone: string;
  consoleUrl: string;
}

/** A time as the editors read it: their language, the desk's zone, the zone named. */
export function editorTime(
  iso: string,
  settings: Pick<EditorMessageSettings, 'language' | 'timeZone'>,
): string {
  return new Intl.DateTimeFormat(settings.language, {
    timeZone: settings.timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
  })
    .format(new Date(iso))
    .concat(` (${settings.timeZone})`);
}

export const caseLink = (consoleUrl: string, id: string) => `${consoleUrl}#/cases/${encodeURIComponent(id)}`;

export function urgentCaseAlert(c: Case, topicName: string, settings: EditorMessageSettings) {
  const w = words[settings.language];
  const severity = w.severities[c.severity];
  return {
    subject: `[${severity}] ${topicName}: ${shorten(c.text, 60)}`,
    text: [
      w.alert(c, editorTime(c.dueAt, settings), severity),
      w.facts(topicName, w.statuses[c.status], w.sources[c.source]),
      ...(c.url ? [`${w.page}${c.url}`] : []),
      '',
      shorten(c.text, 1000),
      '',
      `${w.open}${caseLink(settings.consoleUrl, c.id)}`,
    ].join('\n'),
  };
}

export interface DigestFigures {
  generatedAt: string;
  counts: Partial<Record<CaseStatus, number>>;
  overdue: Case[];
  newSince: number;
  publishedSince: number;
  logHead: { seq: number; hash: string };
}

export function digestEmail(
  digest: DigestFigures,
  statuses: ReadonlyArray<CaseStatus>,
  settings: EditorMessageSettings,
) {
  const w = words[settings.language];
  const open = Object.values(digest.counts).reduce((sum, count) => sum + (count ?? 0), 0);
  return {
    subject: w.digestSubject(open, digest.overdue.length, digest.publishedSince),
    text: [
      w.digestTitle(editorTime(digest.generatedAt, settings)),
      '',
      w.openCases(open),
      ...statuses.map((status) => `  ${w.statuses[status]}: ${digest.counts[status] ?? 0}`),
      w.newSince(digest.newSince),
      w.publishedSince(digest.publishedSince),
      w.logHead(digest.logHead.seq, digest.logHead.hash),
      '',
      w.overdue(digest.overdue.length),
      ...digest.overdue.map(
        (c) =>
          `  [${w.severities[c.severity]}] ${c.id} · ${w.statuses[c.status]} · ${w.due} ${editorTime(c.dueAt, settings)} · ${c.topic} · ${caseLink(settings.consoleUrl, c.id)}`,
      ),
    ].join('\n'),
  };
}
