/** The demo catalogue: a city fire and rescue bureau's topics, each owned by a desk. */
import type { Topic } from '../shared/domain/topic.ts';

export const demoTopics: Topic[] = [
  {
    key: 'fire-prevention',
    names: { 'zh-CN': '防火监督与执法', en: 'Fire prevention and law enforcement' },
    desk: 'fire-prevention-division',
    defaultSeverity: 'normal',
  },
  {
    key: 'firefighting-rescue',
    names: { 'zh-CN': '灭火与应急救援', en: 'Firefighting and rescue' },
    desk: 'command-centre',
    defaultSeverity: 'high',
  },
  {
    key: 'personnel',
    names: { 'zh-CN': '队伍建设与人事管理', en: 'Personnel and team management' },
    desk: 'personnel-office',
    defaultSeverity: 'normal',
  },
  {
    key: 'assets-finance',
    names: { 'zh-CN': '装备与财务', en: 'Assets and finance' },
    desk: 'logistics-and-finance',
    defaultSeverity: 'normal',
  },
  {
    key: 'public-information',
    names: { 'zh-CN': '新闻宣传与政务公开', en: 'Public information' },
    desk: 'press-office',
    defaultSeverity: 'normal',
  },
];
