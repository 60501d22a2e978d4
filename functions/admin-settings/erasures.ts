/** A person's erasure (admin): their address out of every subscription, contact and delivery record. */
import type { Router } from '@aws-lambda-powertools/event-handler/http';
import { actorFrom } from '../../shared/http/actor.ts';
import { eventOf, json, jsonBody } from '../../shared/http/request.ts';
import { erasureRequest } from '../../shared/http/schemas.ts';
import { parse } from '../../shared/http/validation.ts';
import { erasePerson } from '../../shared/usecases/erase-person.ts';
import { services } from './services.ts';

export function erasureRoutes(app: Router): void {
  app.post('/admin/erasures', async (request) => {
    const event = eventOf(request);
    const actor = actorFrom(event);
    const { channel, address } = parse(erasureRequest, jsonBody(event));
    return json(200, await erasePerson(await services(), actor, { channel, address: address.trim() }));
  });
}
