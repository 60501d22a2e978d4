/** GET /openapi.json: the HTTP contract, generated from contract/openapi.yaml by `npm run contract`. */
import type { Router } from '@aws-lambda-powertools/event-handler/http';
import { openapiDocument } from '../../shared/http/openapi.ts';
import { json } from '../../shared/http/request.ts';

export function contractRoutes(app: Router): void {
  app.get('/openapi.json', async () =>
    json(200, openapiDocument(), { 'cache-control': 'public, max-age=300' }),
  );
}
