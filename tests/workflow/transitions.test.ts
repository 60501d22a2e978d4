/**
 * Every editorial action from every status, on cases stored in DynamoDB Local: an allowed action moves
 * the stored case and appends one history entry; a refused one is a 409 that changes nothing stored.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Case, type CaseStatus, caseStatuses } from '../../shared/domain/case.ts';
import { ActionNotAllowed } from '../../shared/domain/errors.ts';
import type { Actor } from '../../shared/domain/roles.ts';
import type { EditorialCommand } from '../../shared/usecases/act-on-case.ts';
import { openStaffCase } from '../../shared/usecases/open-case.ts';
import { publishCorrection } from '../../shared/usecases/publish-correction.ts';
import { type TestDesk, testDesk } from '../support/desk.ts';
import { act, editor, reviewer } from '../support/flows.ts';
import { commandFor, contractTransitions } from '../support/transitions.ts';

let desk: TestDesk;
beforeAll(async () => {
  desk = await testDesk();
});

/** Someone who may take every editorial action and wrote no draft. */
const checker: Actor = { id: 'editor-checker', roles: ['editor'] };

const commands = commandFor as Record<EditorialCommand['action'], EditorialCommand>;
const { publish: _bySystem, ...allowed } = contractTransitions;

/** A stored case brought to `status` by the real use cases. */
async function caseIn(status: CaseStatus): Promise<Case> {
  let c = await openStaffCase(desk, editor, {
    text: `到达 ${status}`,
    topic: 'public-information',
    source: 'staff',
  });
  const path: Array<[CaseStatus, () => Promise<Case>]> = [
    ['in_review', () => act(desk, c, reviewer, commands.assign)],
    // In drafting with a saved draft, so that submit is possible (without one it is refused).
    [
      'drafting',
      async () => act(desk, await act(desk, c, reviewer, commands.review), reviewer, commands.draft),
    ],
    ['awaiting_approval', () => act(desk, c, reviewer, commands.submit)],
    ['approved', () => act(desk, c, editor, commands.approve)],
  ];
  if (status === 'closed') return act(desk, c, editor, commands.close);
  for (const [reached, step] of path) {
    if (c.status === status) break;
    c = await step();
    expect(c.status).toBe(reached);
  }
  if (status === 'published') {
    await publishCorrection(desk, c.id);
    c = (await desk.cases.get(c.id)) as Case;
  }
  expect(c.status).toBe(status);
  return c;
}

describe('every action from every status, stored', () => {
  for (const [action, from] of Object.entries(allowed) as [
    EditorialCommand['action'],
    Record<string, CaseStatus>,
  ][]) {
    for (const status of caseStatuses) {
      const to = from[status];
      it(`${action} from ${status}: ${to ? `→ ${to}` : 'refused'}`, async () => {
        const before = await caseIn(status);
        const historyBefore = (await desk.cases.getWithHistory(before.id))?.history.length ?? 0;
        const attempt = act(desk, before, checker, commands[action]);
        if (to) {
          const after = await attempt;
          expect(after).toMatchObject({ status: to, version: before.version + 1 });
          const stored = await desk.cases.getWithHistory(before.id);
          expect(stored?.case).toMatchObject({ status: to, version: before.version + 1 });
          expect(stored?.history).toHaveLength(historyBefore + 1);
          expect(stored?.history.at(-1)).toMatchObject({ action, actor: checker.id, from: status, to });
        } else {
          await expect(attempt).rejects.toBeInstanceOf(ActionNotAllowed);
          const stored = await desk.cases.getWithHistory(before.id);
          expect(stored?.case).toEqual(before);
          expect(stored?.history).toHaveLength(historyBefore);
        }
      });
    }
  }
});

describe('the two-person rule, stored', () => {
  /** The issue's scenario: an editor writes the draft, a reviewer adds a full stop and submits. */
  async function writtenByTwo(): Promise<Case> {
    let c = await caseIn('drafting');
    c = await act(desk, c, editor, { action: 'draft', draft: { ...draftOf(c), body: '受伤人数为1人' } });
    c = await act(desk, c, reviewer, { action: 'draft', draft: { ...draftOf(c), body: '受伤人数为1人。' } });
    c = await act(desk, c, reviewer, commands.submit);
    expect(c.draftAuthors).toEqual([reviewer.id, editor.id]);
    return c;
  }
  const draftOf = (c: Case) => ({
    type: 'correction' as const,
    headline: c.draft?.headline ?? '更正',
    body: '',
  });

  for (const roles of [['editor'], ['admin'], ['reviewer', 'editor', 'admin']] as Actor['roles'][]) {
    for (const who of [editor.id, reviewer.id]) {
      it(`refuses ${who}, who saved the draft, with groups ${roles.join('+')} and changes nothing`, async () => {
        const awaiting = await writtenByTwo();
        const refused = await act(desk, awaiting, { id: who, roles }, commands.approve).catch((e) => e);
        expect(refused).toBeInstanceOf(ActionNotAllowed);
        expect(refused.code).toBe('two-person-rule');
        expect(await desk.cases.get(awaiting.id)).toEqual(awaiting);
        const approved = await act(desk, awaiting, { id: 'someone-else', roles }, commands.approve);
        expect(approved.approval?.approver).toBe('someone-else');
      });
    }
  }

  it('refuses whoever only submitted a draft someone else wrote', async () => {
    let c = await caseIn('drafting');
    c = await act(desk, c, checker, commands.submit);
    expect(c.draftAuthors).toEqual([reviewer.id, checker.id]);
    await expect(act(desk, c, checker, commands.approve)).rejects.toThrow(/two-person rule/);
  });
});
