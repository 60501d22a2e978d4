/** The review path over HTTP on the running local stack, for tests that need published corrections. */
import { expect } from 'vitest';
import { type Call, eventually, type Tokens } from './http.ts';

export interface Wording {
  type?: 'correction' | 'clarification' | 'retraction';
  headline: string;
  body: string;
}

/** Steps a case: each must answer 200 with the next version; returns the case after the step. */
export function stepper(call: Call) {
  // biome-ignore lint/suspicious/noExplicitAny: the case as the API returns it
  return async (c: any, method: string, path: string, token: string, body?: unknown) => {
    const reply = await call(method, `/admin/cases/${c.id}/${path}`, {
      token,
      ifMatch: c.version,
      ...(body ? { body } : {}),
    });
    expect(reply.status, `${path}: ${reply.text}`).toBe(200);
    return reply.json;
  };
}

/** A case (already open) from received to published: the reviewer drafts, an editor approves. */
export async function publishCase(call: Call, tokens: Tokens, caseId: string, wording: Wording) {
  const step = stepper(call);
  let c = (await call('GET', `/admin/cases/${caseId}`, { token: tokens.reviewer })).json;
  c = await step(c, 'POST', 'assign', tokens.reviewer, { assignee: 'reviewer-li' });
  c = await step(c, 'POST', 'review', tokens.reviewer, { verdict: 'correction', findings: '核实' });
  c = await step(c, 'PUT', 'draft', tokens.reviewer, { type: 'correction', ...wording });
  c = await step(c, 'POST', 'submit', tokens.reviewer);
  c = await step(c, 'POST', 'approve', tokens.editor);
  return publishedCase(call, tokens, caseId);
}

/** Waits for the publisher (the stream poller) to publish an approved case. */
export const publishedCase = (call: Call, tokens: Tokens, caseId: string) =>
  eventually(async () => {
    const c = (await call('GET', `/admin/cases/${caseId}`, { token: tokens.reviewer })).json;
    return c.status === 'published' ? c : undefined;
  });

/** Opens an amendment, rewords it, and has another editor approve it; waits for the new version. */
export async function amendOverHttp(
  call: Call,
  tokens: Tokens,
  correctionId: string,
  note: string,
  wording: Wording,
) {
  const step = stepper(call);
  const opened = await call('POST', `/admin/corrections/${correctionId}/amend`, {
    token: tokens.editor,
    body: { note },
  });
  expect(opened.status, opened.text).toBe(201);
  let c = await step(opened.json, 'PUT', 'draft', tokens.reviewer, { type: 'correction', ...wording });
  c = await step(c, 'POST', 'submit', tokens.reviewer);
  c = await step(c, 'POST', 'approve', tokens.editor);
  return publishedCase(call, tokens, c.id);
}
