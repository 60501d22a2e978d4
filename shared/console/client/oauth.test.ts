import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  authorizeUrl,
  type CognitoClient,
  codeChallenge,
  codeExchange,
  isTokenResponse,
  logoutUrl,
  randomToken,
  refreshExchange,
  revocation,
} from './oauth.ts';

const client: CognitoClient = {
  domainUrl: 'https://desk-prod.auth.eu-central-1.amazoncognito.com',
  clientId: 'client123',
  redirectUri: 'https://corrections.example.org/console',
};

describe('PKCE', () => {
  it('makes 43-character base64url verifiers, different every time', () => {
    const verifier = randomToken();
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(verifier);
  });

  it('challenges with the unpadded base64url SHA-256 of the verifier (S256)', async () => {
    const verifier = randomToken();
    expect(await codeChallenge(verifier)).toBe(createHash('sha256').update(verifier).digest('base64url'));
  });
});

describe('the hosted UI’s requests', () => {
  it('asks for a code, with the state and challenge, to come back to the console', () => {
    const url = new URL(authorizeUrl(client, 'state-1', 'challenge-1'));
    expect(url.origin + url.pathname).toBe(`${client.domainUrl}/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client123',
      redirect_uri: 'https://corrections.example.org/console',
      scope: 'openid email profile',
      state: 'state-1',
      code_challenge: 'challenge-1',
      code_challenge_method: 'S256',
    });
  });

  it('exchanges the code with the verifier and no secret, and refreshes and revokes by client id', () => {
    const exchange = codeExchange(client, 'code-1', 'verifier-1');
    expect(exchange.url).toBe(`${client.domainUrl}/oauth2/token`);
    expect(Object.fromEntries(exchange.body)).toEqual({
      grant_type: 'authorization_code',
      client_id: 'client123',
      code: 'code-1',
      redirect_uri: client.redirectUri,
      code_verifier: 'verifier-1',
    });
    expect(Object.fromEntries(refreshExchange(client, 'r-1').body)).toEqual({
      grant_type: 'refresh_token',
      client_id: 'client123',
      refresh_token: 'r-1',
    });
    const revoke = revocation(client, 'r-1');
    expect(revoke.url).toBe(`${client.domainUrl}/oauth2/revoke`);
    expect(Object.fromEntries(revoke.body)).toEqual({ token: 'r-1', client_id: 'client123' });
  });

  it('signs out of the hosted UI back to the console', () => {
    const url = new URL(logoutUrl(client));
    expect(url.pathname).toBe('/logout');
    expect(url.searchParams.get('client_id')).toBe('client123');
    expect(url.searchParams.get('logout_uri')).toBe(client.redirectUri);
  });

  it('knows a token response when it sees one', () => {
    expect(
      isTokenResponse({ id_token: 'a', access_token: 'b', expires_in: 3600, token_type: 'Bearer' }),
    ).toBe(true);
    expect(isTokenResponse({ error: 'invalid_grant' })).toBe(false);
    expect(isTokenResponse(null)).toBe(false);
  });
});
