/**
 * Secrets the public holds (tracking, confirmation and unsubscribe tokens) and values the desk hands
 * out and must get back unchanged (cursors). Tokens are stored only as hashes; derived tokens are
 * HMACs of the link secret, so a message can carry a link without the plain token being stored.
 */
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

export function tokenMatches(token: string, hash: string): boolean {
  const actual = Buffer.from(hashToken(token), 'hex');
  const expected = Buffer.from(hash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** SHA-256 of a canonical text, for comparing requests and addresses without keeping them. */
export const digest = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Crockford's base32 alphabet in lower case: no i, l, o, u, so ids read aloud and type cleanly. */
const idAlphabet = '0123456789abcdefghjkmnpqrstvwxyz';

export function randomId(length: number): string {
  let id = '';
  for (let i = 0; i < length; i++) id += idAlphabet[randomInt(idAlphabet.length)];
  return id;
}

export const randomDigits = (count: number): string =>
  Array.from({ length: count }, () => String(randomInt(10))).join('');

export class Signer {
  constructor(private readonly secret: string) {}

  /** A token only the holder of the secret can produce for (purpose, id). */
  derive(purpose: string, id: string): string {
    return createHmac('sha256', this.secret).update(`${purpose}\n${id}`, 'utf8').digest('base64url');
  }

  /** A tamper-evident, opaque string carrying `value`. */
  seal(purpose: string, value: unknown): string {
    const body = Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
    return `${body}.${this.derive(purpose, body).slice(0, 22)}`;
  }

  /** The value sealed for `purpose`, or undefined if the string was not made by `seal` or was altered. */
  open(purpose: string, sealed: string): unknown {
    const [body, mac, ...rest] = sealed.split('.');
    if (!body || !mac || rest.length > 0) return undefined;
    const expected = Buffer.from(this.derive(purpose, body).slice(0, 22));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      return JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
  }
}
