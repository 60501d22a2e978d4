/** The catalogue the tests name, independent of the demo data (which may change for the demo's sake). */
import type { Topic } from '../../shared/domain/topic.ts';

export const testTopics: Topic[] = [
  {
    key: 'public-information',
    names: { 'zh-CN': '新闻宣传与政务公开', en: 'Public information' },
    desk: 'press-office',
    defaultSeverity: 'normal',
  },
  {
    key: 'firefighting-rescue',
    names: { 'zh-CN': '灭火与救援', en: 'Firefighting and rescue' },
    desk: 'operations-desk',
    defaultSeverity: 'high',
  },
];
