/** The desk's signers from the key ring in its link secret (security/keyring.ts). */
import { keyRecipientHashes } from '../domain/recipient.ts';
import { parseKeyring } from '../security/keyring.ts';
import { Signer } from '../security/tokens.ts';

/**
 * The link and cursor signers, and the data key, with recipient hashes keyed for this process. Links
 * and cursors under separate keys: a leaked cursor key forges no unsubscribe link.
 */
export function keyed(secret: string): { signer: Signer; cursorSigner: Signer; dataKey: string } {
  const ring = parseKeyring(secret);
  keyRecipientHashes(ring.data);
  return { signer: new Signer(ring.links), cursorSigner: new Signer(ring.cursors), dataKey: ring.data };
}
