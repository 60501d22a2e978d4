import { beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../shared/domain/case.ts';
import { InvalidInput } from '../../shared/domain/errors.ts';
import type { Actor } from '../../shared/domain/roles.ts';
import type { CaseQuery } from '../../shared/ports/case-queue.ts';
import { actOnCase } from '../../shared/usecases/act-on-case.ts';
import { openStaffCase } from '../../shared/usecases/open-case.ts';
import { listCases } from '../../shared/usecases/read-cases.ts';
import { type TestDesk, testDesk } from '../support/desk.ts';

let desk: TestDesk;
const editor: Actor = { id: 'editor-zhao', roles: ['editor'] };
const opened: Case[] = [];

/** Every page of a query, following cursors to the end. */
async function all(query: Omit<CaseQuery, 'limit'>, limit = 2): Promise<Case[]> {
  const items: Case[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 50; pages++) {
    const page = await listCases(desk.caseQueue, editor, { ...query, limit, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    if (!page.nextCursor) return items;
    cursor = page.nextCursor;
  }
  throw new Error('too many pages');
}

beforeAll(async () => {
  desk = await testDesk();
  const plan = [
    { severity: 'low', topic: 'public-information' },
    { severity: 'critical', topic: 'firefighting-rescue' },
    { severity: 'normal', topic: 'public-information' },
    { severity: 'high', topic: 'firefighting-rescue' },
    { severity: 'normal', topic: 'firefighting-rescue' },
  ] as const;
  for (const { severity, topic } of plan) {
    opened.push(
      await openStaffCase(desk, editor, { text: `案例 ${severity}`, topic, severity, source: 'staff' }),
    );
    desk.clock.advance(1);
  }
  // Two assigned to one reviewer (one per topic), one closed, one closed later.
  const assign = (c: Case, to: string) =>
    actOnCase(desk, {
      caseId: c.id,
      expectedVersion: c.version,
      actor: editor,
      command: { action: 'assign', assignee: to },
    });
  opened[1] = await assign(opened[1]!, 'li');
  opened[2] = await assign(opened[2]!, 'li');
  for (const i of [0, 4]) {
    const c = opened[i]!;
    opened[i] = await actOnCase(desk, {
      caseId: c.id,
      expectedVersion: c.version,
      actor: editor,
      command: { action: 'close', reason: '无需更正' },
    });
    desk.clock.advance(1);
  }
});

const ids = (cases: Case[]) => cases.map((c) => c.id);

describe('the queue', () => {
  it('lists open cases soonest due first, across statuses, page by page', async () => {
    const open = await all({});
    expect(ids(open)).toEqual(ids([opened[1]!, opened[3]!, opened[2]!]));
    expect(open.map((c) => c.dueAt)).toEqual([...open.map((c) => c.dueAt)].sort());
  });

  it('lists closed cases newest first', async () => {
    expect(ids(await all({ status: 'closed' }, 1))).toEqual(ids([opened[4]!, opened[0]!]));
  });

  it('combines status, topic and assignee filters', async () => {
    expect(ids(await all({ status: 'in_review' }))).toEqual(ids([opened[1]!, opened[2]!]));
    expect(ids(await all({ topic: 'firefighting-rescue' }))).toEqual(ids([opened[1]!, opened[3]!]));
    expect(ids(await all({ assignee: 'li' }))).toEqual(ids([opened[1]!, opened[2]!]));
    expect(ids(await all({ assignee: 'li', topic: 'public-information' }))).toEqual(ids([opened[2]!]));
    expect(ids(await all({ status: 'received', topic: 'firefighting-rescue' }))).toEqual(ids([opened[3]!]));
    expect(await all({ status: 'published' })).toEqual([]);
  });

  it('refuses a tampered cursor, and a cursor from another query', async () => {
    const page = await listCases(desk.caseQueue, editor, { limit: 1 });
    expect(page.nextCursor).toBeTruthy();
    const cursor = page.nextCursor ?? '';
    const tampered = `${cursor.slice(0, 5)}${cursor[5] === 'A' ? 'B' : 'A'}${cursor.slice(6)}`;
    await expect(listCases(desk.caseQueue, editor, { limit: 1, cursor: tampered })).rejects.toBeInstanceOf(
      InvalidInput,
    );
    await expect(listCases(desk.caseQueue, editor, { limit: 1, cursor: 'garbage' })).rejects.toBeInstanceOf(
      InvalidInput,
    );
    await expect(
      listCases(desk.caseQueue, editor, { limit: 1, status: 'closed', cursor }),
    ).rejects.toBeInstanceOf(InvalidInput);
  });
});
