import { describe, expect, it } from 'vitest';
import { partitionOf, tableWrites, writtenPartitions } from '../../infra/table-access.ts';
import { audienceKey } from '../../shared/adapters/dynamodb/audience-counters.ts';
import { type Key, keys } from '../../shared/adapters/dynamodb/keys.ts';
import type { AudienceScope } from '../../shared/ports/audience-counters.ts';
import { functionDefinitions } from '../../shared/resources/functions.ts';

const audienceScopes: AudienceScope[] = [
  { kind: 'topic', topic: 'id' },
  { kind: 'url', urlKey: 'id' },
  { kind: 'reporters', caseId: 'id' },
];

type Builder = Key | ((...args: never[]) => Key);
const builders: Array<[string, Builder]> = [
  ...Object.entries(keys).flatMap(([name, value]) =>
    typeof value === 'string' ? [] : [[name, value as Builder] as [string, Builder]],
  ),
  ...audienceScopes.map((scope): [string, Builder] => [`audienceKey(${scope.kind})`, audienceKey(scope)]),
];

describe('the table access of the functions', () => {
  it('turns a key builder into its partition pattern', () => {
    expect(partitionOf(keys.case)).toBe('CASE#*');
    expect(partitionOf(keys.history)).toBe('CASE#*');
    expect(partitionOf(keys.topic)).toBe('TOPICS');
  });

  it('decides for every function of the catalogue', () => {
    expect(Object.keys(tableWrites).sort()).toEqual(Object.keys(functionDefinitions).sort());
  });

  // A new kind of item that no function may write would be refused by IAM once deployed.
  it.each(builders)('lets some function write the items of keys.%s', (_name, build) => {
    expect(writtenPartitions()).toContain(partitionOf(build));
  });

  it('names only partitions the key design has', () => {
    const known = new Set([...builders.map(([, build]) => partitionOf(build)), 'AUDIENCE-CHANGE#*']);
    for (const partition of writtenPartitions()) expect(known).toContain(partition);
  });
});
