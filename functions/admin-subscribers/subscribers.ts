/** Subscriber imports (admin): a CSV of an existing list, with a dry run first; a long one's job. */
import type { Router } from '@aws-lambda-powertools/event-handler/http';
import * as z from 'zod/mini';
import { NotFound } from '../../shared/domain/errors.ts';
import { actorFrom } from '../../shared/http/actor.ts';
import { csvBody, eventOf, json, query } from '../../shared/http/request.ts';
import { onFirstUse, parse } from '../../shared/http/validation.ts';
import { importJob, importSubscribers } from '../../shared/usecases/import-subscribers.ts';
import { services } from './services.ts';

const importQuery = /* @__PURE__ */ onFirstUse(() =>
  z.strictObject({ dryRun: z.optional(z.enum(['true', 'false'])) }),
);

export function subscriberRoutes(app: Router): void {
  app.post('/admin/subscribers/import', async (request) => {
    const event = eventOf(request);
    const actor = actorFrom(event);
    const { dryRun } = parse(importQuery, query(event));
    const deps = await services();
    const report = await importSubscribers(deps, actor, csvBody(event), {
      dryRun: dryRun === 'true',
      suppressedAmong: (hashes) => deps.suppressions.suppressedAmong(hashes),
    });
    return json(200, report);
  });

  app.get('/admin/subscribers/imports/:id', async (request) => {
    const actor = actorFrom(eventOf(request));
    const job = await importJob(await services(), actor, request.params.id ?? '');
    if (!job) throw new NotFound('There is no import with that id.');
    return json(200, job, { 'cache-control': 'no-store' });
  });
}
