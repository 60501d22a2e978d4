import { describe, expect, it } from 'vitest';
import { confirmationEmail } from './email-messages.ts';

const link = 'https://corrections.example.org/subscriptions/abc/confirm?token=t';

describe('the confirmation email', () => {
  it('names only the pages followed when the request follows pages alone, never every topic', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const email = confirmationEmail(
        { topicNames: [], everyTopic: false, follows: ['https://news.example.org/a'], frequency: 'daily' },
        language,
        link,
      );
      expect(email.text).toContain('https://news.example.org/a');
      expect(email.text).not.toMatch(/all topics|全部主题/);
      expect(email.text).toContain(language === 'en' ? 'One summary a day' : '每日汇总一次');
      expect(email.html).toContain(link);
    }
  });

  it('names the topics, or every topic, and the pages beside them', () => {
    const named = confirmationEmail(
      { topicNames: ['消防', '人事'], everyTopic: false, follows: [], frequency: 'immediate' },
      'zh-CN',
      link,
    );
    expect(named.text).toContain('主题：消防、人事');
    expect(named.text).not.toContain('关注的文章');
    const every = confirmationEmail(
      { topicNames: [], everyTopic: true, follows: ['https://news.example.org/b'], frequency: 'weekly' },
      'en',
      link,
    );
    expect(every.text).toContain('Topics: all topics');
    expect(every.text).toContain('Articles followed: https://news.example.org/b');
    expect(every.text).toContain('One summary a week');
  });
});
