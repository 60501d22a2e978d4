/**
 * Phone numbers, checked against libphonenumber's mobile metadata without its formatting rules (see
 * scripts/phone-metadata.ts): the desk texts numbers, so a number is valid when it can be a mobile
 * one, and its country is what the SMS allow-list is checked against.
 */
import { type MetadataJson, parsePhoneNumber } from 'libphonenumber-js/core';
import metadata from './phone-metadata.generated.json' with { type: 'json' };

const mobileMetadata = metadata as unknown as MetadataJson;

const parsed = (e164: string) => {
  try {
    return parsePhoneNumber(e164, mobileMetadata);
  } catch {
    return undefined;
  }
};

/** E.164 (+ and 8 to 15 digits) and a number that can be a mobile in its country. */
export const isValidPhone = (value: string): boolean =>
  /^\+[1-9]\d{7,14}$/.test(value) && parsed(value)?.isValid() === true;

/** The ISO country of an E.164 number, when its digits say which. */
export const phoneCountry = (e164: string): string | undefined => parsed(e164)?.country;
