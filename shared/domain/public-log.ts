/**
 * The public log: one entry per published correction version, each hashing the one before, so that
 * anyone holding a copy of an earlier head can prove nothing published was later altered or removed.
 * The hashes are those of the contract's LogEntry: SHA-256 over RFC 8785 (JCS) canonical JSON.
 */
import { createHash } from 'node:crypto';
import type { Correction } from './correction.ts';

export interface LogEntry {
  seq: number;
  at: string;
  correctionId: string;
  version: number;
  contentHash: string;
  prevHash: string;
  hash: string;
}

/** The newest entry's place in the chain (seq 0 and the genesis hash while the log is empty). */
export interface LogHead {
  seq: number;
  hash: string;
  at?: string;
}

export const genesisHash = '0'.repeat(64);
export const emptyLog: LogHead = { seq: 0, hash: genesisHash };

type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };

/**
 * RFC 8785: no whitespace, members sorted by their names' UTF-16 code units (what the default sort
 * compares), strings and numbers as ECMAScript serializes them; undefined members are left out.
 */
export function canonicalJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.keys(value)
      .filter((name) => value[name] !== undefined)
      .sort()
      .map((name) => `${JSON.stringify(name)}:${canonicalJson(value[name] as Json)}`);
    return `{${members.join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('JCS has no NaN or Infinity');
  return JSON.stringify(value);
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * What a version's contentHash covers, with the values the public reads from GET /corrections/{id}:
 * version-level fields from the version, the rest from the correction (which never change after the
 * first publication: see publishFrom).
 */
export function versionContent(correction: Correction, version: number): Record<string, Json | undefined> {
  const published = correction.versions.find((v) => v.version === version);
  if (!published) throw new Error(`Correction ${correction.id} has no version ${version}`);
  return {
    correctionId: correction.id,
    version,
    type: published.type,
    topic: correction.topic,
    headline: published.headline,
    body: published.body,
    affectedUrl: correction.affectedUrl,
    language: correction.language,
    publishedAt: published.publishedAt,
    note: published.note,
  };
}

export const contentHash = (correction: Correction, version: number): string =>
  sha256(canonicalJson(versionContent(correction, version)));

/** The entry that records `version` of `correction` after `head`. */
export function nextEntry(head: LogHead, correction: Correction, version: number, at: string): LogEntry {
  const linked = {
    seq: head.seq + 1,
    at,
    correctionId: correction.id,
    version,
    contentHash: contentHash(correction, version),
    prevHash: head.hash,
  };
  return { ...linked, hash: sha256(canonicalJson(linked)) };
}
