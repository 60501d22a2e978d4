/**
 * The contract's Conventions, checked on the running local stack: every error status, as
 * problem+json, for the routes of the review workflow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/stack.ts';
import { type Call, type Reply, runningDesk, type Tokens } from '../support/http.ts';

let stack: LocalStack;
let call: Call;
let tokens: Tokens;

beforeAll(async () => {
  ({ stack, call, tokens } = await runningDesk());
});
afterAll(async () => {
  await stack?.stop();
});

function expectProblem(reply: Reply, status: number) {
  expect(reply.status, reply.text).toBe(status);
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(reply.json).toMatchObject({ type: expect.any(String), title: expect.any(String), status });
}

const openCase = async () =>
  (
    await call('POST', '/admin/cases', {
      token: tokens.editor,
      body: { text: '监测发现错误', topic: 'personnel', source: 'monitoring' },
    })
  ).json;

describe('400: malformed or invalid requests list every bad field', () => {
  it('malformed JSON', async () => {
    const reply = await call('POST', '/submissions', {
      raw: '{"text": "未闭合',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(reply, 400);
  });

  it('every invalid field at once, unknown fields included, lengths in characters', async () => {
    const reply = await call('POST', '/submissions', {
      body: {
        text: '错'.repeat(5001),
        url: 'ftp://example.org/file',
        topic: 'no-such-topic',
        evidence: ['javascript:alert(1)'],
        language: 'fr',
        contact: { email: 'not-an-email', phone: '13800138000', fax: '1' },
        extra: true,
      },
    });
    expectProblem(reply, 400);
    const paths = reply.json.errors.map((error: { path: string }) => error.path).sort();
    expect(paths).toEqual(
      [
        'contact.email',
        'contact.fax',
        'contact.phone',
        'evidence[0]',
        'extra',
        'language',
        'text',
        'topic',
        'url',
      ].sort(),
    );
  });

  it('5000 Chinese characters are fine; whitespace-only text is not', async () => {
    expect((await call('POST', '/submissions', { body: { text: '错'.repeat(5000) } })).status).toBe(201);
    expectProblem(await call('POST', '/submissions', { body: { text: '   ' } }), 400);
  });

  it('a tampered cursor', async () => {
    const page = await call('GET', '/admin/cases?limit=1', { token: tokens.editor });
    await openCase();
    await openCase();
    const next = (await call('GET', '/admin/cases?limit=1', { token: tokens.editor })).json
      .nextCursor as string;
    expect(page.status).toBe(200);
    expectProblem(
      await call('GET', `/admin/cases?limit=1&cursor=${encodeURIComponent(`${next}x`)}`, {
        token: tokens.editor,
      }),
      400,
    );
    expectProblem(await call('GET', '/admin/cases?limit=0', { token: tokens.editor }), 400);
    expectProblem(await call('GET', '/admin/cases?status=archived', { token: tokens.editor }), 400);
  });
});

describe('401 and 403', () => {
  it('no token, a bad token, an expired token', async () => {
    expectProblem(await call('GET', '/admin/cases'), 401);
    expectProblem(await call('GET', '/admin/cases', { token: 'not.a.jwt' }), 401);
    const expired = await stack.issueToken({ sub: 'x', groups: ['editor'] }, -60);
    expectProblem(await call('GET', '/admin/cases', { token: expired }), 401);
  });

  it('a group that may not', async () => {
    const c = await openCase();
    expectProblem(
      await call('POST', `/admin/cases/${c.id}/close`, {
        token: tokens.reviewer,
        ifMatch: 1,
        body: { reason: 'x' },
      }),
      403,
    );
    const none = await stack.issueToken({ sub: 'nobody', groups: [] });
    expectProblem(await call('GET', '/admin/cases', { token: none }), 403);
    expectProblem(
      await call('PUT', '/admin/topics/new-topic', {
        token: tokens.editor,
        body: { names: { 'zh-CN': '新', en: 'New' }, desk: 'x' },
      }),
      403,
    );
  });
});

describe('404, 409, 412, 428', () => {
  it('unknown ids', async () => {
    expectProblem(await call('GET', '/admin/cases/nosuchcase', { token: tokens.editor }), 404);
    expectProblem(
      await call('POST', '/admin/cases/nosuchcase/assign', {
        token: tokens.editor,
        ifMatch: 1,
        body: { assignee: 'x' },
      }),
      404,
    );
    expectProblem(await call('GET', '/corrections/nosuchcorr'), 404);
    // A malformed escape in the path names nothing: 404, not a server error.
    expectProblem(await call('GET', '/corrections/100%'), 404);
  });

  it('428 without If-Match, 412 with a stale one, with the current ETag', async () => {
    const c = await openCase();
    expectProblem(
      await call('POST', `/admin/cases/${c.id}/assign`, { token: tokens.editor, body: { assignee: 'a' } }),
      428,
    );
    expect(
      (
        await call('POST', `/admin/cases/${c.id}/assign`, {
          token: tokens.editor,
          ifMatch: 1,
          body: { assignee: 'a' },
        })
      ).status,
    ).toBe(200);
    const stale = await call('POST', `/admin/cases/${c.id}/assign`, {
      token: tokens.editor,
      ifMatch: 1,
      body: { assignee: 'b' },
    });
    expectProblem(stale, 412);
    expect(stale.headers.get('etag')).toBe('"2"');
  });

  it('409 names the current status and the allowed actions', async () => {
    const c = await openCase();
    const refused = await call('POST', `/admin/cases/${c.id}/approve`, { token: tokens.editor, ifMatch: 1 });
    expectProblem(refused, 409);
    expect(refused.json).toMatchObject({
      currentStatus: 'received',
      allowedActions: ['assign', 'close', 'update'],
    });
  });

  it('409 for the two-person rule', async () => {
    let c = await openCase();
    const go = async (path: string, token: string, body?: unknown) => {
      const reply = await call(path === 'draft' ? 'PUT' : 'POST', `/admin/cases/${c.id}/${path}`, {
        token,
        ifMatch: c.version,
        ...(body ? { body } : {}),
      });
      if (reply.status === 200) c = reply.json;
      return reply;
    };
    await go('assign', tokens.editor, { assignee: 'editor-wang' });
    await go('review', tokens.editor, { verdict: 'clarification', findings: '需说明' });
    await go('draft', tokens.editor, { type: 'clarification', headline: '澄清', body: '说明' });
    await go('submit', tokens.editor);
    expectProblem(await go('approve', tokens.editor), 409);
    expect((await go('approve', tokens.otherEditor)).status).toBe(200);
  });

  it("409 naming the rule when the draft's writer approves after someone else added a full stop and submitted", async () => {
    let c = await openCase();
    const go = async (method: string, path: string, token: string, body?: unknown) => {
      const reply = await call(method, `/admin/cases/${c.id}/${path}`, {
        token,
        ifMatch: c.version,
        ...(body ? { body } : {}),
      });
      if (reply.status === 200) c = reply.json;
      return reply;
    };
    await go('POST', 'assign', tokens.editor, { assignee: 'reviewer-li' });
    await go('POST', 'review', tokens.reviewer, { verdict: 'correction', findings: '人数有误' });
    const draft = { type: 'correction', headline: '关于受伤人数的更正', body: '受伤人数为1人，不是3人' };
    await go('PUT', 'draft', tokens.editor, draft);
    await go('PUT', 'draft', tokens.reviewer, { ...draft, body: `${draft.body}。` });
    expect((await go('POST', 'submit', tokens.reviewer)).status).toBe(200);
    expect(c.draftAuthors).toEqual(['editor-wang', 'reviewer-li']);

    const refused = await go('POST', 'approve', tokens.editor);
    expectProblem(refused, 409);
    expect(refused.json).toMatchObject({ code: 'two-person-rule', currentStatus: 'awaiting_approval' });
    expect(refused.json.detail).toMatch(/two-person rule/);
    expect((await call('GET', `/admin/cases/${c.id}`, { token: tokens.admin })).json.status).toBe(
      'awaiting_approval',
    );
    expect((await go('POST', 'approve', tokens.otherEditor)).json.approval.approver).toBe('editor-zhou');
  });
});

describe('413, 415, 422', () => {
  it('a body over 64 KiB', async () => {
    expectProblem(
      await call('POST', '/submissions', {
        raw: JSON.stringify({ text: 'x'.repeat(70_000) }),
        headers: { 'content-type': 'application/json' },
      }),
      413,
    );
  });

  it('a body that is not JSON', async () => {
    expectProblem(
      await call('POST', '/submissions', {
        raw: 'text=hello',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      415,
    );
    expectProblem(
      await call('POST', '/submissions', { raw: '{"text":"x"}', headers: { 'content-type': 'text/plain' } }),
      415,
    );
  });

  it('an Idempotency-Key reused with another body; the same body gets the first answer', async () => {
    const first = await call('POST', '/submissions', {
      body: { text: '第一次' },
      headers: { 'idempotency-key': 'e2e-key' },
    });
    const again = await call('POST', '/submissions', {
      body: { text: '第一次' },
      headers: { 'idempotency-key': 'e2e-key' },
    });
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expectProblem(
      await call('POST', '/submissions', {
        body: { text: '第二次' },
        headers: { 'idempotency-key': 'e2e-key' },
      }),
      422,
    );
    const staff = { text: '员工报告', topic: 'personnel', source: 'staff' };
    const opened = await call('POST', '/admin/cases', {
      token: tokens.editor,
      body: staff,
      headers: { 'idempotency-key': 'k' },
    });
    const replayed = await call('POST', '/admin/cases', {
      token: tokens.editor,
      body: staff,
      headers: { 'idempotency-key': 'k' },
    });
    expect(replayed.json.id).toBe(opened.json.id);
  });
});

describe('429', () => {
  it('too many subscription requests for one address, with Retry-After', async () => {
    let last: Reply | undefined;
    for (let i = 0; i < 40; i++) {
      last = await call('POST', '/subscriptions', {
        body: { channel: 'email', address: 'flood@example.org', topics: ['personnel'] },
      });
      if (last.status === 429) break;
    }
    expectProblem(last as Reply, 429);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
