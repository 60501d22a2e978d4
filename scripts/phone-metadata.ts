/**
 * `npm run phone-metadata`: writes shared/domain/phone-metadata.generated.json, the table that
 * shared/domain/phone.ts validates and locates E.164 numbers with instead of bundling libphonenumber-js
 * (37 kB in each function that checks a phone), derived from the library's mobile metadata: per calling
 * code, its main territory's national prefix rule, and its territories in the library's order, each
 * with its leading digits, national pattern, lengths and number types (no formats, no dialling
 * prefixes). Values are read through the library's own Metadata accessors, so their fallbacks (a
 * national prefix for parsing defaulting to the national prefix, a type's lengths to its territory's)
 * are the library's. A test fails while the file and the installed package disagree.
 */
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Metadata, type MetadataJson } from 'libphonenumber-js/core';
import mobileMetadata from 'libphonenumber-js/metadata.mobile.json';
import type { PhoneCallingCode, PhoneMetadata, PhoneTerritory } from '../shared/domain/phone.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
export const phoneMetadataJson = `${root}shared/domain/phone-metadata.generated.json`;

/** Every type libphonenumber's getNumberType() tries: a number of any of them is valid. */
const numberTypes = [
  'FIXED_LINE',
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
] as const;

/** The accessors of a selected numbering plan (untyped in libphonenumber-js's declarations). */
interface NumberingPlan {
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  leadingDigits(): string | undefined;
  nationalNumberPattern(): string;
  possibleLengths(): number[] | undefined;
  hasTypes(): boolean;
  type(name: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}
interface Plans {
  selectNumberingPlan(countryOrCallingCode: string): void;
  numberingPlan: NumberingPlan;
}

const lengthsOf = (lengths: number[] | undefined, what: string): number[] => {
  // phone.ts compares lengths as libphonenumber does when they are present and ascending.
  if (!lengths?.length || lengths.some((length, i) => i > 0 && length <= (lengths[i - 1] as number))) {
    throw new Error(`libphonenumber-js metadata: ${what} has no ascending possible lengths`);
  }
  return lengths;
};

function territory(plans: Plans, key: string, country: string | undefined): PhoneTerritory {
  plans.selectNumberingPlan(country ?? key);
  const plan = plans.numberingPlan;
  const lengths = lengthsOf(plan.possibleLengths(), country ?? `+${key}`);
  const types = plan.hasTypes()
    ? numberTypes.flatMap((name): [string, number[]][] => {
        const type = plan.type(name);
        const pattern = type?.pattern();
        return type && pattern ? [[pattern, lengthsOf(type.possibleLengths(), `${name} in ${country}`)]] : [];
      })
    : undefined;
  return {
    ...(country && { country }),
    ...(plan.leadingDigits() && { leadingDigits: plan.leadingDigits() }),
    pattern: plan.nationalNumberPattern(),
    lengths,
    ...(types && { types }),
  };
}

/** The table phone.ts reads, from the installed package's mobile metadata. */
export function phoneMetadata(): PhoneMetadata {
  const json: MetadataJson = mobileMetadata;
  const plans = new Metadata(json) as unknown as Plans;
  const table: PhoneMetadata = {};
  const callingCodes = new Set([
    ...Object.keys(json.country_calling_codes),
    ...Object.keys(json.nonGeographic),
  ]);
  for (const key of callingCodes) {
    // As the library's Metadata.hasCallingCode(): a code's countries, unless its one entry is the
    // non-geographic pseudo-country 001, else a plan in `nonGeographic` (+800, +882…).
    const listed: string[] | undefined = json.country_calling_codes[key];
    const countries = listed && !(listed.length === 1 && listed[0]?.length === 3) ? listed : undefined;
    if (!countries && !json.nonGeographic[key]) continue;
    const territories = countries
      ? countries.map((country) => territory(plans, key, country))
      : [territory(plans, key, undefined)];
    // The number is parsed with the calling code's plan: its main (first) territory's.
    plans.selectNumberingPlan(key);
    const nationalPrefix = plans.numberingPlan.nationalPrefixForParsing();
    const transform = plans.numberingPlan.nationalPrefixTransformRule();
    const code: PhoneCallingCode = {
      ...(nationalPrefix && { nationalPrefix }),
      ...(nationalPrefix && transform && { transform }),
      territories,
    };
    table[key] = code;
  }
  return table;
}

async function main(): Promise<void> {
  await writeFile(phoneMetadataJson, `${JSON.stringify(phoneMetadata())}\n`, 'utf8');
  execFileSync(`${root}node_modules/.bin/biome`, ['format', '--write', phoneMetadataJson], {
    stdio: 'inherit',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
