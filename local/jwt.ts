/**
 * The local stand-in for Cognito and the HTTP API JWT authorizer: an ES256 key pair made at start
 * issues editor tokens, and verification checks what the authorizer checks (signature, issuer,
 * audience, expiry), then hands the claims on in the authorizer's string form.
 */
import {
  errors,
  generateKeyPair,
  type CryptoKey as JoseKey,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';
import type { Role } from '../shared/domain/roles.ts';
import type { JwtAuthorizer } from './http-event.ts';

export const localAudience = 'corrections-desk-local';
const algorithm = 'ES256';

export interface EditorClaims {
  sub: string;
  name?: string;
  groups: Role[];
}

export type Verification = { ok: true; authorizer: JwtAuthorizer } | { ok: false; detail: string };

export interface TokenAuthority {
  issuer: string;
  /** A signed token; a ttl of zero or less gives one that has already expired. */
  issue(claims: EditorClaims, ttlSeconds?: number): Promise<string>;
  /** The value of an Authorization header ("Bearer <jwt>", or the bare token as the authorizer also takes). */
  verify(authorization: string | undefined): Promise<Verification>;
}

export interface KeyPair {
  privateKey: JoseKey;
  publicKey: JoseKey;
}

/** Keys are made fresh unless given (tests give them, to sign tokens the authority did not issue). */
export async function createTokenAuthority(issuer: string, keys?: KeyPair): Promise<TokenAuthority> {
  const { privateKey, publicKey } = keys ?? (await generateKeyPair(algorithm));
  return {
    issuer,
    issue: (claims, ttlSeconds = 3600) => sign(privateKey, issuer, claims, ttlSeconds),
    async verify(authorization) {
      const token = authorization?.replace(/^Bearer\s+/i, '').trim();
      if (!token)
        return { ok: false, detail: 'The request has no bearer token in its Authorization header.' };
      try {
        const { payload } = await jwtVerify(token, publicKey, {
          issuer,
          audience: localAudience,
          algorithms: [algorithm],
          requiredClaims: ['exp'],
        });
        return {
          ok: true,
          authorizer: { jwt: { claims: authorizerClaims(payload), scopes: scopes(payload) } },
        };
      } catch (error) {
        return { ok: false, detail: rejection(error) };
      }
    },
  };
}

async function sign(key: JoseKey, issuer: string, claims: EditorClaims, ttlSeconds: number): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    ...(claims.name === undefined ? {} : { name: claims.name }),
    'cognito:groups': claims.groups,
  })
    .setProtectedHeader({ alg: algorithm, typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(issuer)
    .setAudience(localAudience)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(key);
}

/**
 * Claims as the HTTP API authorizer passes them: every value a string, an array written like
 * `[editor reviewer]` (so `cognito:groups` has to be parsed by the function, as it does deployed).
 */
function authorizerClaims(payload: JWTPayload): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (value === undefined) continue;
    claims[name] = Array.isArray(value)
      ? `[${value.map(String).join(' ')}]`
      : typeof value === 'object' && value !== null
        ? JSON.stringify(value)
        : String(value);
  }
  return claims;
}

/** OAuth scopes of an access token; ID tokens have none, which the authorizer passes as null. */
function scopes(payload: JWTPayload): string[] | null {
  return typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : null;
}

function rejection(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired.';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The token signature is not valid.';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'The token was not issued by this stack.';
    if (error.claim === 'aud') return 'The token is not meant for this API.';
    return `The token's "${error.claim}" claim is not valid.`;
  }
  return 'The token is not a valid JWT.';
}
