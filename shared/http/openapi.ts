/**
 * The contract served at GET /openapi.json (shared/http/openapi.json, written by `npm run contract`),
 * read and parsed on the first request: it is no part of the public function's bundle.
 */
import { servedFile } from '../runtime/served-file.ts';

const openapiFile = servedFile(new URL('./openapi.json', import.meta.url));
let document: unknown;

export function openapiDocument(): unknown {
  document ??= JSON.parse(openapiFile());
  return document;
}
