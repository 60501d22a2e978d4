/**
 * `npm run verify-log -- <base-url> [--head <seq>:<hash>]`: checks a corrections desk's public log
 * from the outside, with nothing but its public API and the contract's LogEntry rules.
 *
 * It reads the whole log, recomputes every entry's hash and link to the one before, reads every
 * published correction and recomputes each version's contentHash, checks that every published version
 * has exactly one entry and that /corrections/log/head is the last entry. With --head (a head someone
 * copied earlier, e.g. from a digest or the Atom feed) it also checks that the log still holds it.
 * It stops at the first mismatch and exits with status 1; 0 means everything matched.
 *
 * Deliberately standalone (its own JCS, no import from the desk): anyone can read and run it.
 */
import { createHash } from 'node:crypto';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

interface LogEntry {
  seq: number;
  at: string;
  correctionId: string;
  version: number;
  contentHash: string;
  prevHash: string;
  hash: string;
}

interface Correction {
  id: string;
  type: string;
  topic: string;
  affectedUrl?: string;
  language: string;
  versions: Array<{
    version: number;
    type?: string;
    headline: string;
    body: string;
    publishedAt: string;
    note?: string;
  }>;
}

/** RFC 8785: sorted members (UTF-16 code units), no whitespace, ECMAScript strings and numbers. */
function jcs(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(jcs).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((name) => `${JSON.stringify(name)}:${jcs(value[name] as Json)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (value: Json) => createHash('sha256').update(jcs(value), 'utf8').digest('hex');

/** The members the contract hashes, leaving out those a version lacks. */
function versionContent(correction: Correction, version: Correction['versions'][number]): Json {
  const content: Record<string, Json | undefined> = {
    correctionId: correction.id,
    version: version.version,
    type: version.type ?? correction.type,
    topic: correction.topic,
    headline: version.headline,
    body: version.body,
    affectedUrl: correction.affectedUrl,
    language: correction.language,
    publishedAt: version.publishedAt,
    note: version.note,
  };
  return Object.fromEntries(Object.entries(content).filter(([, v]) => v !== undefined)) as Json;
}

class Mismatch extends Error {}

export async function verifyLog(baseUrl: string, expectedHead?: { seq: number; hash: string }) {
  const base = baseUrl.replace(/\/+$/, '');
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${base}${path}`, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Mismatch(`GET ${path} answered ${response.status}`);
    return (await response.json()) as T;
  };

  // The log, oldest first: gap-free seq, each entry's hash over its own members and the one before.
  const entries: LogEntry[] = [];
  for (let after: number | null = 0; after !== null; ) {
    const page: { items: LogEntry[]; nextAfter: number | null } = await get(
      `/corrections/log?after=${after}&limit=500`,
    );
    entries.push(...page.items);
    after = page.nextAfter;
  }
  let previous = '0'.repeat(64);
  for (const [i, entry] of entries.entries()) {
    const where = `log entry ${entry.seq} (${entry.correctionId} v${entry.version})`;
    if (entry.seq !== i + 1) throw new Mismatch(`log entry ${i + 1} is missing: found seq ${entry.seq}`);
    if (entry.prevHash !== previous) throw new Mismatch(`${where}: prevHash is not the hash of entry ${i}`);
    const { hash, ...linked } = entry;
    if (sha256(linked as unknown as Json) !== hash)
      throw new Mismatch(`${where}: hash does not match its content`);
    previous = hash;
  }

  // Every published correction, every version: hashed as the log recorded it, and logged exactly once.
  const logged = new Map(entries.map((entry) => [`${entry.correctionId}#${entry.version}`, entry]));
  const corrections = new Map<string, Correction>();
  for (const entry of entries) {
    if (!corrections.has(entry.correctionId)) {
      corrections.set(
        entry.correctionId,
        await get(`/corrections/${encodeURIComponent(entry.correctionId)}`),
      );
    }
  }
  for (let cursor: string | null | undefined; cursor !== null; ) {
    const page: { items: Correction[]; nextCursor: string | null } = await get(
      `/corrections?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    for (const listed of page.items) if (!corrections.has(listed.id)) corrections.set(listed.id, listed);
    cursor = page.nextCursor;
  }
  let versions = 0;
  for (const correction of corrections.values()) {
    for (const version of correction.versions) {
      versions++;
      const where = `correction ${correction.id} version ${version.version}`;
      const entry = logged.get(`${correction.id}#${version.version}`);
      if (!entry) throw new Mismatch(`${where} is published but not in the log`);
      if (sha256(versionContent(correction, version)) !== entry.contentHash) {
        throw new Mismatch(`${where} differs from what log entry ${entry.seq} recorded`);
      }
    }
  }
  if (versions !== entries.length) {
    throw new Mismatch(`the log has ${entries.length} entries but ${versions} versions are published`);
  }

  const head: { seq: number; hash: string } = await get('/corrections/log/head');
  const last = entries.at(-1);
  if (head.seq !== (last?.seq ?? 0) || head.hash !== (last?.hash ?? '0'.repeat(64))) {
    throw new Mismatch(`the head (seq ${head.seq}) is not the log's last entry (seq ${last?.seq ?? 0})`);
  }
  if (expectedHead) {
    const held = entries[expectedHead.seq - 1];
    if (held?.hash !== expectedHead.hash) {
      throw new Mismatch(`the log no longer holds the head ${expectedHead.seq}:${expectedHead.hash}`);
    }
  }
  return { entries: entries.length, corrections: corrections.size, head };
}

async function main(args: string[]): Promise<number> {
  const [baseUrl] = args.filter((arg) => !arg.startsWith('--') && !/^\d+:[0-9a-f]{64}$/.test(arg));
  const headArg = args[args.indexOf('--head') + 1];
  const held = args.includes('--head') ? /^(\d+):([0-9a-f]{64})$/.exec(headArg ?? '') : undefined;
  if (!baseUrl || held === null) {
    console.error('usage: npm run verify-log -- <base-url> [--head <seq>:<hash>]');
    return 2;
  }
  try {
    const result = await verifyLog(
      baseUrl,
      held ? { seq: Number(held[1]), hash: held[2] as string } : undefined,
    );
    console.log(
      `OK: ${result.entries} log entries and ${result.corrections} corrections match; head ${result.head.seq}:${result.head.hash}`,
    );
    return 0;
  } catch (error) {
    console.error(`MISMATCH: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main(process.argv.slice(2));
