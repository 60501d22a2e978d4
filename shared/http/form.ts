/**
 * Form posts: the one kind of body besides JSON the API reads, because browsers submit HTML forms
 * and mail clients send RFC 8058 one-click unsubscribes that way (urlencoded or multipart). The
 * same 64 KiB cap as JSON; text fields only.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { InvalidInput } from '../domain/errors.ts';
import { HttpProblem, problem } from './problem.ts';
import { header, maxBodyBytes } from './request.ts';

const formMediaTypes = ['application/x-www-form-urlencoded', 'multipart/form-data'];

export function isForm(event: APIGatewayProxyEventV2): boolean {
  const mediaType = header(event, 'content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  return formMediaTypes.includes(mediaType);
}

/** The text fields of a form post, the last value of each name: 413 over 64 KiB, 400 if unreadable. */
export async function formFields(event: APIGatewayProxyEventV2): Promise<Record<string, string>> {
  // No prototype: a field named toString or __proto__ is a field like any other.
  const fields: Record<string, string> = Object.create(null);
  for (const [name, values] of Object.entries(await formLists(event))) {
    const last = values.at(-1);
    if (last !== undefined) fields[name] = last;
  }
  return fields;
}

/** Every value of every text field, in order (checkboxes and repeated fields post a name many times). */
export async function formLists(event: APIGatewayProxyEventV2): Promise<Record<string, string[]>> {
  const bytes = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
  if (bytes.length > maxBodyBytes) {
    throw new HttpProblem(
      problem(413, `The body is ${bytes.length} bytes; at most ${maxBodyBytes} are accepted.`),
    );
  }
  let form: FormData;
  try {
    const contentType = header(event, 'content-type') ?? '';
    form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new InvalidInput([{ path: '', message: 'the body is not a readable form' }]);
  }
  const fields: Record<string, string[]> = Object.create(null);
  for (const [name, value] of form) {
    if (typeof value === 'string') fields[name] = [...(fields[name] ?? []), value];
  }
  return fields;
}

/** A list typed one item a line (or in repeated fields): the non-blank lines, trimmed. */
export const formLines = (values: ReadonlyArray<string> | undefined): string[] =>
  (values ?? [])
    .flatMap((value) => value.split(/\r?\n/))
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * A page's form posted from another site (cross-site request forgery): the browser says so in
 * Sec-Fetch-Site, or sends an Origin that is neither the desk's public address nor the host asked.
 * An opaque "null" Origin (a page under no-referrer) proves nothing either way and is left to the
 * form's own token.
 */
export function crossSite(event: APIGatewayProxyEventV2, publicBaseUrl: string): boolean {
  if (header(event, 'sec-fetch-site') === 'cross-site') return true;
  const origin = header(event, 'origin');
  if (!origin || origin === 'null') return false;
  const host = header(event, 'host');
  const allowed = [new URL(publicBaseUrl).origin, ...(host ? [`https://${host}`, `http://${host}`] : [])];
  return !allowed.includes(origin.toLowerCase());
}
