/**
 * `npm run phone-metadata`: writes shared/domain/phone-metadata.generated.json, libphonenumber-js's
 * mobile metadata without its formatting rules (the desk validates and locates numbers, it never
 * formats them): 49 kB instead of the 157 kB of the full set in every function that checks a phone.
 * A test fails while the file and the installed package disagree.
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const phoneMetadataJson = `${root}shared/domain/phone-metadata.generated.json`;

/** Each territory's entry is an array; its fifth item lists the number formats (0 means none). */
const formatsIndex = 4;

type Territories = Record<string, unknown[]>;
interface Metadata {
  countries: Territories;
  nonGeographic?: Territories;
}

const withoutFormats = (territories: Territories = {}): Territories =>
  Object.fromEntries(
    Object.entries(territories).map(([key, entry]) => [
      key,
      entry.map((item, i) => (i === formatsIndex ? 0 : item)),
    ]),
  );

/** The installed package's mobile metadata, minus formats. */
export async function phoneMetadata(): Promise<Metadata> {
  const file = createRequire(import.meta.url).resolve('libphonenumber-js/metadata.mobile.json');
  const metadata = JSON.parse(await readFile(file, 'utf8')) as Metadata;
  return {
    ...metadata,
    countries: withoutFormats(metadata.countries),
    nonGeographic: withoutFormats(metadata.nonGeographic),
  };
}

async function main(): Promise<void> {
  await writeFile(phoneMetadataJson, `${JSON.stringify(await phoneMetadata())}\n`, 'utf8');
  execFileSync(`${root}node_modules/.bin/biome`, ['format', '--write', phoneMetadataJson], {
    stdio: 'inherit',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
