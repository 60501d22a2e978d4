/** A record with the same keys as `source`: how the stack turns each shared definition into resources. */
export function mapRecord<K extends string, S, T>(
  source: Readonly<Record<K, S>>,
  build: (value: S, key: K) => T,
): Record<K, T> {
  const keys = Object.keys(source) as K[];
  return Object.fromEntries(keys.map((key) => [key, build(source[key], key)])) as Record<K, T>;
}
