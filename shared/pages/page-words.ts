/**
 * What the pages people fill in say, per language: navigation, the subscribe, report, tracking,
 * confirmation and manage pages, and a message for each field a form can get wrong. Field messages
 * are the pages' own (in the reader's language); the JSON API keeps the contract's English details.
 */
import type { Language } from '../domain/case.ts';
import type { PublicStatus } from '../domain/submission.ts';
import type { Frequency } from '../domain/subscription.ts';

export const navigationWords = {
  'zh-CN': { label: '站点导航', subscribe: '订阅更正', report: '报告错误' },
  en: { label: 'Site', subscribe: 'Subscribe', report: 'Report an error' },
} as const satisfies Record<Language, unknown>;

/** The permalink's ways onward: hear of further corrections, or report another error. */
export const permalinkWords = {
  'zh-CN': {
    followPage: '订阅此文章的更正',
    followTopic: '订阅此主题的更正',
    reportHere: '报告此文章中的错误',
  },
  en: {
    followPage: 'Hear of further corrections to this article',
    followTopic: 'Subscribe to this topic',
    reportHere: 'Report an error in this article',
  },
} as const satisfies Record<Language, unknown>;

export const frequencyWords: Record<Language, Record<Frequency, string>> = {
  'zh-CN': { immediate: '每次发布即通知', daily: '每日汇总一次', weekly: '每周汇总一次' },
  en: { immediate: 'As soon as each is published', daily: 'One summary a day', weekly: 'One summary a week' },
};

export const languageNames: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

export const formWords = {
  'zh-CN': {
    send: '提交',
    fixBelow: (count: number) => `有 ${count} 处需要修改，请查看下方标出的字段。`,
    tooMany: '请求过于频繁，请稍后再试。',
    expiredForm: '此表单已过期或不完整，请检查后再次提交。',
    unavailable: '暂时无法发送确认信息，请一分钟后再提交一次。',
    smsOnlyIn: (places: string) => `短信只发送至以下国家或地区的手机号码：${places}。请改用电子邮件订阅。`,
    suppressed: '本服务台不再向此地址发送任何消息（曾退信、退订或要求删除其数据），因此无法订阅。',
    optional: '（选填）',
  },
  en: {
    send: 'Send',
    fixBelow: (count: number) =>
      `${count} ${count === 1 ? 'field needs' : 'fields need'} changing: see the messages below.`,
    tooMany: 'Too many requests just now; please try again in a little while.',
    expiredForm: 'This form has expired or is incomplete; please check it and send it again.',
    unavailable: 'The confirmation could not be sent just now; please send the form again in a minute.',
    smsOnlyIn: (places: string) =>
      `We send SMS only to mobile numbers in ${places}. Subscribe by email instead.`,
    suppressed:
      'The desk sends nothing more to this address (it bounced, opted out or asked for its data to be erased), so it cannot subscribe.',
    optional: ' (optional)',
  },
} as const satisfies Record<Language, unknown>;

export const subscribeWords = {
  'zh-CN': {
    title: '订阅更正通知',
    intro: '我们发布或更新更正时，通过电子邮件或短信告诉您。订阅需要确认；每条通知都附有退订和管理链接。',
    channel: '接收方式',
    email: '电子邮件',
    sms: '短信',
    address: '电子邮件地址或手机号码',
    addressHint: '手机号码请带国家代码，例如 +8613800138000。',
    topics: '主题',
    topicsHint: '选择您关心的主题；也可以只关注某一篇文章。',
    everyTopic: '全部主题',
    follows: '关注的文章（网址）',
    followsHint: '该文章发布更正时通知您，无论它属于哪个主题。',
    frequency: '通知频率',
    language: '通知语言',
    submit: '订阅',
    feeds: '也可以用阅读器订阅：',
    sentTitle: '请查收确认邮件',
    sent: '我们已向您填写的地址发送了一封确认邮件。请打开邮件中的链接并按下确认按钮，订阅才会生效。',
    sentLater: '没有收到？请检查垃圾邮件，或稍后重新提交订阅。',
    codeTitle: '输入短信验证码',
    codeIntro: '我们已向您的手机发送了 6 位验证码，15 分钟内有效。输入验证码即可完成订阅。',
    code: '验证码',
    confirm: '确认订阅',
  },
  en: {
    title: 'Subscribe to corrections',
    intro:
      'We tell you by email or SMS when we publish or update a correction. You confirm the subscription first; every message has links to unsubscribe and to manage it.',
    channel: 'How to reach you',
    email: 'Email',
    sms: 'SMS',
    address: 'Email address or mobile number',
    addressHint: 'Give a mobile number with its country code, e.g. +8613800138000.',
    topics: 'Topics',
    topicsHint: 'Choose the topics you care about, or only follow one article.',
    everyTopic: 'All topics',
    follows: 'Article to follow (its address)',
    followsHint: 'You hear about corrections to this article, whatever its topic.',
    frequency: 'How often',
    language: 'Language of the messages',
    submit: 'Subscribe',
    feeds: 'Or follow in a feed reader: ',
    sentTitle: 'Check your inbox',
    sent: 'We have sent an email to the address you gave. Open the link in it and press the button to confirm; until then nothing else is sent.',
    sentLater: 'Nothing there? Look in your spam folder, or send the form again later.',
    codeTitle: 'Enter the code from the SMS',
    codeIntro:
      'We have sent a 6-digit code to your phone; it works for 15 minutes. Enter it here to confirm your subscription.',
    code: 'Code',
    confirm: 'Confirm',
  },
} as const satisfies Record<Language, unknown>;

export const reportWords = {
  'zh-CN': {
    title: '报告错误',
    intro: '发现我们发布的内容有误或不清楚？告诉我们，我们会核实并公开更正。',
    url: '有问题的网页地址',
    urlHint: '例如文章的链接。',
    text: '哪里有误或不清楚？',
    textHint: '请尽量具体：哪句话、正确的内容是什么。',
    topic: '主题',
    unknownTopic: '不确定',
    evidence: '佐证链接',
    evidenceHint: '每行一个网址，最多 10 个。',
    language: '您希望我们用哪种语言回复？',
    contact: '联系方式',
    contactHint: '仅用于告诉您处理结果，不会公开。',
    email: '电子邮件',
    phone: '手机号码',
    submit: '提交报告',
    trackingTitle: '您的报告',
    bookmark: '请收藏本页：通过它可以随时查看处理进度。此链接只有您知道，请勿分享。',
    status: '进度',
    updated: '最近更新',
    correction: '已发布的更正：',
    statuses: {
      received: '已收到，等待审核',
      in_review: '正在审核',
      corrected: '已更正',
      clarified: '已澄清',
      closed: '已审核完毕，无需更正',
    } satisfies Record<PublicStatus, string>,
  },
  en: {
    title: 'Report an error',
    intro:
      'Found something wrong or unclear in what we published? Tell us: we check it and correct it in public.',
    url: 'Address of the page',
    urlHint: 'For example, the link to the article.',
    text: 'What is wrong or unclear?',
    textHint: 'Be as precise as you can: which sentence, and what is right.',
    topic: 'Topic',
    unknownTopic: 'Not sure',
    evidence: 'Links that show it',
    evidenceHint: 'One address a line, at most 10.',
    language: 'Which language should we reply in?',
    contact: 'How to reach you',
    contactHint: 'Only to tell you the outcome; never made public.',
    email: 'Email',
    phone: 'Mobile number',
    submit: 'Send the report',
    trackingTitle: 'Your report',
    bookmark:
      'Bookmark this page: it shows how your report is going at any time. Only you have this link; do not share it.',
    status: 'Status',
    updated: 'Last change',
    correction: 'The published correction: ',
    statuses: {
      received: 'Received, waiting for review',
      in_review: 'Being reviewed',
      corrected: 'Corrected',
      clarified: 'Clarified',
      closed: 'Reviewed: no correction needed',
    } satisfies Record<PublicStatus, string>,
  },
} as const satisfies Record<Language, unknown>;

export const manageWords = {
  'zh-CN': {
    title: '管理订阅',
    intro: '修改您接收的内容、频率和语言。保存后立即生效。',
    address: '订阅地址：',
    saved: '已保存。',
    confirmed: '订阅已确认。',
    submit: '保存',
    unsubscribe: '不想再收到？退订',
    notActive: '此订阅尚未确认或已退订，无法修改。',
    subscribeAgain: '重新订阅',
    follows: '关注的文章（网址）',
    followsHint: '每行一个网址，最多 20 个。',
  },
  en: {
    title: 'Manage your subscription',
    intro: 'Change what you receive, how often and in which language. Changes apply as soon as you save.',
    address: 'Address: ',
    saved: 'Saved.',
    confirmed: 'Your subscription is confirmed.',
    submit: 'Save',
    unsubscribe: 'No longer want these? Unsubscribe',
    notActive: 'This subscription is not confirmed or has been unsubscribed, so it cannot be changed.',
    subscribeAgain: 'Subscribe again',
    follows: 'Articles you follow (their addresses)',
    followsHint: 'One address a line, at most 20.',
  },
} as const satisfies Record<Language, unknown>;

/** Field names as the forms post them. */
export type FormField =
  | 'channel'
  | 'address'
  | 'topics'
  | 'follows'
  | 'frequency'
  | 'language'
  | 'url'
  | 'text'
  | 'topic'
  | 'evidence'
  | 'email'
  | 'phone'
  | 'code';

/** One message per field that can be wrong, whatever the validator's detail was. */
export const fieldMessages: Record<Language, Record<FormField, string>> = {
  'zh-CN': {
    channel: '请选择电子邮件或短信。',
    address: '请填写有效的电子邮件地址，或带国家代码的手机号码（如 +8613800138000）。',
    topics: '请至少选择一个主题，或填写一篇要关注的文章。',
    follows: '请填写以 http:// 或 https:// 开头的网址，最多 20 个。',
    frequency: '请选择通知频率。',
    language: '请选择语言。',
    url: '请填写以 http:// 或 https:// 开头的网址。',
    text: '请描述问题（不超过 5000 字）。',
    topic: '请选择列表中的主题。',
    evidence: '每行一个以 http:// 或 https:// 开头的网址，最多 10 个。',
    email: '请填写有效的电子邮件地址。',
    phone: '请填写带国家代码的有效手机号码，例如 +8613800138000。',
    code: '请输入短信中的 6 位数字验证码。',
  },
  en: {
    channel: 'Choose email or SMS.',
    address: 'Give a valid email address, or a mobile number with its country code (e.g. +8613800138000).',
    topics: 'Choose at least one topic, or give an article to follow.',
    follows: 'Give addresses starting with http:// or https://, at most 20.',
    frequency: 'Choose how often.',
    language: 'Choose a language.',
    url: 'Give an address starting with http:// or https://.',
    text: 'Describe the problem (at most 5,000 characters).',
    topic: 'Choose a topic from the list.',
    evidence: 'One address a line starting with http:// or https://, at most 10.',
    email: 'Give a valid email address.',
    phone: 'Give a valid mobile number with its country code, e.g. +8613800138000.',
    code: 'Enter the 6-digit code from the SMS.',
  },
};

/** Why an SMS code was refused, in the reader's language. */
export const codeRefusals = {
  'zh-CN': {
    wrong: (left: number) =>
      left > 0 ? `验证码不正确，还可以再试 ${left} 次。` : '验证码不正确，次数已用完。',
    locked: '错误次数过多，此订阅已锁定。请重新提交订阅以获取新的验证码。',
    expired: '验证码已过期。请重新提交订阅以获取新的验证码。',
    none: '此订阅没有待确认的验证码。请重新提交订阅。',
  },
  en: {
    wrong: (left: number) =>
      left > 0
        ? `The code is wrong; ${left} ${left === 1 ? 'try' : 'tries'} left.`
        : 'The code is wrong, and no tries are left.',
    locked: 'Too many wrong codes: this subscription is locked. Subscribe again to get a new code.',
    expired: 'The code has expired. Subscribe again to get a new one.',
    none: 'There is no code to confirm for this subscription. Subscribe again to get one.',
  },
} as const satisfies Record<Language, unknown>;
