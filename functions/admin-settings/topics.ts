/** The topic catalogue, managed by admins. */
import type { Router } from '@aws-lambda-powertools/event-handler/http';
import { actorFrom } from '../../shared/http/actor.ts';
import { eventOf, json, jsonBody } from '../../shared/http/request.ts';
import { topicKeyParameter, topicRequest } from '../../shared/http/schemas.ts';
import { parse } from '../../shared/http/validation.ts';
import { listTopics, saveTopic } from '../../shared/usecases/topics.ts';
import { services } from './services.ts';

export function topicRoutes(app: Router): void {
  app.get('/admin/topics', async (request) => {
    actorFrom(eventOf(request));
    return json(200, { items: await listTopics((await services()).topics) });
  });

  app.put('/admin/topics/:key', async (request) => {
    const event = eventOf(request);
    const actor = actorFrom(event);
    const key = parse(topicKeyParameter, request.params.key);
    const body = parse(topicRequest, jsonBody(event));
    const saved = await saveTopic((await services()).topics, actor, {
      key,
      names: body.names,
      desk: body.desk,
      defaultSeverity: body.defaultSeverity ?? 'normal',
    });
    return json(200, saved);
  });
}
