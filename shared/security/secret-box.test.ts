import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box.ts';

describe('the secret box', () => {
  it('opens what it sealed, for the same context only, and never stores the plain secret', async () => {
    const box = new SecretBox(async () => 'key material');
    const sealed = await box.seal('whsec_abc', 'webhook-1');
    expect(sealed).not.toContain('whsec_abc');
    expect(await box.open(sealed, 'webhook-1')).toBe('whsec_abc');
    await expect(box.open(sealed, 'webhook-2')).rejects.toThrow();
    await expect(new SecretBox(async () => 'other key').open(sealed, 'webhook-1')).rejects.toThrow();
    expect(await box.seal('whsec_abc', 'webhook-1')).not.toBe(sealed);
  });
});
