import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { partitionOf, tableWrites, writtenPartitions } from '../../infra/table-access.ts';
import { audienceKey } from '../../shared/adapters/dynamodb/audience-counters.ts';
import * as keys from '../../shared/adapters/dynamodb/item-keys.ts';
import type { Key } from '../../shared/adapters/dynamodb/keys.ts';
import { webhookKeys } from '../../shared/adapters/dynamodb/webhook-store.ts';
import type { AudienceScope } from '../../shared/ports/audience-counters.ts';
import { functionDefinitions } from '../../shared/resources/functions.ts';

const audienceScopes: AudienceScope[] = [
  { kind: 'topic', topic: 'id' },
  { kind: 'url', page: 'PAGE#id' },
  { kind: 'reporters', caseId: 'id' },
];

type Builder = Key | ((...args: never[]) => Key);
/** A key, or a function that builds one (not a parser such as announcementRef). */
const isBuilder = (value: unknown): value is Builder => {
  const built = typeof value === 'function' ? value('id', 'id', 'id') : value;
  return typeof built === 'object' && built !== null && typeof (built as Key).pk === 'string';
};
/** Keys no adapter writes yet: each must be given a writer here once one does (checked below). */
const notWrittenYet: string[] = [];
const builders: Array<[string, Builder]> = [
  ...Object.entries(keys).flatMap(
    ([name, value]): Array<[string, Builder]> =>
      isBuilder(value) && !notWrittenYet.includes(name) ? [[name, value]] : [],
  ),
  ...Object.entries(webhookKeys).map(([name, value]): [string, Builder] => [`webhookKeys.${name}`, value]),
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

  it.skipIf(notWrittenYet.length === 0).each(notWrittenYet)(
    'knows that no adapter uses keys.%s yet',
    (name) => {
      const adapters = new URL('../../shared/adapters/dynamodb/', import.meta.url);
      const users = readdirSync(adapters)
        .filter((file) => file !== 'keys.ts' && !file.endsWith('.test.ts'))
        .filter((file) => readFileSync(new URL(file, adapters), 'utf8').includes(`keys.${name}`));
      expect(users, 'move it out of notWrittenYet and give it a writer in infra/table-access.ts').toEqual([]);
    },
  );
});
