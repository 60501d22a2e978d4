import { describe, expect, it } from 'vitest';
import type { Case } from './case.ts';
import { absorbDuplicate, escalate, openCase } from './intake.ts';
import { defaultSeverityPolicy } from './severity.ts';

const policy = defaultSeverityPolicy;
const now = '2026-11-26T08:00:00.000Z';
const opened = openCase(
  {
    id: 'c1',
    topic: 'firefighting-rescue',
    text: '伤亡人数有误',
    language: 'zh-CN',
    source: 'public',
    severity: 'normal',
  },
  'public',
  now,
  policy,
).next;

describe('opening a case', () => {
  it('starts received, version 1, one report, due by its severity', () => {
    expect(opened).toMatchObject({
      status: 'received',
      version: 1,
      reportCount: 1,
      dueAt: '2026-11-29T08:00:00.000Z',
    });
  });
});

describe('escalation by report count', () => {
  const at = (reportCount: number, severity: Case['severity'] = 'normal'): Case => ({
    ...opened,
    reportCount,
    severity,
  });
  it('raises to high at 5 and critical at 20, with a deadline from now', () => {
    expect(escalate(at(4), now, policy)).toBeUndefined();
    expect(escalate(at(5), now, policy)?.next).toMatchObject({
      severity: 'high',
      dueAt: '2026-11-27T08:00:00.000Z',
    });
    expect(escalate(at(20), now, policy)?.next).toMatchObject({
      severity: 'critical',
      dueAt: '2026-11-26T10:00:00.000Z',
    });
  });
  it('never lowers a severity and keeps the version', () => {
    expect(escalate(at(6, 'critical'), now, policy)).toBeUndefined();
    expect(escalate(at(5), now, policy)?.next.version).toBe(1);
  });
  it('leaves closed cases alone', () => {
    expect(escalate({ ...at(50), status: 'closed' }, now, policy)).toBeUndefined();
  });
});

describe('absorbing a duplicate', () => {
  it('adds up reports without a new version', () => {
    const merged = absorbDuplicate(
      { ...opened, reportCount: 3 },
      { ...opened, id: 'c2', reportCount: 2 },
      'ed',
      now,
    );
    expect(merged.next).toMatchObject({ reportCount: 5, version: 1 });
    expect(merged.entry).toMatchObject({ action: 'merge', actor: 'ed' });
  });
  it('refuses a target that is no longer open', () => {
    expect(() => absorbDuplicate({ ...opened, status: 'published' }, opened, 'ed', now)).toThrow(
      expect.objectContaining({
        errors: [{ path: 'duplicateOf', message: 'must be an open case; c1 is published' }],
      }),
    );
  });
});
