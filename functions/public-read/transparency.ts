/** How fast the desk corrects itself, in public: GET /stats (JSON) and /transparency (the page). */
import type { Router } from '@aws-lambda-powertools/event-handler/http';
import { cachedBriefly, publicResponse, siteOf } from '../../shared/http/public-site.ts';
import { eventOf, json, query } from '../../shared/http/request.ts';
import { contentSecurityPolicy, htmlContentType } from '../../shared/pages/layout.ts';
import { transparencyPage } from '../../shared/pages/transparency-page.ts';
import { languageParameter } from '../../shared/presentation/site.ts';
import { isLanguage } from '../../shared/presentation/words.ts';
import { listTopics } from '../../shared/usecases/topics.ts';
import { readStats } from '../../shared/usecases/transparency.ts';
import { services } from './services.ts';

export function transparencyRoutes(app: Router): void {
  app.get('/stats', async () => json(200, await readStats(await services()), cachedBriefly));

  app.get('/transparency', async (request) => {
    const requested = query(eventOf(request))[languageParameter];
    const language = isLanguage(requested) ? requested : 'zh-CN';
    const deps = await services();
    const [stats, topics, logHead] = await Promise.all([
      readStats(deps),
      listTopics(deps.topics),
      deps.log.head(),
    ]);
    const body = transparencyPage({
      language,
      site: siteOf(deps),
      timeZone: deps.config.timeZone,
      topics,
      stats,
      logHead,
    });
    return publicResponse(200, body, htmlContentType, { 'content-security-policy': contentSecurityPolicy() });
  });
}
