/**
 * Secrets the public holds (tracking, confirmation and unsubscribe tokens) and values the desk hands
 * out and must get back unchanged (cursors). Random tokens are stored only as hashes (no key is
 * involved, so no rotation can break them); derived tokens are HMACs under the link keys, so a
 * message can carry a link without the plain token being stored.
 */
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { KeySet } from './keyring.ts';

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

/** An id in the same alphabet, the same every time for the same text (a job's retried step reuses it). */
export function derivedId(text: string, length: number): string {
  const bytes = createHash('sha256').update(text, 'utf8').digest();
  let id = '';
  for (let i = 0; i < length; i++) id += idAlphabet[(bytes[i] as number) % idAlphabet.length];
  return id;
}

export const randomDigits = (count: number): string =>
  Array.from({ length: count }, () => String(randomInt(10))).join('');

const legacyKeyId = '0';

const mac = (key: string, text: string): string =>
  createHmac('sha256', key).update(text, 'utf8').digest('base64url');

const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Signs with the current key of a key set and verifies with any key listed in it. What it makes
 * carries the key's id in front (`<key id>.<...>`), so a rotation (keyring.ts) changes which key signs
 * without breaking anything signed before. Values from before key ids (no id in front) were signed
 * by the single key of that time, which the key ring lists as "0".
 */
export class Signer {
  private readonly keys: KeySet;

  /** A key set, or a single key (id "0"). */
  constructor(keys: KeySet | string) {
    this.keys = typeof keys === 'string' ? { current: '0', keys: { '0': keys } } : keys;
  }

  /** The key that may have made a value signed with `keyId`: an unlabelled one predates key ids (key "0"). */
  private candidates(keyId: string | undefined): string[] {
    const key = this.keys.keys[keyId ?? legacyKeyId];
    return key === undefined ? [] : [key];
  }

  private get current(): string {
    return this.keys.keys[this.keys.current] as string;
  }

  /** A token only the holder of the keys can produce for (purpose, id), labelled with its key id. */
  derive(purpose: string, id: string): string {
    return `${this.keys.current}.${mac(this.current, `${purpose}\n${id}`)}`;
  }

  /** Whether `token` is what derive(purpose, id) gave with the current key or any listed one. */
  verifyDerived(purpose: string, id: string, token: string): boolean {
    const dot = token.indexOf('.');
    const keyId = dot < 0 ? undefined : token.slice(0, dot);
    const given = dot < 0 ? token : token.slice(dot + 1);
    return this.candidates(keyId).some((key) => sameText(mac(key, `${purpose}\n${id}`), given));
  }

  /** A tamper-evident, opaque string carrying `value`: `<key id>.<body>.<mac>`. */
  seal(purpose: string, value: unknown): string {
    const body = Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
    return `${this.keys.current}.${body}.${mac(this.current, `${purpose}\n${body}`).slice(0, 22)}`;
  }

  /** The value sealed for `purpose`, or undefined if the string was not made by `seal` or was altered. */
  open(purpose: string, sealed: string): unknown {
    const parts = sealed.split('.');
    if (parts.length < 2 || parts.length > 3) return undefined;
    const [keyId, body, given] = parts.length === 3 ? parts : [undefined, ...parts];
    if (!body || !given) return undefined;
    const valid = this.candidates(keyId).some((key) =>
      sameText(mac(key, `${purpose}\n${body}`).slice(0, 22), given),
    );
    if (!valid) return undefined;
    try {
      return JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
  }
}
