/**
 * The desk's keys, as one secret (deployed: the link secret in Secrets Manager; locally: the
 * `link-secret` file of the data directory, or a fresh ring per run):
 *
 *   { "links":   { "current": "<id>", "keys": { "<id>": "<key>", ... } },
 *     "cursors": { "current": "<id>", "keys": { "<id>": "<key>", ... } },
 *     "data": "<key>" }
 *
 * Links (unsubscribe and tracking tokens, form tokens) and cursors are signed with separate keys; each
 * token and cursor carries the id of the key that signed it, so after a rotation the current key signs
 * and every key still listed verifies. `data` keys what must stay stable (recipient hashes, which are
 * table keys) and is never rotated by `npm run rotate-keys`.
 *
 * A secret that is not JSON is the single key of earlier versions: it stands for both sets (id "0")
 * and for `data`, and tokens it signed without a key id still verify against every listed key.
 */
import { randomBytes } from 'node:crypto';

export interface KeySet {
  current: string;
  keys: Record<string, string>;
}

export interface Keyring {
  links: KeySet;
  cursors: KeySet;
  data: string;
}

export type RotatedSet = 'links' | 'cursors';

const keyIdPattern = /^[0-9a-z-]{1,24}$/;

const newKey = (): string => randomBytes(32).toString('base64url');

/** A key id that sorts by when it was made: `k` and the UTC date and time to the second. */
export const keyIdAt = (date: Date): string =>
  `k${date.toISOString().replace(/[-:T]/g, '').slice(0, 14).toLowerCase()}`;

export function newKeyring(now = new Date()): Keyring {
  const id = keyIdAt(now);
  return {
    links: { current: id, keys: { [id]: newKey() } },
    cursors: { current: id, keys: { [id]: newKey() } },
    data: newKey(),
  };
}

function keySet(value: unknown, name: string): KeySet {
  const set = value as Partial<KeySet> | undefined;
  const keys = set?.keys;
  if (!set || typeof set.current !== 'string' || typeof keys !== 'object' || keys === null) {
    throw new Error(`The key ring's "${name}" needs "current" and "keys"`);
  }
  for (const [id, key] of Object.entries(keys)) {
    if (!keyIdPattern.test(id) || typeof key !== 'string' || key.length < 16) {
      throw new Error(`The key ring's "${name}" has a malformed key "${id}"`);
    }
  }
  if (!(set.current in keys)) throw new Error(`The key ring's "${name}" has no key "${set.current}"`);
  return { current: set.current, keys: { ...keys } };
}

export function parseKeyring(secret: string): Keyring {
  const text = secret.trim();
  if (!text.startsWith('{')) {
    if (text.length < 16) throw new Error('The link secret is too short');
    const legacy = { current: '0', keys: { '0': text } };
    return { links: legacy, cursors: legacy, data: text };
  }
  const parsed = JSON.parse(text) as Partial<Keyring>;
  if (typeof parsed.data !== 'string' || parsed.data.length < 16)
    throw new Error('The key ring needs "data"');
  return {
    links: keySet(parsed.links, 'links'),
    cursors: keySet(parsed.cursors, 'cursors'),
    data: parsed.data,
  };
}

export const serializeKeyring = (ring: Keyring): string => JSON.stringify(ring, null, 2);

/**
 * A new current key for each named set; the previous keys stay listed (newest first, at most `keep`
 * in all), so everything they signed still verifies until it falls off the list.
 */
export function rotateKeyring(
  ring: Keyring,
  sets: ReadonlyArray<RotatedSet>,
  options: { now?: Date; keep?: number } = {},
): Keyring {
  const id = keyIdAt(options.now ?? new Date());
  const keep = options.keep ?? 5;
  const rotated = { ...ring };
  for (const name of sets) {
    const set = ring[name];
    if (id in set.keys)
      throw new Error(`A "${name}" key ${id} exists already: wait a second and rotate again`);
    const previous = Object.entries(set.keys)
      .sort(([a], [b]) => (a === set.current ? -1 : b === set.current ? 1 : b.localeCompare(a)))
      .slice(0, Math.max(0, keep - 1));
    rotated[name] = { current: id, keys: Object.fromEntries([[id, newKey()], ...previous]) };
  }
  return rotated;
}
