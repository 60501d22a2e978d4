/** The webhooks, managed by admins: the secret is in the creation's answer only. */
import type { Router } from '@aws-lambda-powertools/event-handler/http';
import { actorFrom } from '../../shared/http/actor.ts';
import { pageQuery } from '../../shared/http/queries.ts';
import { eventOf, json, jsonBody, query } from '../../shared/http/request.ts';
import { webhookChange, webhookRequest } from '../../shared/http/schemas.ts';
import { parse } from '../../shared/http/validation.ts';
import {
  addWebhook,
  changeWebhook,
  listWebhooks,
  removeWebhook,
  webhookAttempts,
} from '../../shared/usecases/webhooks.ts';
import { services } from './services.ts';

export function webhookRoutes(app: Router): void {
  app.get('/admin/webhooks', async (request) => {
    const actor = actorFrom(eventOf(request));
    return json(200, { items: await listWebhooks(await services(), actor) });
  });

  app.post('/admin/webhooks', async (request) => {
    const event = eventOf(request);
    const actor = actorFrom(event);
    const body = parse(webhookRequest, jsonBody(event));
    const created = await addWebhook(await services(), actor, body);
    return json(201, created, { 'cache-control': 'no-store' });
  });

  app.patch('/admin/webhooks/:id', async (request) => {
    const event = eventOf(request);
    const actor = actorFrom(event);
    const change = parse(webhookChange, jsonBody(event));
    return json(200, await changeWebhook(await services(), actor, request.params.id ?? '', change));
  });

  app.delete('/admin/webhooks/:id', async (request) => {
    const actor = actorFrom(eventOf(request));
    await removeWebhook(await services(), actor, request.params.id ?? '');
    return new Response(null, { status: 204 });
  });

  app.get('/admin/webhooks/:id/attempts', async (request) => {
    const event = eventOf(request);
    const actor = actorFrom(event);
    const { limit, cursor } = parse(pageQuery, query(event));
    const page = await webhookAttempts(await services(), actor, request.params.id ?? '', {
      limit: limit ?? 20,
      ...(cursor ? { cursor } : {}),
    });
    return json(200, page);
  });
}
