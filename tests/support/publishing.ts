/** Publishing through the editors' API on a running local stack: a staff case walked to approval. */
import { type Call, eventually, type Tokens } from './http.ts';

/** Approves a case that is in drafting with a saved draft (the reviewer submits, another editor approves). */
async function submitAndApprove(call: Call, tokens: Tokens, caseId: string, version: number) {
  const submitted = await call('POST', `/admin/cases/${caseId}/submit`, {
    token: tokens.reviewer,
    ifMatch: version,
  });
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.text}`);
  const approved = await call('POST', `/admin/cases/${caseId}/approve`, {
    token: tokens.otherEditor,
    ifMatch: submitted.json.version,
  });
  if (approved.status !== 200) throw new Error(`approve: ${approved.text}`);
}

/** A new correction on `topic` (about `url`), published by the stack's publisher: its id once it is published. */
export async function publishViaApi(
  call: Call,
  tokens: Tokens,
  options: { topic?: string; headline?: string; url?: string } = {},
): Promise<string> {
  const opened = await call('POST', '/admin/cases', {
    token: tokens.reviewer,
    body: {
      text: '通报中的数字有误',
      topic: options.topic ?? 'fire-prevention',
      source: 'monitoring',
      // The page the correction is about (its affectedUrl once published).
      ...(options.url ? { url: options.url } : {}),
    },
  });
  if (opened.status !== 201) throw new Error(`open: ${opened.text}`);
  const caseId = opened.json.id as string;
  let c = (
    await call('POST', `/admin/cases/${caseId}/assign`, {
      token: tokens.reviewer,
      ifMatch: opened.json.version,
      body: { assignee: 'reviewer-li' },
    })
  ).json;
  c = (
    await call('POST', `/admin/cases/${caseId}/review`, {
      token: tokens.reviewer,
      ifMatch: c.version,
      body: { verdict: 'correction', findings: '核实' },
    })
  ).json;
  c = (
    await call('PUT', `/admin/cases/${caseId}/draft`, {
      token: tokens.reviewer,
      ifMatch: c.version,
      body: {
        type: 'correction',
        headline: options.headline ?? '关于数字的更正',
        body: '应为8辆，不是12辆。',
      },
    })
  ).json;
  await submitAndApprove(call, tokens, caseId, c.version);
  return eventually(
    async () => (await call('GET', `/admin/cases/${caseId}`, { token: tokens.editor })).json.correctionId,
  );
}

/** Publishes the next version of a correction; resolves once it is published. */
export async function amendViaApi(call: Call, tokens: Tokens, correctionId: string): Promise<void> {
  const before = (await call('GET', `/corrections/${correctionId}`)).json.version as number;
  const amendment = await call('POST', `/admin/corrections/${correctionId}/amend`, {
    token: tokens.editor,
    body: { note: '补充说明' },
  });
  if (amendment.status !== 201) throw new Error(`amend: ${amendment.text}`);
  await submitAndApprove(call, tokens, amendment.json.id, amendment.json.version);
  await eventually(async () => (await call('GET', `/corrections/${correctionId}`)).json.version > before);
}
