/**
 * `npm run cost -- --emails N --sms M --corrections K [--country CN] [--editors 10] [--table-gb 1]`
 * prints the desk's monthly AWS bill for that volume, line by line, from the dated price table in
 * scripts/cost/prices.ts (docs/cost.md shows it for three sizes of body).
 */
import { parseArgs } from 'node:util';
import { estimate, formatEstimate } from './cost/estimate.ts';
import { asOf, prices, type SmsCountry } from './cost/prices.ts';

const { values } = parseArgs({
  options: {
    emails: { type: 'string' },
    sms: { type: 'string' },
    corrections: { type: 'string' },
    country: { type: 'string', default: 'CN' },
    editors: { type: 'string', default: '10' },
    'table-gb': { type: 'string', default: '1' },
  },
  strict: true,
});

function count(name: string, value: string | undefined): number {
  const parsed = Number(value);
  if (value === undefined || !Number.isFinite(parsed) || parsed < 0) {
    console.error(
      `--${name}: expected a number, got ${JSON.stringify(value)}\n` +
        'Usage: npm run cost -- --emails N --sms M --corrections K [--country CN] [--editors 10] [--table-gb 1]',
    );
    process.exit(2);
  }
  return parsed;
}

const country = values.country.toUpperCase();
if (!(country in prices.sms)) {
  console.error(
    `--country: one of ${Object.keys(prices.sms).join(', ')} (add others to scripts/cost/prices.ts)`,
  );
  process.exit(2);
}
const volume = {
  emails: count('emails', values.emails),
  sms: count('sms', values.sms),
  corrections: count('corrections', values.corrections),
  country: country as SmsCountry,
  editors: count('editors', values.editors),
  tableGb: count('table-gb', values['table-gb']),
};
console.log(formatEstimate(volume, estimate(volume), asOf));
