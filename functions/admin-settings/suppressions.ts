/** The addresses that get nothing more (bounced, complained, opted out, erased), for admins. */
import type { Router } from '@aws-lambda-powertools/event-handler/http';
import { actorFrom } from '../../shared/http/actor.ts';
import { pageQuery } from '../../shared/http/queries.ts';
import { eventOf, json, query } from '../../shared/http/request.ts';
import { parse } from '../../shared/http/validation.ts';
import { listSuppressions } from '../../shared/usecases/list-suppressions.ts';
import { services } from './services.ts';

export function suppressionRoutes(app: Router): void {
  app.get('/admin/suppressions', async (request) => {
    const event = eventOf(request);
    const actor = actorFrom(event);
    const { limit, cursor } = parse(pageQuery, query(event));
    const page = await listSuppressions((await services()).suppressionList, actor, {
      limit: limit ?? 20,
      ...(cursor ? { cursor } : {}),
    });
    return json(200, page);
  });
}
