import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../domain/errors.ts';
import { formTokenField, formTokenMaxAgeSeconds, issueFormToken, requireFormToken } from './form-token.ts';
import { Signer } from './tokens.ts';

const signer = new Signer('form-secret');
const now = Date.UTC(2026, 10, 28, 12);

const refusal = (run: () => void) => {
  try {
    run();
  } catch (error) {
    return error instanceof InvalidInput ? error.errors : error;
  }
  return undefined;
};

describe('form tokens', () => {
  it('a token the page issued is accepted for its own form, within its age', () => {
    const token = issueFormToken(signer, 'subscribe', now);
    expect(
      refusal(() => requireFormToken(signer, 'subscribe', { [formTokenField]: token }, now + 60_000)),
    ).toBe(undefined);
  });

  it('refuses, naming the field: none, another form’s, another desk’s, tampered, expired, from the future', () => {
    const token = issueFormToken(signer, 'subscribe', now);
    const cases: Array<Record<string, string | undefined>> = [
      {},
      { [formTokenField]: '' },
      { [formTokenField]: issueFormToken(signer, 'report', now) },
      { [formTokenField]: issueFormToken(new Signer('other'), 'subscribe', now) },
      { [formTokenField]: `${token}x` },
    ];
    for (const fields of cases) {
      expect(refusal(() => requireFormToken(signer, 'subscribe', fields, now))).toEqual([
        { path: formTokenField, message: expect.stringMatching(/reload the page/) },
      ]);
    }
    const late = now + (formTokenMaxAgeSeconds + 1) * 1000;
    expect(
      refusal(() => requireFormToken(signer, 'subscribe', { [formTokenField]: token }, late)),
    ).toHaveLength(1);
    const early = now - 60_000;
    expect(
      refusal(() => requireFormToken(signer, 'subscribe', { [formTokenField]: token }, early)),
    ).toHaveLength(1);
  });
});
