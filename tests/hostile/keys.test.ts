/**
 * Key rotation: every token and cursor names its key; after `npm run rotate-keys` the new key signs
 * and the previous ones still verify, so an unsubscribe link sent before the rotation still works, a
 * cursor handed out before it still pages, and links and cursors never share a key.
 */
import { describe, expect, it } from 'vitest';
import { rotatedSecret } from '../../scripts/rotate-keys.ts';
import { Cursors } from '../../shared/adapters/dynamodb/paging.ts';
import { newKeyring, parseKeyring, rotateKeyring, serializeKeyring } from '../../shared/security/keyring.ts';
import { Signer } from '../../shared/security/tokens.ts';
import { confirmEmail } from '../../shared/usecases/confirm-subscription.ts';
import { unsubscribeToken } from '../../shared/usecases/links.ts';
import { requestSubscription } from '../../shared/usecases/request-subscription.ts';
import { unsubscribe } from '../../shared/usecases/unsubscribe.ts';
import { testDesk } from '../support/desk.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 28, 12, minute));

describe('the key ring', () => {
  it('has separate link and cursor keys, and tokens and cursors carry their key id', () => {
    const ring = newKeyring(at(0));
    expect(ring.links.current).toBe('k20261128120000');
    expect(ring.links.keys[ring.links.current]).not.toBe(ring.cursors.keys[ring.cursors.current]);
    const links = new Signer(ring.links);
    const cursors = new Signer(ring.cursors);
    expect(links.derive('unsubscribe', 'abc')).toMatch(/^k20261128120000\.[\w-]{43}$/);
    const sealed = cursors.seal('cursor', { after: 3 });
    expect(sealed.startsWith('k20261128120000.')).toBe(true);
    // The link key cannot open what the cursor key sealed, though the ids are the same.
    expect(links.open('cursor', sealed)).toBeUndefined();
    expect(cursors.open('cursor', sealed)).toEqual({ after: 3 });
  });

  it('rotation: the new key signs, previous keys verify until they fall off the list', () => {
    let ring = newKeyring(at(0));
    const before = new Signer(ring.links).derive('unsubscribe', 'abc');
    ring = rotateKeyring(ring, ['links'], { now: at(1), keep: 2 });
    const signer = new Signer(ring.links);
    expect(signer.derive('unsubscribe', 'abc').startsWith('k20261128120100.')).toBe(true);
    expect(signer.verifyDerived('unsubscribe', 'abc', before)).toBe(true);
    expect(signer.verifyDerived('unsubscribe', 'abd', before)).toBe(false);
    expect(signer.verifyDerived('unsubscribe', 'abc', `k20261128120100.${before.split('.')[1]}`)).toBe(false);
    ring = rotateKeyring(ring, ['links'], { now: at(2), keep: 2 });
    expect(Object.keys(ring.links.keys)).toEqual(['k20261128120200', 'k20261128120100']);
    expect(new Signer(ring.links).verifyDerived('unsubscribe', 'abc', before)).toBe(false);
  });

  it('a plain secret from before key ids still verifies what it signed, and rotates into a ring', () => {
    const legacySecret = 'a-plain-link-secret-of-earlier-versions';
    const legacyToken = new Signer(legacySecret).derive('unsubscribe', 'abc').split('.')[1] as string;
    const { text, summary } = rotatedSecret(legacySecret, ['links', 'cursors'], { now: at(5) });
    const ring = parseKeyring(text);
    expect(ring.links.current).toBe('k20261128120500');
    expect(ring.data).toBe(legacySecret);
    expect(new Signer(ring.links).verifyDerived('unsubscribe', 'abc', legacyToken)).toBe(true);
    expect(summary).toContain('links: current k20261128120500, also verifying 0');
  });
});

describe('rotating the keys of a running desk', () => {
  it('still honours an unsubscribe link and a cursor from before the rotation', async () => {
    const secret = serializeKeyring(newKeyring(at(0)));
    const before = await testDesk({ secret });
    const address = 'rotation@example.org';
    const requested = await requestSubscription(before, { channel: 'email', address, topics: ['*'] });
    const link = (await before.outbox.read(address)).at(-1)?.body ?? '';
    await confirmEmail(before, requested.id, /token=([\w.-]+)/.exec(link)?.[1] ?? '');
    const oldLink = unsubscribeToken(before.signer, requested.id);
    const cursor = new Cursors(new Signer(parseKeyring(secret).cursors)).encode('cases', { after: 'x' });

    const rotated = rotatedSecret(secret, ['links', 'cursors'], { now: at(1) }).text;
    const after = await testDesk({ secret: rotated, tableName: before.tableName });
    expect(unsubscribeToken(after.signer, requested.id)).not.toBe(oldLink);
    const stopped = await unsubscribe(after, requested.id, oldLink);
    expect(stopped.subscription.status).toBe('unsubscribed');
    const rotatedCursors = new Cursors(new Signer(parseKeyring(rotated).cursors));
    expect(rotatedCursors.decode('cases', cursor)).toEqual({ after: 'x' });
    expect(rotatedCursors.encode('cases', { after: 'x' })).not.toBe(cursor);
    // A desk with only the new keys no longer honours the old link.
    const forgotten = serializeKeyring(
      rotateKeyring(parseKeyring(rotated), ['links'], { now: at(2), keep: 1 }),
    );
    const later = await testDesk({ secret: forgotten, tableName: before.tableName });
    await expect(unsubscribe(later, requested.id, oldLink)).rejects.toThrow(/token does not match/);
  });
});
