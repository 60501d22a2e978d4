import { describe, expect, it } from 'vitest';
import { commandFor, contractTransitions } from '../../tests/support/transitions.ts';
import { type Case, type CaseStatus, caseStatuses, systemActor } from './case.ts';
import { ActionNotAllowed, PermissionDenied } from './errors.ts';
import { allowedActions, type CaseCommand, decide } from './lifecycle.ts';
import type { Actor, Role } from './roles.ts';
import { defaultSeverityPolicy } from './severity.ts';

const now = '2026-11-26T08:00:00.000Z';
const ctx = { now, policy: defaultSeverityPolicy };
const editor: Actor = { id: 'ed-1', roles: ['editor'] };
const system: Actor = { id: systemActor, roles: [] };
const draft = { type: 'correction' as const, headline: '标题', body: '正文', author: 'rev-1', at: now };

const aCase = (status: CaseStatus, extra: Partial<Case> = {}): Case => ({
  id: 'case-1',
  status,
  topic: 'public-information',
  severity: 'normal',
  source: 'public',
  text: '报道中的火灾起数有误',
  language: 'zh-CN',
  reportCount: 1,
  dueAt: '2026-11-29T08:00:00.000Z',
  createdAt: '2026-11-26T07:00:00.000Z',
  updatedAt: '2026-11-26T07:00:00.000Z',
  version: 3,
  ...(['drafting', 'awaiting_approval', 'approved'].includes(status) ? { draft } : {}),
  ...extra,
});

const commands = commandFor;
const allowed = contractTransitions;

describe('the case state machine', () => {
  for (const [action, from] of Object.entries(allowed) as [
    CaseCommand['action'],
    Record<string, CaseStatus>,
  ][]) {
    for (const status of caseStatuses) {
      const actor = action === 'publish' ? system : editor;
      const expected = from[status];
      if (expected) {
        it(`${action}: ${status} → ${expected}, version + 1, one history entry`, () => {
          const { next, entry } = decide(aCase(status), commands[action], actor, ctx);
          expect(next.status).toBe(expected);
          expect(next.version).toBe(4);
          expect(next.updatedAt).toBe(now);
          expect(entry).toMatchObject({ at: now, actor: actor.id, action, from: status, to: expected });
        });
      } else {
        it(`${action}: refused in ${status} with the status and the allowed actions`, () => {
          const attempt = () => decide(aCase(status), commands[action], actor, ctx);
          expect(attempt).toThrow(ActionNotAllowed);
          try {
            attempt();
          } catch (error) {
            expect((error as ActionNotAllowed).currentStatus).toBe(status);
            expect((error as ActionNotAllowed).allowedActions).toEqual(allowedActions(status));
          }
        });
      }
    }
  }

  it('closes on no_action and duplicate verdicts with the resolution', () => {
    const noAction = decide(
      aCase('in_review'),
      { ...commands.review, verdict: 'no_action' } as CaseCommand,
      editor,
      ctx,
    );
    expect(noAction.next).toMatchObject({
      status: 'closed',
      resolution: { kind: 'no_action', reason: '核实有误' },
    });
    const duplicate = decide(
      aCase('in_review'),
      { action: 'review', verdict: 'duplicate', findings: '重复', duplicateOf: 'case-2' },
      editor,
      ctx,
    );
    expect(duplicate.next).toMatchObject({
      status: 'closed',
      resolution: { kind: 'duplicate', duplicateOf: 'case-2' },
    });
  });

  it('refuses a case as a duplicate of itself', () => {
    expect(() =>
      decide(
        aCase('in_review'),
        { action: 'review', verdict: 'duplicate', findings: 'x', duplicateOf: 'case-1' },
        editor,
        ctx,
      ),
    ).toThrow(ActionNotAllowed);
  });

  it('needs a saved draft before submit', () => {
    const { draft: _none, ...withoutDraft } = aCase('drafting');
    expect(() => decide(withoutDraft, commands.submit, editor, ctx)).toThrow(/saved draft/);
  });

  it('records the draft author and clears an approval on request-changes', () => {
    const saved = decide(aCase('drafting'), commands.draft, { id: 'rev-9', roles: ['reviewer'] }, ctx);
    expect(saved.next.draft).toMatchObject({ author: 'rev-9', at: now, headline: '更正' });
    const back = decide(
      aCase('awaiting_approval', { approval: { approver: 'x', at: now } }),
      commands['request-changes'],
      editor,
      ctx,
    );
    expect(back.next.approval).toBeUndefined();
    expect(back.entry.note).toBe('请补充');
  });

  it('recomputes the deadline when an editor changes severity', () => {
    const { next } = decide(aCase('received'), { action: 'update', severity: 'critical' }, editor, ctx);
    expect(next.severity).toBe('critical');
    expect(next.dueAt).toBe('2026-11-26T10:00:00.000Z');
  });
});

describe('the two-person rule', () => {
  const groups: Role[][] = [['editor'], ['admin'], ['editor', 'admin'], ['reviewer', 'editor', 'admin']];
  for (const roles of groups) {
    it(`refuses the draft's author as approver, even with groups ${roles.join('+')}`, () => {
      const author: Actor = { id: 'rev-1', roles };
      expect(() => decide(aCase('awaiting_approval'), commands.approve, author, ctx)).toThrow(
        /two-person rule/,
      );
    });
    it(`lets another person with groups ${roles.join('+')} approve`, () => {
      const other: Actor = { id: 'someone-else', roles };
      expect(decide(aCase('awaiting_approval'), commands.approve, other, ctx).next.approval).toEqual({
        approver: 'someone-else',
        at: now,
      });
    });
  }
});

describe('permissions by group', () => {
  const reviewer: Actor = { id: 'r', roles: ['reviewer'] };
  it.each(['assign', 'review', 'draft', 'submit'] as const)('a reviewer may %s', (action) => {
    const status = allowed[action] && (Object.keys(allowed[action])[0] as CaseStatus);
    expect(() => decide(aCase(status), commands[action], reviewer, ctx)).not.toThrow();
  });
  it.each(['approve', 'request-changes', 'close', 'update'] as const)('a reviewer may not %s', (action) => {
    const status = Object.keys(allowed[action])[0] as CaseStatus;
    expect(() => decide(aCase(status), commands[action], reviewer, ctx)).toThrow(PermissionDenied);
  });
  it('nobody but the system publishes', () => {
    expect(() => decide(aCase('approved'), commands.publish, { id: 'a', roles: ['admin'] }, ctx)).toThrow(
      PermissionDenied,
    );
  });
  it('a token without groups may do nothing', () => {
    expect(() => decide(aCase('received'), commands.assign, { id: 'x', roles: [] }, ctx)).toThrow(
      PermissionDenied,
    );
  });
});
