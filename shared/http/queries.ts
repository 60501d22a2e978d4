/**
 * The query strings of the public reads and the editors' lists: their own module, so that a function
 * that only reads (the public reading function) bundles these and not every request body's validator.
 */
import * as z from 'zod/mini';
import { webUrl } from './validation.ts';

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

const limit = wholeNumber(1, 100, /^\d+$/);

export const page = {
  limit: z.optional(limit),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(4096))),
};

export const pageQuery = /* @__PURE__ */ z.lazy(() => z.strictObject(page));

export const correctionListQuery = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    ...page,
    topic: z.optional(z.string().check(z.maxLength(40))),
  }),
);

/** GET /corrections/log: entries after a seq, up to 500 a page. */
export const logQuery = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    after: z.optional(wholeNumber(0, Number.MAX_SAFE_INTEGER, /^\d{1,15}$/)),
    limit: z.optional(wholeNumber(1, 500, /^\d{1,15}$/)),
  }),
);

/**
 * GET /notices and /notices/frame: the article's address. Other parameters (a cache-buster an
 * embedding page adds, say) are let through rather than refused: the answer depends on `url` alone.
 */
export const noticesQuery = /* @__PURE__ */ z.lazy(() => z.object({ url: webUrl() }));
