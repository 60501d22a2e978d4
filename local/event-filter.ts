/**
 * Lambda event filtering, as an event source mapping applies it before a record reaches the function:
 * a record is delivered when any one of the patterns matches. Covers the pattern language the function
 * catalogue uses: nested objects, lists of literal values, `anything-but` and `exists`.
 */
import type { FilterPattern, FilterValue } from '../shared/resources/functions.ts';

/** OR across patterns. No patterns means no filtering. */
export function matchesAny(patterns: ReadonlyArray<FilterPattern>, record: unknown): boolean {
  return patterns.length === 0 || patterns.some((pattern) => matches(pattern, record));
}

/** AND across a pattern's keys; a key whose pattern is a list tests a value, an object descends. */
export function matches(pattern: FilterPattern, value: unknown): boolean {
  return Object.entries(pattern).every(([key, expected]) => {
    const field =
      isObject(value) && Object.hasOwn(value, key) ? { present: true, value: value[key] } : absent;
    return isValueList(expected)
      ? expected.some((test) => satisfies(test, field))
      : field.present && matches(expected, field.value);
  });
}

type Field = { present: true; value: unknown } | { present: false };
const absent: Field = { present: false };

function isValueList(expected: FilterPattern[string]): expected is ReadonlyArray<FilterValue> {
  return Array.isArray(expected);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One filter value against a field; a field holding an array matches when one of its elements does. */
function satisfies(test: FilterValue, field: Field): boolean {
  // exists tests leaves only, as in EventBridge: an object-valued field does not "exist" for it.
  if (typeof test === 'object' && 'exists' in test) {
    return test.exists ? field.present && !isObject(field.value) : !field.present;
  }
  if (!field.present) return false;
  const values = Array.isArray(field.value) ? field.value : [field.value];
  if (typeof test === 'object') {
    // anything-but: present, and none of the excluded values.
    return (
      values.length > 0 &&
      values.every((value) => !(test['anything-but'] as ReadonlyArray<unknown>).includes(value))
    );
  }
  return values.some((value) => value === test);
}
