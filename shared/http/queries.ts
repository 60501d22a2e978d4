/**
 * The query strings of the public reads and the editors' lists: their own module, so that a function
 * that only reads (the public reading function) bundles these and not every request body's validator.
 */
import * as z from 'zod/mini';
import { onFirstUse, webUrl } from './validation.ts';

/** A whole number in a query string, from `min` to `max`; `pattern` says how many digits may come. */
const wholeNumber = (min: number, max: number, pattern: RegExp) =>
  z.pipe(
    z.pipe(
      z.string().check(z.regex(pattern, { error: `must be a whole number from ${min} to ${max}` })),
      z.transform(Number),
    ),
    z
      .number()
      .check(
        z.gte(min, { error: `must be at least ${min}` }),
        z.lte(max, { error: `must be at most ${max}` }),
      ),
  );

/** A page's fields: a list's `limit` (1 to 100) and the `cursor` it returned. */
export const pageFields = () => ({
  limit: z.optional(wholeNumber(1, 100, /^\d+$/)),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(4096))),
});

export const pageQuery = /* @__PURE__ */ onFirstUse(() => z.strictObject(pageFields()));

export const correctionListQuery = /* @__PURE__ */ onFirstUse(() =>
  z.strictObject({
    ...pageFields(),
    topic: z.optional(z.string().check(z.maxLength(40))),
  }),
);

/** GET /corrections/log: entries after a seq, up to 500 a page. */
export const logQuery = /* @__PURE__ */ onFirstUse(() =>
  z.strictObject({
    after: z.optional(wholeNumber(0, Number.MAX_SAFE_INTEGER, /^\d{1,15}$/)),
    limit: z.optional(wholeNumber(1, 500, /^\d{1,15}$/)),
  }),
);

/**
 * GET /notices and /notices/frame: the article's address. Other parameters (a cache-buster an
 * embedding page adds, say) are let through rather than refused: the answer depends on `url` alone.
 */
export const noticesQuery = /* @__PURE__ */ onFirstUse(() => z.object({ url: webUrl() }));
