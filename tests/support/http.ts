/** A small HTTP client for tests against the running local stack: raw status, headers and body. */
import { demoTopics } from '../../local/demo-topics.ts';
import { type LocalStack, type LocalStackOptions, startLocalStack } from '../../local/stack.ts';

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON shapes
  json: any;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** A raw body sent as is (for malformed or non-JSON requests). */
  raw?: string;
  headers?: Record<string, string>;
  ifMatch?: number | string;
}

export function httpClient(baseUrl: string) {
  return async function call(method: string, path: string, options: CallOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.ifMatch !== undefined
        ? { 'if-match': typeof options.ifMatch === 'number' ? `"${options.ifMatch}"` : options.ifMatch }
        : {}),
      ...options.headers,
    };
    const body = options.raw ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined);
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  };
}

export type Call = ReturnType<typeof httpClient>;

/** Polls until `check` returns something truthy, or fails after `ms`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  ms = 15_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Not true within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** Editors of each group, with tokens from the stack's own /dev/token authority. */
export async function editors(stack: LocalStack) {
  return {
    admin: await stack.issueToken({ sub: 'admin-chen', name: '陈主任', groups: ['admin'] }),
    reviewer: await stack.issueToken({ sub: 'reviewer-li', name: '李审核', groups: ['reviewer'] }),
    editor: await stack.issueToken({ sub: 'editor-wang', name: '王编辑', groups: ['editor'] }),
    otherEditor: await stack.issueToken({ sub: 'editor-zhou', name: '周编辑', groups: ['editor'] }),
  };
}

/**
 * A local stack of the test file's own on a free port, with the demo topic catalogue, an HTTP client
 * and a token per editor group; `stop` in afterAll.
 */
export async function runningDesk(options: Omit<LocalStackOptions, 'port' | 'log'> = {}) {
  const stack = await startLocalStack({ ...options, port: 0, log: () => undefined });
  const call = httpClient(stack.url);
  const tokens = await editors(stack);
  for (const { key, ...topic } of demoTopics) {
    const saved = await call('PUT', `/admin/topics/${key}`, { token: tokens.admin, body: topic });
    if (saved.status !== 200) throw new Error(`Topic ${key} not saved: ${saved.text}`);
  }
  return { stack, call, tokens };
}

export type Tokens = Awaited<ReturnType<typeof editors>>;
