/**
 * Phone numbers, checked against libphonenumber's mobile metadata without its formatting rules (see
 * scripts/phone-metadata.ts): the desk texts numbers, so a number is valid when it can be a mobile
 * one, and its country is what the SMS allow-list is checked against.
 */
import { type MetadataJson, parsePhoneNumber } from 'libphonenumber-js/core';
import { servedFile } from '../runtime/served-file.ts';

// Served beside the bundle (a function definition's `files`) and parsed on first use: only a request
// that checks a phone number pays for the metadata, not every cold start. Located here, not at the
// module's top, so that a bundle that never checks a number drops it (and is not given the file).
let metadata: MetadataJson | undefined;
const mobileMetadata = (): MetadataJson => {
  metadata ??= JSON.parse(
    servedFile(new URL('./phone-metadata.generated.json', import.meta.url))(),
  ) as MetadataJson;
  return metadata;
};

const parsed = (e164: string) => {
  // Read outside the try: a missing metadata file is the deployment's fault, not an invalid number.
  const mobile = mobileMetadata();
  try {
    return parsePhoneNumber(e164, mobile);
  } catch {
    return undefined;
  }
};

/** E.164 (+ and 8 to 15 digits) and a number that can be a mobile in its country. */
export const isValidPhone = (value: string): boolean =>
  /^\+[1-9]\d{7,14}$/.test(value) && parsed(value)?.isValid() === true;

/** The ISO country of an E.164 number, when its digits say which. */
export const phoneCountry = (e164: string): string | undefined => parsed(e164)?.country;
