/**
 * The OAuth 2.0 authorization code flow with PKCE (RFC 7636) against Cognito's hosted UI, as
 * requests: the console is a public client, so the code verifier stands in for a client secret.
 */

export interface CognitoClient {
  /** The user pool domain, e.g. https://desk.auth.eu-central-1.amazoncognito.com. */
  domainUrl: string;
  clientId: string;
  /** The console's address, registered with the app client as callback and sign-out URL. */
  redirectUri: string;
}

/** The scopes the app client allows; profile brings the name shown in history and the header. */
const scopes = 'openid email profile';

const base64Url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** Unguessable: 32 random bytes give the 43-character verifier RFC 7636 asks for. */
export const randomToken = (bytes = 32): string => base64Url(crypto.getRandomValues(new Uint8Array(bytes)));

/** The S256 challenge of a verifier. */
export async function codeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

export function authorizeUrl(client: CognitoClient, state: string, challenge: string): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    scope: scopes,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  return `${client.domainUrl}/oauth2/authorize?${query}`;
}

export interface FormRequest {
  url: string;
  body: URLSearchParams;
}

export const codeExchange = (client: CognitoClient, code: string, verifier: string): FormRequest => ({
  url: `${client.domainUrl}/oauth2/token`,
  body: new URLSearchParams({
    grant_type: 'authorization_code',
    client_id: client.clientId,
    code,
    redirect_uri: client.redirectUri,
    code_verifier: verifier,
  }),
});

export const refreshExchange = (client: CognitoClient, refreshToken: string): FormRequest => ({
  url: `${client.domainUrl}/oauth2/token`,
  body: new URLSearchParams({
    grant_type: 'refresh_token',
    client_id: client.clientId,
    refresh_token: refreshToken,
  }),
});

/** Revokes the refresh token (and the tokens issued with it): signing out ends the session, not just the tab's copy. */
export const revocation = (client: CognitoClient, refreshToken: string): FormRequest => ({
  url: `${client.domainUrl}/oauth2/revoke`,
  body: new URLSearchParams({ token: refreshToken, client_id: client.clientId }),
});

/** Ends the hosted UI's own session too, then comes back to the console. */
export const logoutUrl = (client: CognitoClient): string =>
  `${client.domainUrl}/logout?${new URLSearchParams({ client_id: client.clientId, logout_uri: client.redirectUri })}`;

/** What the token endpoint answers; refresh_token only for the code exchange. */
export interface TokenResponse {
  id_token: string;
  access_token: string;
  refresh_token?: string;
  expires_in: number;
  token_type: string;
}

export function isTokenResponse(value: unknown): value is TokenResponse {
  const candidate = value as Partial<TokenResponse> | null;
  return typeof candidate?.id_token === 'string' && typeof candidate.access_token === 'string';
}
