/** Around publication: who it would reach, amendments of what was published, and the daily digest. */
import type { Router } from '@aws-lambda-powertools/event-handler/http';
import { requireCapability } from '../../shared/domain/roles.ts';
import { actorFrom } from '../../shared/http/actor.ts';
import { eventOf, json, jsonBody } from '../../shared/http/request.ts';
import { noteRequest } from '../../shared/http/schemas.ts';
import { parse } from '../../shared/http/validation.ts';
import { amendCorrection } from '../../shared/usecases/amend-correction.ts';
import { deliverySummary } from '../../shared/usecases/delivery-summary.ts';
import { buildDigest } from '../../shared/usecases/digest.ts';
import { previewAudience } from '../../shared/usecases/preview-audience.ts';
import { previewMessages } from '../../shared/usecases/preview-messages.ts';
import { reannounce } from '../../shared/usecases/reannounce.ts';
import { services } from './services.ts';

export function publicationRoutes(app: Router): void {
  app.get('/admin/cases/:id/audience', async (request) => {
    const actor = actorFrom(eventOf(request));
    return json(200, await previewAudience(await services(), actor, request.params.id ?? ''));
  });

  app.get('/admin/cases/:id/preview-messages', async (request) => {
    const actor = actorFrom(eventOf(request));
    return json(200, await previewMessages(await services(), actor, request.params.id ?? ''));
  });

  app.post('/admin/corrections/:id/amend', async (request) => {
    const event = eventOf(request);
    const actor = actorFrom(event);
    const { note } = parse(noteRequest, jsonBody(event));
    const opened = await amendCorrection(await services(), actor, request.params.id ?? '', note);
    return json(201, opened, { etag: `"${opened.version}"` });
  });

  app.post('/admin/corrections/:id/announce', async (request) => {
    const actor = actorFrom(eventOf(request));
    return json(202, await reannounce(await services(), actor, request.params.id ?? ''));
  });

  app.get('/admin/corrections/:id/deliveries', async (request) => {
    const event = eventOf(request);
    const version = event.queryStringParameters?.version;
    return json(
      200,
      await deliverySummary(await services(), actorFrom(event), request.params.id ?? '', version),
    );
  });

  app.get('/admin/digest', async (request) => {
    requireCapability(actorFrom(eventOf(request)), 'read');
    return json(200, await buildDigest(await services()));
  });
}
