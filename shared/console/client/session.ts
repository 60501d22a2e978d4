/**
 * Who is signed in, kept in sessionStorage (gone with the tab). Locally a picked identity gets a token
 * from POST /dev/token; deployed, Cognito's hosted UI signs in and the code is exchanged with PKCE.
 * The ID token is the bearer: its audience is the app client the API's authorizer expects, and it
 * carries the name and groups the API reads.
 */
import type { Role } from '../../domain/roles.ts';
import { type Claims, readClaims } from './model.ts';
import {
  authorizeUrl,
  type CognitoClient,
  codeChallenge,
  codeExchange,
  type FormRequest,
  isTokenResponse,
  logoutUrl,
  randomToken,
  refreshExchange,
  revocation,
  type TokenResponse,
} from './oauth.ts';

export interface Session {
  token: string;
  refreshToken?: string;
  claims: Claims;
}

const sessionKey = 'corrections-console.session';
const flowKey = 'corrections-console.sign-in';
/** A token this close to expiry is renewed (or given up) before a call rather than sent to fail. */
const expiryMarginMs = 30_000;

function keep(token: string, refreshToken?: string): Session {
  const session = { token, ...(refreshToken ? { refreshToken } : {}), claims: readClaims(token) };
  sessionStorage.setItem(sessionKey, JSON.stringify({ token, refreshToken }));
  return session;
}

export function loadSession(): Session | undefined {
  try {
    const stored = JSON.parse(sessionStorage.getItem(sessionKey) ?? 'null') as {
      token: string;
      refreshToken?: string;
    } | null;
    if (!stored) return undefined;
    return { ...stored, claims: readClaims(stored.token) };
  } catch {
    sessionStorage.removeItem(sessionKey);
    return undefined;
  }
}

export const clearSession = (): void => sessionStorage.removeItem(sessionKey);

export const isFresh = (session: Session, now = Date.now()): boolean =>
  session.claims.exp * 1000 - expiryMarginMs > now;

async function postForm(request: FormRequest): Promise<TokenResponse> {
  const response = await fetch(request.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: request.body,
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok || !isTokenResponse(body)) {
    const error = (body as { error?: string } | undefined)?.error;
    throw new Error(error ?? `HTTP ${response.status}`);
  }
  return body;
}

export async function devSignIn(
  apiBase: URL,
  identity: { sub: string; name?: string; groups: Role[] },
): Promise<Session> {
  const response = await fetch(new URL('dev/token', apiBase), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(identity),
  });
  const body = (await response.json().catch(() => ({}))) as {
    token?: string;
    detail?: string;
    errors?: Array<{ path: string; message: string }>;
  };
  if (!response.ok || !body.token) {
    const reasons = body.errors?.map((error) => `${error.path}: ${error.message}`).join('; ');
    throw new Error(reasons || body.detail || `HTTP ${response.status}`);
  }
  return keep(body.token);
}

/** Off to the hosted UI; `returnTo` (the console's #route) is where the editor lands afterwards. */
export async function startCognitoSignIn(client: CognitoClient, returnTo: string): Promise<void> {
  const state = randomToken(16);
  const verifier = randomToken();
  sessionStorage.setItem(flowKey, JSON.stringify({ state, verifier, returnTo }));
  location.assign(authorizeUrl(client, state, await codeChallenge(verifier)));
}

/** Back from the hosted UI with ?code&state (or ?error): the code for tokens, once, for this tab's flow. */
export async function completeCognitoSignIn(
  client: CognitoClient,
  query: URLSearchParams,
): Promise<{ session: Session; returnTo: string }> {
  const flow = JSON.parse(sessionStorage.getItem(flowKey) ?? 'null') as {
    state: string;
    verifier: string;
    returnTo: string;
  } | null;
  sessionStorage.removeItem(flowKey);
  const error = query.get('error');
  if (error) throw new Error(query.get('error_description') ?? error);
  const code = query.get('code');
  // A state that is not this tab's is someone else's sign-in (or a replay): never exchanged.
  if (!flow || !code || query.get('state') !== flow.state) throw new Error('unexpected sign-in response');
  const tokens = await postForm(codeExchange(client, code, flow.verifier));
  return { session: keep(tokens.id_token, tokens.refresh_token), returnTo: flow.returnTo };
}

/** A new ID token from the refresh token; undefined when that is not possible any more. */
export async function renew(client: CognitoClient, session: Session): Promise<Session | undefined> {
  if (!session.refreshToken) return undefined;
  try {
    const tokens = await postForm(refreshExchange(client, session.refreshToken));
    return keep(tokens.id_token, tokens.refresh_token ?? session.refreshToken);
  } catch {
    return undefined;
  }
}

/** Forgets the tokens; with Cognito also revokes the refresh token and ends the hosted UI's session. */
export async function signOut(
  client: CognitoClient | undefined,
  session: Session | undefined,
): Promise<void> {
  clearSession();
  if (!client) return;
  if (session?.refreshToken) {
    const { url, body } = revocation(client, session.refreshToken);
    // Best effort: the tokens are gone from this tab whatever the answer.
    await fetch(url, { method: 'POST', body, keepalive: true }).catch(() => undefined);
  }
  location.assign(logoutUrl(client));
}
