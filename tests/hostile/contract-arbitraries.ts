/**
 * fast-check arbitraries for every operation of the contract (shared/http/openapi.json): path, query,
 * headers and body, each drawn mostly from the operation's own schema (so requests get past the
 * first check and reach the use cases) and sometimes from what an attacker sends instead.
 */
import fc from 'fast-check';
import contract from '../../shared/http/openapi.json' with { type: 'json' };

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema is untyped here
type Schema = Record<string, any>;

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  /** The media types the request body may have, with their schemas. */
  bodies: Array<{ mediaType: string; schema: Schema }>;
  /** The contract lists an HTML response (pages answer their errors as pages). */
  answersHtml: boolean;
  /** Behind the editors' JWT. */
  admin: boolean;
}

/** What the test knows about the desk's data, so generated requests name real things sometimes. */
export interface Known {
  topics: string[];
  ids: string[];
  tokens: string[];
}

function resolve(schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (typeof schema.$ref === 'string') {
    const target = (schema.$ref as string)
      .replace(/^#\//, '')
      .split('/')
      .reduce<Schema>((node, part) => node?.[part], contract as Schema);
    return resolve(target);
  }
  if (Array.isArray(schema.allOf)) {
    const merged: Schema = { properties: {}, required: [] };
    for (const part of schema.allOf.map(resolve)) {
      Object.assign(merged, { ...part, properties: merged.properties, required: merged.required });
      Object.assign(merged.properties, part.properties);
      merged.required.push(...(part.required ?? []));
    }
    return merged;
  }
  return schema;
}

/** Every operation of the contract except the local-only /dev routes, which the gateway answers itself. */
export function operations(): Operation[] {
  const found: Operation[] = [];
  for (const [path, item] of Object.entries(contract.paths as Record<string, Record<string, Schema>>)) {
    if (path.startsWith('/dev/')) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const parameters = ((operation.parameters ?? []) as Schema[]).map(resolve) as Parameter[];
      const content = (operation.requestBody?.content ?? {}) as Record<string, Schema>;
      const bodies = Object.entries(content).map(([mediaType, media]) => ({
        mediaType,
        schema: resolve(media.schema),
      }));
      const responses = Object.values((operation.responses ?? {}) as Record<string, Schema>);
      found.push({
        method: method.toUpperCase(),
        path,
        parameters,
        bodies,
        answersHtml: responses.some((response) => 'text/html' in (response.content ?? {})),
        admin: Array.isArray(operation.security),
      });
    }
  }
  return found;
}

/** Strings people and attackers send: control characters, lone surrogates, huge, empty, markup. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({
    unit: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)),
    maxLength: 8,
  }),
  fc
    .tuple(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\r'),
    )
    .map(([text, control]) => `${text}${control}${text}`),
  fc.constantFrom(5_001, 20_000).map((length) => '错'.repeat(length)),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '*',
    '%',
    '%zz',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    '\ud800',
    'null',
    '{}',
    '𝌆',
    'a\u202eb',
    '+8613800138000',
    '+15555550100',
    'x@example.org',
  ),
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

const phones = ['+8613800138000', '+8613912345678', '+85291234567', '+447700900123', '+15555550100'];

/** Values by property name, where the schema alone says only "a string". */
function hinted(name: string, known: Known): fc.Arbitrary<unknown> | undefined {
  const address = fc.oneof(fc.emailAddress(), fc.constantFrom(...phones));
  const hints: Record<string, fc.Arbitrary<unknown>> = {
    topic: fc.constantFrom(...known.topics),
    topics: fc.array(fc.constantFrom(...known.topics, '*'), { minLength: 1, maxLength: 4 }),
    address,
    email: fc.emailAddress(),
    phone: fc.constantFrom(...phones),
    token: fc.constantFrom(...known.tokens),
    code: fc.stringMatching(/^\d{6}$/),
    duplicateOf: fc.constantFrom(...known.ids),
    assignee: fc.constantFrom('reviewer-li', 'editor-wang'),
    url: fc.webUrl(),
    affectedUrl: fc.webUrl(),
  };
  return hints[name];
}

/** A value of the schema, or (sometimes) anything else. */
export function schemaValue(
  schema: Schema | undefined,
  known: Known,
  name = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 5, arbitrary: validValue(resolve(schema), known, name, depth) },
    { weight: 1, arbitrary: hostileValue },
  );
}

function validValue(schema: Schema, known: Known, name: string, depth: number): fc.Arbitrary<unknown> {
  const hint = hinted(name, known);
  if (hint) return hint;
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'string'];
  return fc.oneof(...type.map((one: string) => typed(one, schema, known, depth)));
}

function typed(type: string, schema: Schema, known: Known, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -5, max: schema.maximum ?? 1_000 });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'array':
      return fc.array(schemaValue(schema.items, known, '', depth + 1), {
        maxLength: Math.min((schema.maxItems ?? 5) + 2, 12),
      });
    case 'object':
      return objectOf(schema, known, depth);
    default:
      return stringOf(schema);
  }
}

function stringOf(schema: Schema): fc.Arbitrary<string> {
  if (typeof schema.pattern === 'string') return fc.stringMatching(new RegExp(schema.pattern));
  if (schema.format === 'uri') return fc.webUrl();
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.format === 'date-time')
    return fc.date({ noInvalidDate: true }).map((date) => date.toISOString());
  const maxLength = Math.min(schema.maxLength ?? 60, 300);
  return fc.string({ unit: 'grapheme', minLength: schema.minLength ?? 0, maxLength });
}

/** An object of the schema: required properties usually present, optional ones sometimes, an unknown one rarely. */
export function objectOf(schema: Schema, known: Known, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const names = Object.keys(properties);
  if (names.length === 0 || depth > 3) {
    return fc.dictionary(fc.string({ maxLength: 12 }), hostileValue, { maxKeys: 4 });
  }
  const record = fc.record(
    Object.fromEntries(names.map((name) => [name, schemaValue(properties[name], known, name, depth + 1)])),
    { requiredKeys: [] },
  );
  const required = new Set<string>(schema.required ?? []);
  return fc
    .tuple(record, fc.boolean(), fc.option(fc.tuple(fc.string({ maxLength: 12 }), hostileValue), { freq: 8 }))
    .map(([value, keepRequired, extra]) => {
      const out: Record<string, unknown> = { ...value };
      // Mostly complete objects, so the use cases run; sometimes with required fields missing.
      if (keepRequired) {
        for (const name of required) {
          if (!(name in out)) out[name] = undefined;
        }
      }
      if (extra) out[extra[0]] = extra[1];
      return out;
    })
    .chain((value) => {
      const missing = Object.entries(value).filter(([, v]) => v === undefined);
      if (missing.length === 0) return fc.constant(value);
      return fc
        .tuple(...missing.map(([name]) => validValue(resolve(properties[name]), known, name, depth + 1)))
        .map((filled) => {
          const out = { ...value };
          missing.forEach(([name], index) => {
            out[name] = filled[index];
          });
          return out;
        });
    });
}

/** Percent-encoding as a client would send it (a lone surrogate cannot be encoded, so it is replaced). */
const encode = (text: string): string => encodeURIComponent(text.toWellFormed());

/** A path segment: a real id, a plausible one, an over-long one, or garbage (sometimes not even encoded). */
export function pathSegment(parameter: Parameter, known: Known): fc.Arbitrary<string> {
  const pattern = parameter.schema?.pattern;
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...known.ids, ...known.topics).map(encode) },
    {
      weight: 2,
      arbitrary: (pattern
        ? fc.stringMatching(new RegExp(pattern))
        : fc.stringMatching(/^[0-9a-z]{1,20}$/)
      ).map(encode),
    },
    { weight: 2, arbitrary: fc.integer({ min: 65, max: 3_000 }).map((length) => 'a'.repeat(length)) },
    { weight: 2, arbitrary: hostileString.filter((text) => text.length > 0).map(encode) },
    { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%00', '%E9', '..', '.', '%2F', 'a%0Ab') },
  );
}

/** One media type an operation takes, or one it does not. */
export const contentTypes = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'text/plain',
  'text/csv',
  'application/merge-patch+json',
  'bogus',
);

/** What a form on the desk's pages posts, field names included. */
export function formOf(schema: Schema, known: Known): fc.Arbitrary<string> {
  const fieldNames = Object.keys(schema.properties ?? {});
  const names = fc.constantFrom(
    ...fieldNames,
    'channel',
    'address',
    'topics',
    'follows',
    'frequency',
    'language',
    'text',
    'url',
    'topic',
    'evidence',
    'contact.email',
    'contact.phone',
    'token',
    'formToken',
    'code',
  );
  const value = fc.oneof(
    fc.constantFrom('email', 'sms', 'zh-CN', 'en', 'daily', ...known.topics, ...known.tokens, ...phones),
    fc.emailAddress(),
    fc.webUrl(),
    hostileString,
  );
  return fc
    .array(fc.tuple(fc.oneof(names, fc.string({ maxLength: 8 })), value), { maxLength: 8 })
    .map((pairs) => new URLSearchParams(pairs.map(([k, v]) => [k, v.slice(0, 30_000)])).toString());
}
