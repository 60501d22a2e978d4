import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { phoneMetadata, phoneMetadataJson } from '../../scripts/phone-metadata.ts';
import { isValidPhone, phoneCountry } from './phone.ts';

describe('phone numbers', () => {
  it('accepts mobiles in E.164 form and says their country', () => {
    expect(isValidPhone('+8613800138000')).toBe(true);
    expect(phoneCountry('+8613800138000')).toBe('CN');
    expect(isValidPhone('+14155552671')).toBe(true);
    expect(phoneCountry('+14155552671')).toBe('US');
    expect(isValidPhone('+85291234567')).toBe(true);
    expect(phoneCountry('+85291234567')).toBe('HK');
  });

  it('refuses numbers that cannot take an SMS, are too short, or are not E.164', () => {
    expect(isValidPhone('+862012345678')).toBe(false); // a Beijing landline
    expect(isValidPhone('+86138001380')).toBe(false);
    expect(isValidPhone('+88213')).toBe(false);
    expect(isValidPhone('8613800138000')).toBe(false);
    expect(isValidPhone('+86 138 0013 8000')).toBe(false);
    expect(phoneCountry('+999')).toBeUndefined();
  });

  it('uses metadata generated from the installed libphonenumber-js (npm run phone-metadata)', async () => {
    expect(JSON.parse(await readFile(phoneMetadataJson, 'utf8'))).toEqual(await phoneMetadata());
  });
});
