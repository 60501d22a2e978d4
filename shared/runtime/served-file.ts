/**
 * A file a function serves as it is (the console's script, the style sheets, the contract), read on
 * first use instead of bundled: it stays out of the bundle every cold start loads. Deployed, the stack
 * copies it beside the bundle (a function definition's `files`); run from the sources, it is beside
 * the module reading it.
 * Either way `new URL('./name', import.meta.url)` finds it.
 */
import { readFileSync } from 'node:fs';

export function servedFile(url: URL): () => string {
  let text: string | undefined;
  return () => {
    text ??= readFileSync(url, 'utf8');
    return text;
  };
}
