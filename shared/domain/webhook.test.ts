import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Correction } from './correction.ts';
import { correctionAsOf, retryDelaySeconds, webhookEventBody, webhookSignature } from './webhook.ts';

const correction: Correction = {
  id: 'c1',
  version: 2,
  type: 'clarification',
  topic: 'personnel',
  headline: '第二版',
  body: '第二版正文',
  language: 'zh-CN',
  publishedAt: '2026-11-01T08:00:00.000Z',
  updatedAt: '2026-11-02T08:00:00.000Z',
  versions: [
    {
      version: 1,
      type: 'correction',
      headline: '第一版',
      body: '第一版正文',
      publishedAt: '2026-11-01T08:00:00.000Z',
      smsText: '短信',
    },
    {
      version: 2,
      type: 'clarification',
      headline: '第二版',
      body: '第二版正文',
      publishedAt: '2026-11-02T08:00:00.000Z',
      note: '补充',
    },
  ],
  caseIds: ['case-a', 'case-b'],
};

describe('webhook events', () => {
  it('carry the correction as it stood at their version, without the desk’s internals', () => {
    const first = correctionAsOf(correction, 1);
    expect(first).toMatchObject({
      version: 1,
      type: 'correction',
      headline: '第一版',
      updatedAt: '2026-11-01T08:00:00.000Z',
    });
    expect(first.versions).toHaveLength(1);
    expect(JSON.stringify(first)).not.toMatch(/caseIds|smsText|短信/);
    const body = JSON.parse(webhookEventBody(correction, 2));
    expect(body).toMatchObject({
      id: 'evt_c1_2',
      type: 'correction.published',
      createdAt: '2026-11-02T08:00:00.000Z',
    });
    expect(body.data.versions).toHaveLength(2);
  });

  it('are signed t=<seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">', () => {
    const body = webhookEventBody(correction, 1);
    const expected = createHmac('sha256', 'whsec_x').update(`1700000000.${body}`).digest('hex');
    expect(webhookSignature('whsec_x', 1700000000, body)).toBe(`t=1700000000,v1=${expected}`);
  });
});

describe('retry delays', () => {
  const deployed = { baseSeconds: 30, maxDelaySeconds: 12 * 3600, windowSeconds: 25 * 3600 };

  it('double from the base, never exceed 12 h, and keep at least half their value under jitter', () => {
    expect(retryDelaySeconds(1, deployed, () => 0)).toBe(15);
    expect(retryDelaySeconds(1, deployed, () => 0.999999)).toBe(30);
    expect(retryDelaySeconds(3, deployed, () => 0.999999)).toBe(120);
    expect(retryDelaySeconds(30, deployed, () => 0.999999)).toBe(12 * 3600);
    expect(retryDelaySeconds(30, deployed, () => 0)).toBe(6 * 3600);
  });

  it('keep retrying for the whole window even with the shortest jitter', () => {
    let elapsed = 0;
    let attempt = 1;
    while (elapsed < deployed.windowSeconds) elapsed += retryDelaySeconds(attempt++, deployed, () => 0);
    // The attempt count stays well below the queue's receive limit (40).
    expect(attempt).toBeLessThan(30);
  });
});
