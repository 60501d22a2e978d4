/** Reporting an error, and following one's own report. */
import type { Router } from '@aws-lambda-powertools/event-handler/http';
import * as z from 'zod/mini';
import { NotFound } from '../../shared/domain/errors.ts';
import { privatePage, siteOf } from '../../shared/http/public-site.ts';
import {
  eventOf,
  header,
  idempotencyKey,
  json,
  jsonBody,
  prefersHtml,
  query,
  sourceIp,
} from '../../shared/http/request.ts';
import { submissionRequest } from '../../shared/http/schemas.ts';
import { onFirstUse, parse } from '../../shared/http/validation.ts';
import { trackingPage } from '../../shared/pages/report-page.ts';
import { deadLinkHtml } from '../../shared/pages/subscription-pages.ts';
import { admitClient } from '../../shared/usecases/client-limits.ts';
import { readSubmission } from '../../shared/usecases/read-submission.ts';
import { submitReport } from '../../shared/usecases/submit-report.ts';
import { pageLanguage } from './forms.ts';
import { services } from './services.ts';

const trackingQuery = /* @__PURE__ */ onFirstUse(() =>
  z.object({ token: z.string().check(z.minLength(1, { error: 'is required' })) }),
);

export function reportRoutes(app: Router): void {
  app.post('/submissions', async (request) => {
    const event = eventOf(request);
    const deps = await services();
    await admitClient(deps.rateLimiter, sourceIp(event), deps.config.clientRequestsPerMinute);
    const key = idempotencyKey(event);
    const topics = new Set((await deps.topics.list()).map((topic) => topic.key));
    const input = parse(submissionRequest(topics), jsonBody(event));
    return json(201, await submitReport(deps, input, key));
  });

  // The tracking link opens in a browser as a page; API clients asking for JSON get JSON, as before.
  app.get('/submissions/:id', async (request) => {
    const event = eventOf(request);
    const { token } = parse(trackingQuery, query(event));
    const deps = await services();
    const id = request.params.id ?? '';
    if (!prefersHtml(header(event, 'accept'))) return json(200, await readSubmission(deps, id, token));
    const site = siteOf(deps);
    try {
      const status = await readSubmission(deps, id, token);
      const language = pageLanguage(event);
      return privatePage(200, trackingPage({ language, site, timeZone: deps.config.timeZone, status }));
    } catch (error) {
      if (error instanceof NotFound) return privatePage(404, deadLinkHtml(site));
      throw error;
    }
  });
}
