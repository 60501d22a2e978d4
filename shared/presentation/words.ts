/**
 * What the public pages and feeds say, per language, and how a correction is labelled in them. The
 * type labels are the messages' (更正 / 澄清 / 撤回); an amended correction says so in its label.
 */
import { type CorrectionType, type Language, languages } from '../domain/case.ts';
import type { Topic } from '../domain/topic.ts';

export const typeLabels: Record<Language, Record<CorrectionType, string>> = {
  'zh-CN': { correction: '更正', clarification: '澄清', retraction: '撤回' },
  en: { correction: 'Correction', clarification: 'Clarification', retraction: 'Retraction' },
};

/** What an amended correction's label adds (kept apart from the page words, which messages do not need). */
const updatedLabel: Record<Language, string> = { 'zh-CN': '更新', en: 'updated' };

export const publicWords = {
  'zh-CN': {
    siteTitle: '更正与澄清',
    siteDescription: '我们发布的每一则更正、澄清与撤回，及其历次更新。',
    allTopics: '全部主题',
    topics: '主题',
    newerFirst: '最新的更正在前。',
    none: '暂无已发布的更正。',
    more: '更早的更正',
    published: '首次发布',
    lastUpdated: '最近更新',
    version: (n: number) => `第${n}版`,
    note: '更新说明：',
    affected: '涉及内容：',
    permalink: '永久链接',
    readMore: '查看全文及历次版本',
    history: '版本记录',
    historyIntro: '已发布的每一个版本，按时间先后排列；发布后的内容不会被改写或删除。',
    current: '（当前版本）',
    feeds: '订阅源：',
    transparency: '更正用时',
    publicLog: '公开日志',
    backHome: '返回更正列表',
    notFound: '找不到该页面',
    notFoundText: '此地址没有对应的更正，请检查链接是否完整。',
    badRequest: '无法显示该页面',
    badRequestText: '链接中的参数无效，请从更正列表重新打开。',
    switchTo: { language: 'en', label: 'English' },
  },
  en: {
    siteTitle: 'Corrections and clarifications',
    siteDescription: 'Every correction, clarification and retraction we have published, with each update.',
    allTopics: 'All topics',
    topics: 'Topics',
    newerFirst: 'Newest first.',
    none: 'No corrections have been published yet.',
    more: 'Older corrections',
    published: 'First published',
    lastUpdated: 'Last updated',
    version: (n: number) => `Version ${n}`,
    note: 'What changed: ',
    affected: 'Concerns: ',
    permalink: 'Permalink',
    readMore: 'Read it in full, with every version',
    history: 'Version history',
    historyIntro: 'Every published version, oldest first; nothing published is ever rewritten or removed.',
    current: ' (current version)',
    feeds: 'Feeds:',
    transparency: 'How fast we correct',
    publicLog: 'Public log',
    backHome: 'Back to all corrections',
    notFound: 'Page not found',
    notFoundText: 'There is no correction at this address. Please check that the link is complete.',
    badRequest: 'This page cannot be shown',
    badRequestText: 'The link has an invalid parameter. Please open it again from the list of corrections.',
    switchTo: { language: 'zh-CN', label: '中文' },
  },
} as const satisfies Record<Language, unknown>;

/** "更正", or "更正 · 更新" once a correction has been amended. */
export function correctionLabel(
  correction: { type: CorrectionType; version: number },
  language: Language,
): string {
  const base = typeLabels[language][correction.type];
  return correction.version > 1 ? `${base} · ${updatedLabel[language]}` : base;
}

/** A headline with its label, as a feed reader lists it: "【更正 · 更新】…" or "Correction · updated: …". */
export function labelledHeadline(
  correction: { type: CorrectionType; version: number; headline: string },
  language: Language,
): string {
  const label = correctionLabel(correction, language);
  return language === 'zh-CN' ? `【${label}】${correction.headline}` : `${label}: ${correction.headline}`;
}

/** The topic's display name in the language, else in Chinese, else its key. */
export function topicName(topics: ReadonlyArray<Topic>, key: string, language: Language): string {
  const names = topics.find((topic) => topic.key === key)?.names;
  return names?.[language] ?? names?.['zh-CN'] ?? key;
}

export const isLanguage = (value: string | undefined): value is Language =>
  languages.includes(value as Language);
