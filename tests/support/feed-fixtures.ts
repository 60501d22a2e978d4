/** The corrections the feed and page renderers are tested with: one amended, one hostile, one plain. */
import type { FeedContext } from '../../shared/feeds/feed-entry.ts';
import { published, site, topics } from './corrections.ts';

export const now = '2026-11-26T00:00:00.000Z';

export const context: FeedContext = { site, topics, language: 'zh-CN', now };

/** Private wording that must never reach a public page or feed. */
export const smsOnly = 'SMS-ONLY-WORDING';

export const amended = published('fz3k9q2m7a', [
  {
    headline: '关于伤亡人数的更正',
    body: '受伤人数为1人，不是3人。\n\n特此更正。',
    smsText: smsOnly,
    affectedUrl: 'https://example.org/news?id=1&lang=zh',
    at: '2026-11-20T08:00:00.000Z',
  },
  {
    headline: '关于伤亡人数的更正（更新）',
    body: '受伤人数为1人，已出院。',
    note: '补充说明受伤人员已出院',
    at: '2026-11-22T09:30:00.000Z',
  },
]);

export const hostileHeadline = `</title><script>alert("x")</script> & ]]> 'q' \u0000\u0001\u000B\uFFFE\uD800end`;
export const hostileBody = '<b>bold</b> & "quotes"\n\n]]> <![CDATA[ x ]]> \u0007<!-- c -->';

export const hostile = published(
  'h0st1le',
  [{ type: 'clarification', headline: hostileHeadline, body: hostileBody, at: '2026-11-21T10:00:00.000Z' }],
  { language: 'en', topic: 'public-information' },
);

export const plain = published('p1a1n', [
  {
    type: 'retraction',
    headline: '撤回一则报道',
    body: '该报道有误，现予撤回。',
    at: '2026-11-19T01:00:00.000Z',
  },
]);

/** As the store's latest() orders them: most recently published or amended first. */
export const newest = [amended, hostile, plain];

/** What XML and HTML show of the hostile text: the forbidden characters gone, nothing else changed. */
export const hostileHeadlineShown = `</title><script>alert("x")</script> & ]]> 'q' end`;
