/**
 * Secrets the desk must use again later but never show (webhook signing secrets), stored encrypted:
 * AES-256-GCM under a key derived from key material the desk holds outside the table (deployed, a
 * Secrets Manager value of its own; locally, the local secret). The context (e.g. the webhook id) is
 * bound in as associated data, so a sealed value copied onto another item does not open.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const version = 'v1';

export class SecretBox {
  private key: Promise<Buffer> | undefined;

  constructor(private readonly keyMaterial: () => Promise<string>) {}

  async seal(plaintext: string, context: string): Promise<string> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', await this.derivedKey(), iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [version, iv, sealed, cipher.getAuthTag()]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  async open(sealed: string, context: string): Promise<string> {
    const [tag, iv, body, mac] = sealed.split('.');
    if (tag !== version || !iv || !body || !mac) throw new Error('Not a sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', await this.derivedKey(), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(mac, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }

  private derivedKey(): Promise<Buffer> {
    this.key ??= this.keyMaterial().then(
      (material) => Buffer.from(hkdfSync('sha256', material, 'corrections-desk', 'webhook-secrets', 32)),
      (error) => {
        this.key = undefined;
        throw error;
      },
    );
    return this.key;
  }
}
