/** The console's calls to the desk's API: bearer token, JSON, ETags, and problem+json as errors. */
import type { FieldProblem } from './model.ts';

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  /** Stable: what the console translates (detail is the server's English). */
  code?: string;
  detail?: string;
  errors?: FieldProblem[];
}

/** A refused or failed call; status 0 when the server could not be reached at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem?: Problem,
    readonly retryAfter?: string,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
  }
}

export interface Answer<T> {
  data: T;
  etag: string | null;
}

export interface RequestOptions {
  body?: unknown;
  ifMatch?: string;
  idempotencyKey?: string;
  /** A body that is not JSON (a CSV file), sent as is with its media type. */
  raw?: { body: string; contentType: string };
}

export interface Api {
  call<T>(method: string, path: string, options?: RequestOptions): Promise<Answer<T>>;
}

async function problemOf(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Partial<Problem>;
    return { ...body, status: response.status };
  } catch {
    return { status: response.status };
  }
}

/**
 * `base` is the API's root (the console lives at <root>/console, so paths are resolved from it).
 * `token` gives a bearer token that is still valid; a 401 means the session ended, and `signedOut` is told.
 */
export function createApi(base: URL, token: () => Promise<string>, signedOut: () => void): Api {
  return {
    async call<T>(method: string, path: string, options: RequestOptions = {}): Promise<Answer<T>> {
      const headers: Record<string, string> = {
        accept: 'application/json',
        authorization: `Bearer ${await token()}`,
      };
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      if (options.raw) headers['content-type'] = options.raw.contentType;
      if (options.ifMatch) headers['if-match'] = options.ifMatch;
      if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
      let response: Response;
      try {
        response = await fetch(new URL(path.replace(/^\//, ''), base), {
          method,
          headers,
          cache: 'no-store',
          ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
          ...(options.raw ? { body: options.raw.body } : {}),
        });
      } catch {
        throw new ApiError(0);
      }
      if (!response.ok) {
        const problem = await problemOf(response);
        if (response.status === 401) signedOut();
        throw new ApiError(response.status, problem, response.headers.get('retry-after') ?? undefined);
      }
      const text = await response.text();
      return { data: (text ? JSON.parse(text) : undefined) as T, etag: response.headers.get('etag') };
    },
  };
}
