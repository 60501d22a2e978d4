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

/** The text fields of a form post: 413 over 64 KiB, 400 if it cannot be read as a form. */
export async function formFields(event: APIGatewayProxyEventV2): Promise<Record<string, string>> {
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
  const fields: Record<string, string> = {};
  for (const [name, value] of form) if (typeof value === 'string') fields[name] = value;
  return fields;
}
