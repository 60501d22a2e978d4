/** The review path walked through the real use cases, for tests that need approved or published cases. */
import type { Case } from '../../shared/domain/case.ts';
import type { DraftInput } from '../../shared/domain/lifecycle.ts';
import type { Actor } from '../../shared/domain/roles.ts';
import { actOnCase, type EditorialCommand } from '../../shared/usecases/act-on-case.ts';
import { publishCorrection } from '../../shared/usecases/publish-correction.ts';
import type { TestDesk } from './desk.ts';

export const reviewer: Actor = { id: 'reviewer-li', roles: ['reviewer'] };
export const editor: Actor = { id: 'editor-wang', roles: ['editor'] };

export const act = (desk: TestDesk, c: Case, actor: Actor, command: EditorialCommand) =>
  actOnCase(desk, { caseId: c.id, expectedVersion: c.version, actor, command });

export const defaultDraft: DraftInput = {
  type: 'correction',
  headline: '关于伤亡人数的更正',
  body: '受伤人数为1人，不是3人。',
};

/** From received to approved: the reviewer assigns, reviews and drafts; the editor approves. */
export async function approve(
  desk: TestDesk,
  caseId: string,
  draft: DraftInput = defaultDraft,
): Promise<Case> {
  let c = await desk.cases.get(caseId);
  if (!c) throw new Error(`No case ${caseId}`);
  c = await act(desk, c, reviewer, { action: 'assign', assignee: reviewer.id });
  c = await act(desk, c, reviewer, { action: 'review', verdict: 'correction', findings: '核实' });
  c = await act(desk, c, reviewer, { action: 'draft', draft });
  c = await act(desk, c, reviewer, { action: 'submit' });
  return act(desk, c, editor, { action: 'approve' });
}

/** Approved, then published as the publisher would on the stream record. */
export async function publish(desk: TestDesk, caseId: string, draft?: DraftInput): Promise<Case> {
  await approve(desk, caseId, draft);
  const result = await publishCorrection(desk, caseId);
  if (result.outcome !== 'published') throw new Error(`Case ${caseId} was not published: ${result.outcome}`);
  const published = await desk.cases.get(caseId);
  if (!published) throw new Error(`No case ${caseId}`);
  return published;
}
