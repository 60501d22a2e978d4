/** The public's reads: topics, corrections and the public log of every published version. */
import type { Router } from '@aws-lambda-powertools/event-handler/http';
import { cachedBriefly } from '../../shared/http/public-site.ts';
import { correctionListQuery, logQuery } from '../../shared/http/queries.ts';
import { eventOf, json, query } from '../../shared/http/request.ts';
import { parse } from '../../shared/http/validation.ts';
import { listCorrections, readCorrection } from '../../shared/usecases/read-corrections.ts';
import { listTopics } from '../../shared/usecases/topics.ts';
import { services } from './services.ts';

export function catalogueRoutes(app: Router): void {
  app.get('/topics', async () => {
    const topics = await listTopics((await services()).topics);
    return json(200, { items: topics.map(({ key, names, desk }) => ({ key, names, desk })) }, cachedBriefly);
  });

  app.get('/corrections', async (request) => {
    const { limit, ...filters } = parse(correctionListQuery, query(eventOf(request)));
    return json(
      200,
      await listCorrections((await services()).correctionLists, { ...filters, limit: limit ?? 20 }),
      cachedBriefly,
    );
  });

  // The public log changes with every publication: cached as briefly as the lists it records.
  app.get('/corrections/log', async (request) => {
    const { after, limit } = parse(logQuery, query(eventOf(request)));
    return json(200, await (await services()).log.entries(after ?? 0, limit ?? 100), cachedBriefly);
  });

  app.get('/corrections/log/head', async () => json(200, await (await services()).log.head(), cachedBriefly));

  app.get('/corrections/:id', async (request) =>
    json(200, await readCorrection((await services()).corrections, request.params.id ?? ''), cachedBriefly),
  );
}
