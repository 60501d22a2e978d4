/**
 * Phone numbers, checked as libphonenumber-js checks an E.164 number against its mobile metadata
 * (parse, then `isValid()` and `country`), from a table generated out of that metadata at build time
 * (scripts/phone-metadata.ts): the desk texts numbers, so a number is valid when it can be a mobile
 * one, and its country is what the SMS allow-list is checked against. The library itself stays out of
 * the bundles; shared/domain/phone-equivalence.test.ts holds this module to its answers.
 */
import { servedFile } from '../runtime/served-file.ts';

/** One territory's numbering plan, as far as validating and locating a number needs it. */
export interface PhoneTerritory {
  /** ISO 3166 code; none for a non-geographic calling code (+800, +882…). */
  country?: string;
  /** A national number that starts with these is this territory's (shared calling codes only). */
  leadingDigits?: string;
  /** The pattern every national number of the territory matches. */
  pattern: string;
  /** The possible national number lengths, ascending. */
  lengths: number[];
  /**
   * The number types the metadata keeps (mobile; for non-geographic codes whichever they have), each
   * a pattern and its lengths: a valid number is one of them. Absent when the territory has no types:
   * then its pattern alone makes a number valid, and it never claims a number of a shared code.
   */
  types?: [pattern: string, lengths: number[]][];
}

/** What a country calling code's numbers are checked with. */
export interface PhoneCallingCode {
  /**
   * The main territory's national prefix for parsing and its transform rule: a national prefix
   * written after the calling code (+44 07…) is stripped, as libphonenumber does.
   */
  nationalPrefix?: string;
  transform?: string;
  /** In libphonenumber's order: the main territory first, the one whose plan parses the number. */
  territories: PhoneTerritory[];
}

/** The generated table: calling code (digits) to its rules. */
export type PhoneMetadata = Record<string, PhoneCallingCode>;

// 55 kB of JSON (13 kB gzipped; formatted in the repository for readable diffs), served beside the
// bundle (a function definition's `files`) and parsed on the first number checked: ~0.4 ms, once.
// Embedded instead, it would add ~52 kB to two bundles near their 400 kB goal and ~1.2 ms of compiling
// to every cold start, whether or not the request carries a phone number. Located here, not at the
// module's top, so that a bundle that never checks a number drops it (and is not given the file).
let metadata: PhoneMetadata | undefined;
const phoneMetadata = (): PhoneMetadata => {
  metadata ??= JSON.parse(
    servedFile(new URL('./phone-metadata.generated.json', import.meta.url))(),
  ) as PhoneMetadata;
  return metadata;
};

const matches = (pattern: string, digits: string): boolean => new RegExp(`^(?:${pattern})$`).test(digits);

/** libphonenumber's getNumberType() found a type: the territory's pattern and one of its types. */
const isTypedNumberOf = (territory: PhoneTerritory, national: string): boolean =>
  territory.types !== undefined &&
  matches(territory.pattern, national) &&
  territory.types.some(
    ([pattern, lengths]) => lengths.includes(national.length) && matches(pattern, national),
  );

/** Which territory of a shared calling code a national number is in: the first whose leading digits
 * start it, or (for those without leading digits) whose types it matches; the only one otherwise. */
const territoryOf = (code: PhoneCallingCode, national: string): PhoneTerritory | undefined => {
  const { territories } = code;
  if (territories.length === 1) return territories[0];
  return territories.find((territory) =>
    territory.leadingDigits !== undefined
      ? national !== '' && national.search(territory.leadingDigits) === 0
      : isTypedNumberOf(territory, national),
  );
};

/** libphonenumber's checkNumberLength() is not TOO_SHORT nor INVALID_LENGTH (too long passes). */
const isPossibleLength = (lengths: number[], length: number): boolean =>
  lengths.includes(length) || length > (lengths.at(-1) ?? 0);

/**
 * The national (significant) number after the calling code: a national prefix written there is
 * stripped (with the transform rule, if it captures), unless that turns a number of the main
 * territory's pattern into one that is not, or leaves a length its territory cannot have.
 */
const nationalNumber = (code: PhoneCallingCode, digits: string): string => {
  if (!code.nationalPrefix) return digits;
  const prefix = new RegExp(`^(?:${code.nationalPrefix})`);
  const match = prefix.exec(digits);
  if (!match) return digits;
  const captured = match.length > 1 && match[match.length - 1];
  const national =
    code.transform && captured ? digits.replace(prefix, code.transform) : digits.slice(match[0].length);
  const [main] = code.territories as [PhoneTerritory];
  if (national === digits || (matches(main.pattern, digits) && !matches(main.pattern, national)))
    return digits;
  const { lengths } = territoryOf(code, national) ?? main;
  return isPossibleLength(lengths, national.length) ? national : digits;
};

interface ParsedPhone {
  national: string;
  /** The territory whose plan checks the number: its own, else the calling code's main one. */
  plan: PhoneTerritory;
  country?: string;
}

/** An E.164 string read as libphonenumber parses it: calling code, national number, territory. */
const parsed = (e164: string): ParsedPhone | undefined => {
  if (!/^\+[1-9]\d*$/.test(e164)) return undefined;
  // Read outside any catch: a missing table is the deployment's fault (it throws), not a bad number.
  const table = phoneMetadata();
  // Calling codes have 1 to 3 digits and none starts another, so the first one found is the one.
  for (let end = 2; end <= 4 && end <= e164.length; end++) {
    const code = table[e164.slice(1, end)];
    if (!code) continue;
    const digits = e164.slice(end);
    if (digits === '') return undefined;
    const national = nationalNumber(code, digits);
    if (national.length < 2 || national.length > 17) return undefined;
    const territory = territoryOf(code, national);
    return {
      national,
      plan: territory ?? (code.territories[0] as PhoneTerritory),
      country: territory?.country,
    };
  }
  return undefined;
};

/** E.164 (+ and 8 to 15 digits) and a number that can be a mobile in its country. */
export const isValidPhone = (value: string): boolean => {
  if (!/^\+[1-9]\d{7,14}$/.test(value)) return false;
  const phone = parsed(value);
  if (!phone) return false;
  return phone.plan.types
    ? isTypedNumberOf(phone.plan, phone.national)
    : matches(phone.plan.pattern, phone.national);
};

/** The ISO country of an E.164 number, when its digits say which. */
export const phoneCountry = (e164: string): string | undefined => parsed(e164)?.country;
