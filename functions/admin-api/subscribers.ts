/** Subscriber imports (admin): a CSV of an existing list, with a dry run first. */
import type { Router } from '@aws-lambda-powertools/event-handler/http';
import * as z from 'zod/mini';
import { actorFrom } from '../../shared/http/actor.ts';
import { csvBody, eventOf, json, query } from '../../shared/http/request.ts';
import { parse } from '../../shared/http/validation.ts';
import { importSubscribers } from '../../shared/usecases/import-subscribers.ts';
import { services } from './services.ts';

const importQuery = z.strictObject({ dryRun: z.optional(z.enum(['true', 'false'])) });

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
}
