/** The Lambda event filter matcher, on its own and on the catalogue's stream filters. */
import { describe, expect, it } from 'vitest';
import { matches, matchesAny } from '../../local/event-filter.ts';
import { approvedTransition, closedTransition, severityRaised } from '../../shared/resources/functions.ts';

const record = (eventName: string, newImage?: object, oldImage?: object) => ({
  eventName,
  dynamodb: { ...(newImage ? { NewImage: newImage } : {}), ...(oldImage ? { OldImage: oldImage } : {}) },
});
const caseImage = (fields: Record<string, string>) => ({
  entity: { S: 'case' },
  ...Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, { S: value }])),
});

describe('matches', () => {
  it('matches a list of literals when the value is one of them', () => {
    expect(matches({ a: ['x', 'y'] }, { a: 'y' })).toBe(true);
    expect(matches({ a: ['x', 'y'] }, { a: 'z' })).toBe(false);
    expect(matches({ n: [5] }, { n: 5 })).toBe(true);
    expect(matches({ n: [5] }, { n: '5' })).toBe(false);
    expect(matches({ a: ['x'] }, {})).toBe(false);
  });

  it('matches an array value when one of its elements matches', () => {
    expect(matches({ tags: ['b'] }, { tags: ['a', 'b'] })).toBe(true);
    expect(matches({ tags: ['c'] }, { tags: ['a', 'b'] })).toBe(false);
  });

  it('descends into nested objects, and needs every key to match', () => {
    const pattern = { outer: { inner: ['v'] }, other: ['w'] };
    expect(matches(pattern, { outer: { inner: 'v' }, other: 'w' })).toBe(true);
    expect(matches(pattern, { outer: { inner: 'v' }, other: 'x' })).toBe(false);
    expect(matches(pattern, { outer: 'v', other: 'w' })).toBe(false);
    expect(matches(pattern, { other: 'w' })).toBe(false);
  });

  it('anything-but matches a present value outside the list, never a missing one', () => {
    const pattern = { status: [{ 'anything-but': ['approved', 'published'] }] };
    expect(matches(pattern, { status: 'drafting' })).toBe(true);
    expect(matches(pattern, { status: 'approved' })).toBe(false);
    expect(matches(pattern, {})).toBe(false);
  });

  it('exists tests whether a leaf value is there', () => {
    expect(matches({ a: [{ exists: true }] }, { a: 'x' })).toBe(true);
    expect(matches({ a: [{ exists: true }] }, { a: null })).toBe(true);
    expect(matches({ a: [{ exists: true }] }, {})).toBe(false);
    expect(matches({ a: [{ exists: false }] }, {})).toBe(true);
    expect(matches({ a: [{ exists: false }] }, { a: 'x' })).toBe(false);
    expect(matches({ a: [{ exists: true }] }, { a: { nested: 'x' } })).toBe(false);
  });

  it('ORs the values in one list', () => {
    const pattern = { a: ['x', { exists: false }] };
    expect(matches(pattern, { a: 'x' })).toBe(true);
    expect(matches(pattern, {})).toBe(true);
    expect(matches(pattern, { a: 'y' })).toBe(false);
  });
});

describe('matchesAny', () => {
  it('ORs across patterns, and lets everything through without patterns', () => {
    expect(matchesAny([{ a: ['x'] }, { b: ['y'] }], { b: 'y' })).toBe(true);
    expect(matchesAny([{ a: ['x'] }, { b: ['y'] }], { c: 'z' })).toBe(false);
    expect(matchesAny([], { anything: true })).toBe(true);
  });
});

describe('the catalogue stream filters', () => {
  it('approvedTransition: a case modified into approved from another status', () => {
    const into = record(
      'MODIFY',
      caseImage({ status: 'approved' }),
      caseImage({ status: 'awaiting_approval' }),
    );
    expect(matches(approvedTransition, into)).toBe(true);
    const stays = record('MODIFY', caseImage({ status: 'approved' }), caseImage({ status: 'approved' }));
    expect(matches(approvedTransition, stays)).toBe(false);
    expect(matches(approvedTransition, record('INSERT', caseImage({ status: 'approved' })))).toBe(false);
    const notACase = record(
      'MODIFY',
      { entity: { S: 'correction' }, status: { S: 'approved' } },
      { status: { S: 'x' } },
    );
    expect(matches(approvedTransition, notACase)).toBe(false);
  });

  it('severityRaised: a case inserted or modified with high or critical severity', () => {
    expect(matches(severityRaised, record('INSERT', caseImage({ severity: 'critical' })))).toBe(true);
    expect(
      matches(
        severityRaised,
        record('MODIFY', caseImage({ severity: 'high' }), caseImage({ severity: 'normal' })),
      ),
    ).toBe(true);
    expect(matches(severityRaised, record('INSERT', caseImage({ severity: 'normal' })))).toBe(false);
    expect(matches(severityRaised, record('REMOVE', undefined, caseImage({ severity: 'high' })))).toBe(false);
  });

  it('the notifier gets a record that matches either of its patterns', () => {
    const closed = record(
      'MODIFY',
      caseImage({ status: 'closed', severity: 'low' }),
      caseImage({ status: 'in_review' }),
    );
    expect(matchesAny([severityRaised, closedTransition], closed)).toBe(true);
    const neither = record(
      'MODIFY',
      caseImage({ status: 'in_review', severity: 'low' }),
      caseImage({ status: 'received' }),
    );
    expect(matchesAny([severityRaised, closedTransition], neither)).toBe(false);
  });
});
