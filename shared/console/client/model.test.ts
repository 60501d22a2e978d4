import { describe, expect, it } from 'vitest';
import type { Case, CaseStatus } from '../../domain/case.ts';
import { longestPermalink } from '../../domain/correction.ts';
import type { Actor } from '../../domain/roles.ts';
import { composeSms, smsSegments } from '../../domain/sms.ts';
import { draftRequest } from '../../http/schemas.ts';
import {
  actorOf,
  duration,
  errorsByField,
  idempotencyKeyFor,
  ifMatchOf,
  isOverdue,
  measureSms,
  offeredActions,
  readClaims,
} from './model.ts';

const base64Url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const token = (claims: Record<string, unknown>) =>
  `${base64Url({ alg: 'ES256' })}.${base64Url(claims)}.signature`;

const aCase = (status: CaseStatus, extra: Partial<Case> = {}): Case => ({
  id: 'c1',
  status,
  topic: 'fire',
  severity: 'normal',
  source: 'monitoring',
  text: 'x',
  language: 'zh-CN',
  reportCount: 1,
  dueAt: '2026-01-02T00:00:00.000Z',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 3,
  ...extra,
});
const reviewer: Actor = { id: 'li', roles: ['reviewer'] };
const editor: Actor = { id: 'wang', roles: ['editor'] };
const draft = {
  type: 'correction' as const,
  headline: 'h',
  body: 'b',
  author: 'li',
  at: '2026-01-01T00:00:00Z',
};

describe('the token’s claims', () => {
  it('reads sub, name, the known groups and expiry, as the local gateway and Cognito write them', () => {
    const claims = readClaims(
      token({ sub: 'li', name: '李审核', 'cognito:groups': ['reviewer', 'other', 'editor'], exp: 99 }),
    );
    expect(claims).toEqual({ sub: 'li', name: '李审核', groups: ['reviewer', 'editor'], exp: 99 });
    expect(actorOf(claims)).toEqual({ id: 'li', roles: ['reviewer', 'editor'] });
  });

  it('takes no groups when there are none, and refuses what is not a token', () => {
    expect(readClaims(token({ sub: 'x', exp: 1 })).groups).toEqual([]);
    expect(readClaims(token({ sub: 'x', email: 'x@example.org', exp: 1 })).name).toBe('x@example.org');
    expect(() => readClaims('nonsense')).toThrow();
    expect(() => readClaims(token({ exp: 1 }))).toThrow();
  });
});

describe('the actions a case offers', () => {
  const names = (c: Case, actor: Actor) => offeredActions(c, actor).map((offered) => offered.action);

  it('follows the status and the groups', () => {
    expect(names(aCase('received'), reviewer)).toEqual(['assign']);
    expect(names(aCase('received'), editor)).toEqual(['assign', 'close', 'update']);
    expect(names(aCase('in_review'), reviewer)).toEqual(['assign', 'review']);
    expect(names(aCase('drafting', { draft }), reviewer)).toEqual(['draft', 'submit']);
    expect(names(aCase('awaiting_approval', { draft }), reviewer)).toEqual([]);
    expect(names(aCase('awaiting_approval', { draft }), editor)).toEqual([
      'request-changes',
      'approve',
      'close',
      'update',
    ]);
    expect(names(aCase('approved'), editor)).toEqual([]);
    expect(names(aCase('closed'), { id: 'chen', roles: ['admin'] })).toEqual([]);
  });

  it('shows approve blocked for the draft’s author, and submit blocked without a draft', () => {
    const author = { id: 'li', roles: ['editor'] } satisfies Actor;
    expect(offeredActions(aCase('awaiting_approval', { draft }), author)).toContainEqual({
      action: 'approve',
      blocked: 'own-draft',
    });
    expect(offeredActions(aCase('drafting'), reviewer)).toContainEqual({
      action: 'submit',
      blocked: 'needs-draft',
    });
  });

  it('shows approve blocked for whoever submitted or saved any version since drafting began', () => {
    const submitted = aCase('awaiting_approval', { draft, draftAuthors: ['li', 'zhou'] });
    for (const id of ['li', 'zhou']) {
      expect(offeredActions(submitted, { id, roles: ['editor'] })).toContainEqual({
        action: 'approve',
        blocked: 'own-draft',
      });
    }
    expect(offeredActions(submitted, { id: 'wang', roles: ['editor'] })).toContainEqual({
      action: 'approve',
    });
  });

  it('offers amending a published correction to editors only', () => {
    const published = aCase('published', { correctionId: 'k1' });
    expect(names(published, editor)).toEqual(['amend']);
    expect(names(published, reviewer)).toEqual([]);
  });
});

describe('deadlines', () => {
  const now = Date.parse('2026-01-02T01:00:00.000Z');

  it('are overdue while the case is unfinished and its due time has passed', () => {
    expect(isOverdue(aCase('received'), now)).toBe(true);
    expect(isOverdue(aCase('approved'), now)).toBe(true);
    expect(isOverdue(aCase('published'), now)).toBe(false);
    expect(isOverdue(aCase('closed'), now)).toBe(false);
    expect(isOverdue(aCase('received'), Date.parse('2026-01-01T23:00:00.000Z'))).toBe(false);
  });

  it('say how far off they are in the largest unit that fits', () => {
    expect(duration(30 * 60_000, 'en')).toBe('30 minutes');
    expect(duration(-5 * 3600_000, 'en')).toBe('5 hours');
    expect(duration(3 * 86_400_000, 'en')).toBe('3 days');
    expect(duration(2 * 3600_000, 'zh-CN')).toBe('2小时');
  });
});

describe('the SMS counter', () => {
  const link = longestPermalink('http://localhost:3000');
  const wording = { type: 'correction' as const, headline: '关于受伤人数的更正', body: '正文' };

  it('measures the editor’s SMS text with the link, by the domain’s rules', () => {
    const measured = measureSms({ ...wording, smsText: 'Injuries: 1, not 3.' }, aCase('drafting'), link);
    expect(measured).toMatchObject({
      text: composeSms('Injuries: 1, not 3.', link),
      derived: false,
      encoding: 'GSM-7',
      limit: 160,
      segments: 1,
    });
    expect(measured.units).toBe(measured.text.length);
    const chinese = measureSms({ ...wording, smsText: '更正'.repeat(30) }, aCase('drafting'), link);
    expect(chinese).toMatchObject({ encoding: 'UCS-2', limit: 70, segments: 2 });
  });

  it('shows the SMS made from the headline when there is no SMS text, labelled as updated for an amendment', () => {
    const derived = measureSms({ ...wording, smsText: '  ' }, aCase('drafting'), link);
    expect(derived).toMatchObject({ derived: true, segments: 1 });
    expect(derived.text).toBe(`【更正】关于受伤人数的更正 ${link}`);
    const amendment = measureSms({ ...wording, smsText: '' }, aCase('drafting', { amends: 'k1' }), link);
    expect(amendment.text).toBe(`【更正 · 更新】关于受伤人数的更正 ${link}`);
  });

  it('agrees with the API’s own check of the SMS text', () => {
    const schema = draftRequest('http://localhost:3000');
    const outcomes = new Set<boolean>();
    for (const length of [20, 60, 100, 126, 127, 140]) {
      for (const char of ['a', '€', '更', '😀']) {
        const smsText = char.repeat(length / (char === '😀' ? 2 : 1));
        const accepted = schema.safeParse({ ...wording, smsText }).success;
        const measured = measureSms({ ...wording, smsText }, aCase('drafting'), link);
        expect(measured.segments === 1, smsText).toBe(accepted);
        expect(measured.segments).toBe(smsSegments(measured.text));
        outcomes.add(accepted);
      }
    }
    expect([...outcomes].sort()).toEqual([false, true]);
  });
});

describe('field errors', () => {
  it('go to the field they name, by the last part of the path that is one; the rest are listed apart', () => {
    const { byField, other } = errorsByField(
      [
        { path: 'smsText', message: 'too long' },
        { path: 'evidence[1]', message: 'not a URL' },
        { path: 'evidence[2]', message: 'not a URL either' },
        { path: 'unknown', message: 'is not a known field' },
        { path: '', message: 'a JSON body is required' },
      ],
      ['smsText', 'evidence', 'headline'],
    );
    expect(Object.fromEntries(byField)).toEqual({
      smsText: ['too long'],
      evidence: ['not a URL', 'not a URL either'],
    });
    expect(other.map((error) => error.path)).toEqual(['unknown', '']);
  });
});

describe('requests', () => {
  it('reuse the Idempotency-Key for the same body only', () => {
    let n = 0;
    const next = () => `key-${++n}`;
    const first = idempotencyKeyFor(undefined, '{"text":"a"}', next);
    expect(idempotencyKeyFor(first, '{"text":"a"}', next)).toBe(first);
    expect(idempotencyKeyFor(first, '{"text":"b"}', next)).toEqual({ key: 'key-2', body: '{"text":"b"}' });
  });

  it('send the ETag as If-Match, or the version in the API’s ETag form', () => {
    expect(ifMatchOf({ version: 4 }, '"4"')).toBe('"4"');
    expect(ifMatchOf({ version: 4 }, null)).toBe('"4"');
  });
});
