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
  const refusal = (c: Case, actor: Actor) => {
    try {
      decide(c, commands.approve, actor, ctx);
    } catch (error) {
      return error as ActionNotAllowed;
    }
    throw new Error(`${actor.id} was allowed to approve`);
  };

  /** An editor writes, a reviewer adds a full stop, a third person submits: all three are kept. */
  const written = (): Case => {
    const writer: Actor = { id: 'ed-writer', roles: ['editor'] };
    const touchUp: Actor = { id: 'rev-fullstop', roles: ['reviewer'] };
    const submitter: Actor = { id: 'rev-submitter', roles: ['reviewer'] };
    let c = decide(aCase('in_review'), commands.review, touchUp, ctx).next;
    expect(c.draftAuthors).toEqual([]);
    c = decide(c, { action: 'draft', draft: { ...draft, body: '受伤人数为1人' } }, writer, ctx).next;
    c = decide(c, { action: 'draft', draft: { ...draft, body: '受伤人数为1人。' } }, touchUp, ctx).next;
    c = decide(c, commands.submit, submitter, ctx).next;
    expect(c).toMatchObject({ status: 'awaiting_approval', draft: { author: 'rev-fullstop' } });
    return c;
  };

  it('keeps everyone who saved or submitted the draft, once each, as the draft authors', () => {
    expect(written().draftAuthors).toEqual(['ed-writer', 'rev-fullstop', 'rev-submitter']);
  });

  for (const roles of groups) {
    for (const who of ['ed-writer', 'rev-fullstop', 'rev-submitter']) {
      it(`refuses ${who} (saved or submitted) as approver, even with groups ${roles.join('+')}`, () => {
        const refused = refusal(written(), { id: who, roles });
        expect(refused).toBeInstanceOf(ActionNotAllowed);
        expect(refused.code).toBe('two-person-rule');
        expect(refused.message).toMatch(/two-person rule/);
      });
    }
    it(`refuses the draft's author as approver, even with groups ${roles.join('+')}`, () => {
      const author: Actor = { id: 'rev-1', roles };
      expect(() => decide(aCase('awaiting_approval'), commands.approve, author, ctx)).toThrow(
        /two-person rule/,
      );
    });
    it(`lets someone who neither saved nor submitted it approve, with groups ${roles.join('+')}`, () => {
      expect(decide(written(), commands.approve, { id: 'ed-checker', roles }, ctx).next.status).toBe(
        'approved',
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

describe("the two-person rule counts from the case's last entry into drafting", () => {
  it('request-changes starts the count again; whoever writes or submits next is counted', () => {
    const writer: Actor = { id: 'ed-writer', roles: ['editor'] };
    let c = aCase('drafting', { draftAuthors: [] });
    c = decide(c, commands.draft, writer, ctx).next;
    c = decide(c, commands.submit, writer, ctx).next;
    c = decide(c, commands['request-changes'], editor, ctx).next;
    expect(c).toMatchObject({ status: 'drafting', draftAuthors: [] });
    c = decide(c, commands.submit, { id: 'rev-2', roles: ['reviewer'] }, ctx).next;
    expect(c.draftAuthors).toEqual(['rev-2']);
    expect(() => decide(c, commands.approve, { id: 'rev-2', roles: ['editor'] }, ctx)).toThrow(
      /two-person rule/,
    );
    expect(decide(c, commands.approve, writer, ctx).next.approval?.approver).toBe('ed-writer');
  });
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
