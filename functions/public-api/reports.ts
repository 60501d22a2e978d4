/** Reporting an error, and following one's own report. */
import type { Router } from '@aws-lambda-powertools/event-handler/http';
import { z } from 'zod';
import { eventOf, idempotencyKey, json, jsonBody, query, sourceIp } from '../../shared/http/request.ts';
import { submissionRequest } from '../../shared/http/schemas.ts';
import { parse } from '../../shared/http/validation.ts';
import { admitClient } from '../../shared/usecases/client-limits.ts';
import { readSubmission } from '../../shared/usecases/read-submission.ts';
import { submitReport } from '../../shared/usecases/submit-report.ts';
import { services } from './services.ts';

const trackingQuery = z.object({ token: z.string().min(1, { error: 'is required' }) });

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

  app.get('/submissions/:id', async (request) => {
    const { token } = parse(trackingQuery, query(eventOf(request)));
    return json(200, await readSubmission(await services(), request.params.id ?? '', token));
  });
}
