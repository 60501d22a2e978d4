/**
 * Whether every correction SMS fits one segment: a corpus of drafts in Chinese, English and both,
 * long headlines included, rendered by the sender's own renderer with a deployed-length permalink.
 */
import type { CorrectionType, Language } from '../shared/domain/case.ts';
import { correctionIdLength } from '../shared/domain/correction.ts';
import { smsSegments } from '../shared/domain/sms.ts';
import { correctionSms } from '../shared/presentation/sms-messages.ts';

const chinese = [
  '关于仓库火灾受伤人数的更正',
  '更正：昨日通报中的救援时间应为14时30分',
  '关于某区自来水停水范围的澄清说明',
  '撤回：此前发布的道路封闭通知有误',
  '关于2026年第三季度消防检查结果通报中合格单位数量、检查覆盖范围以及整改期限等多处数字错误的更正说明',
  '更正：通报中“三人受伤”应为“一人受伤”，另有两人经检查后已离院',
  '关于市急救中心电话号码（12０）的更正',
  '澄清：高温预警并非停课通知，各校按原计划上课，请家长留意学校的正式通知',
  '更正：地铁2号线延长线开通日期为12月28日，而非12月18日',
  '关于本局官方网站发布的招聘公告中报名截止时间、笔试地点和资格条件的更正',
  '更正：火灾发生地点为东城区和平路88号，不是86号',
  '撤回：关于“某小区燃气爆炸”的消息系误报',
  '澄清：本次演练为消防安全演练，市民无需惊慌',
  '关于十一月份空气质量月报中PM2.5平均浓度数值的更正',
  '更正：事故造成交通中断约两小时，而非六小时',
  '关于《冬季防火十条》宣传材料中第七条表述不当的更正与致歉',
  '更正',
];
const english = [
  'Correction: two people were injured, not three',
  'Clarification on the water outage area in the northern district',
  'Retraction of the road closure notice published on Monday',
  'Correction: the fire station open day is on 6 December, not 16 December, and it starts at 10:00 instead of 09:00 as we wrote',
  'Correction to the emergency number printed in our winter safety leaflet',
  "Clarification: the heat warning did not close schools; classes continue as planned and parents should follow their school's own notices",
  'Correction: the inspection report counted 412 premises, not 421',
  'Correction: "{brackets}", [square] ~tilde~ and the € sign in a headline',
  'Retraction: the report of a gas explosion was wrong',
  'Correction to the deadline for the recruitment notice on our website',
  'Clarification: this was a drill; there was no fire',
  'Correction: the road reopened after two hours, not six hours, and the diversion via Ring Road has ended',
  'Correction',
  'Correction to the October air quality report: average PM2.5 was 38 µg/m³',
  'Clarification on which buildings must install smoke alarms by next year under the revised local fire safety regulations',
  "Correction: the minister's visit is on Thursday",
  'Correction of a misspelt name in our report on the rescue',
];
const mixed = [
  '更正：Line 2 extension 开通日期为12月28日',
  'Correction 更正：受伤人数为1人 (one person injured)',
  '关于 City Hall Open Day 日期的澄清',
  '更正：PM2.5 月均浓度为38微克/立方米，not 83',
  'Clarification 澄清：drill 演练，无需惊慌',
  '关于 Fire Safety Week 2026 活动安排中 venue 场地和 time 时间的更正',
  '更正：hotline 热线电话为 12345',
  '撤回 Retraction：gas explosion 燃气爆炸系误报',
  'Correction：第三季度 inspection 检查结果',
  '澄清：the notice applies to 东城区 only',
  '更正：Metro 地铁 2 号线 extension 延长线的 opening date 开通日期为 12 月 28 日而非 12 月 18 日，特此更正并致歉',
  '关于 WeChat 公众号推送中 QR code 二维码链接错误的更正',
  'Correction 更正',
  '澄清：“Code Red”红色预警并非停课通知',
  '更正：The correct figure is 一人受伤',
  'Retraction 撤回：road closure 道路封闭通知',
  '更正：第12届 Marathon 马拉松 route 路线调整',
];

const types: CorrectionType[] = ['correction', 'clarification', 'retraction'];
/** A deployed desk's public address: the deploy guide asks for a short one, as SMS links need. */
const permalink = `https://jz.example.gov.cn/c/${'x'.repeat(correctionIdLength)}`;

export interface SmsFigures {
  corpus: number;
  oneSegment: number;
}

export function measureSms(): SmsFigures {
  const drafts: Array<{ headline: string; language: Language }> = [
    ...chinese.map((headline) => ({ headline, language: 'zh-CN' as const })),
    ...english.map((headline) => ({ headline, language: 'en' as const })),
    ...mixed.map((headline, i) => ({ headline, language: i % 2 ? ('en' as const) : ('zh-CN' as const) })),
  ];
  let corpus = 0;
  let oneSegment = 0;
  for (const [i, draft] of drafts.entries()) {
    // Each draft as a first version and as an amendment, whose label is longer.
    for (const version of [1, 2]) {
      const sms = correctionSms(
        { type: types[i % types.length] ?? 'correction', headline: draft.headline, body: '', version },
        draft.language,
        permalink,
      );
      corpus += 1;
      if (smsSegments(sms) === 1) oneSegment += 1;
    }
  }
  return { corpus, oneSegment };
}
