/**
 * phone.ts re-implements what libphonenumber-js answers for an E.164 number (parse, isValid(), country)
 * from a generated table: held here to the library's answers, with its mobile metadata, on every
 * example mobile number and on random E.164-shaped strings built around real calling codes and lengths.
 */
import fc from 'fast-check';
import { getCountryCallingCode, parsePhoneNumber } from 'libphonenumber-js/core';
import examples from 'libphonenumber-js/examples.mobile.json';
import metadata from 'libphonenumber-js/metadata.mobile.json';
import { describe, expect, it } from 'vitest';
import { isValidPhone, phoneCountry } from './phone.ts';

/** The desk's answers from libphonenumber-js itself, as phone.ts gave them before it had a table. */
const reference = (text: string) => {
  let phone: ReturnType<typeof parsePhoneNumber> | undefined;
  try {
    phone = parsePhoneNumber(text, metadata);
  } catch {
    phone = undefined;
  }
  return { valid: /^\+[1-9]\d{7,14}$/.test(text) && phone?.isValid() === true, country: phone?.country };
};
const ours = (text: string) => ({ valid: isValidPhone(text), country: phoneCountry(text) });

// Each territory's plan: [calling code, IDD prefix, national pattern, possible lengths, formats,
// national prefix, …]; non-geographic codes (+800, +882…) have one too.
type Plan = [string, unknown, string, number[], unknown, string?];
const plans = [...Object.values(metadata.countries), ...Object.values(metadata.nonGeographic)] as Plan[];
const exampleNumbers = Object.entries(examples).map(
  ([country, national]) => `+${getCountryCallingCode(country as never, metadata)}${national}`,
);

describe('phone numbers, against libphonenumber-js', () => {
  it('gives its validity and country for every example mobile number, and for near misses of each', () => {
    const variants = exampleNumbers.flatMap((e164) => {
      const plan = plans.find((candidate) => e164.startsWith(`+${candidate[0]}`)) as Plan;
      const national = e164.slice(plan[0].length + 1);
      const code = `+${plan[0]}`;
      return [
        e164,
        `${code}${plan[5] ?? '0'}${national}`, // a national prefix written after the calling code
        `${code}${national.slice(0, -1)}`, // a digit short
        `${code}${national}5`, // a digit long
        `${code}${national.slice(0, -1)}${(Number(national.at(-1)) + 1) % 10}`, // another last digit
        `${code}${(Number(national[0]) + 1) % 10}${national.slice(1)}`, // another first digit
      ];
    });
    const differing = variants.filter(
      (text) => JSON.stringify(ours(text)) !== JSON.stringify(reference(text)),
    );
    expect(differing.map((text) => ({ text, ours: ours(text), libphonenumber: reference(text) }))).toEqual(
      [],
    );
    // Not a vacuous agreement: nearly every example is a valid mobile number placed in its country.
    const located = Object.keys(examples).filter(
      (country, i) => ours(exampleNumbers[i] as string).country === country,
    );
    expect(exampleNumbers.filter((e164) => isValidPhone(e164)).length).toBeGreaterThan(
      exampleNumbers.length * 0.95,
    );
    expect(located.length).toBeGreaterThan(exampleNumbers.length * 0.95);
  });

  it('agrees on random E.164-shaped strings weighted toward real calling codes and lengths', () => {
    const digits = (min: number, max: number) =>
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));
    // A real plan's national number: random digits at one of its lengths (or one off), an example's
    // first digits completed to such a length (most are then valid), or either after a national prefix.
    const national = (plan: Plan) => {
      const lengths = plan[3];
      const length = fc.constantFrom(...lengths).chain((n) => fc.constantFrom(n - 1, n, n, n, n + 1));
      const starts = exampleNumbers
        .filter((e164) => e164.startsWith(`+${plan[0]}`))
        .map((e164) => e164.slice(plan[0].length + 1));
      const fromExample = starts.length
        ? fc
            .tuple(fc.constantFrom(...starts), fc.integer({ min: 1, max: 6 }), length)
            .chain(([start, kept, n]) =>
              digits(Math.max(0, n - kept), Math.max(0, n - kept)).map((rest) => start.slice(0, kept) + rest),
            )
        : length.chain((n) => digits(n, n));
      const body = fc.oneof(
        length.chain((n) => digits(Math.max(0, n), Math.max(0, n))),
        fromExample,
        fromExample,
      );
      return fc.oneof(
        { weight: 4, arbitrary: body },
        {
          weight: 1,
          arbitrary: fc.tuple(fc.constantFrom(plan[5] ?? '0', '0', '1', '8'), body).map(([p, b]) => p + b),
        },
      );
    };
    const realCode = fc.constantFrom(...plans).chain((plan) => national(plan).map((n) => `+${plan[0]}${n}`));
    const anyDigits = fc
      .tuple(fc.integer({ min: 0, max: 9 }), digits(0, 17))
      .map(([first, rest]) => `+${first}${rest}`);
    const runs = 10_000;
    let valid = 0;
    fc.assert(
      fc.property(
        fc.oneof({ weight: 6, arbitrary: realCode }, { weight: 1, arbitrary: anyDigits }),
        (text) => {
          const expected = reference(text);
          if (expected.valid) valid++;
          expect({ text, ...ours(text) }).toEqual({ text, ...expected });
        },
      ),
      { numRuns: runs },
    );
    // Not a vacuous agreement: a good share of the strings were valid numbers.
    expect(valid).toBeGreaterThan(runs * 0.15);
  });
});
