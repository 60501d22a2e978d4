/**
 * The public pages: the corrections list (GET /), each correction's permalink (GET /c/{id}), a day's
 * or a week's corrections (GET /d/{day}, /w/{monday}: the SMS digest's link), the icon.
 */
import type { Router } from '@aws-lambda-powertools/event-handler/http';
import { publicView } from '../../shared/domain/correction.ts';
import { periodNamed } from '../../shared/domain/digest-period.ts';
import { InvalidInput, NotFound } from '../../shared/domain/errors.ts';
import { failedPage as failed, htmlPage as html, languageOf, siteOf } from '../../shared/http/public-site.ts';
import { eventOf, query } from '../../shared/http/request.ts';
import { correctionsPage, correctionsPerPage } from '../../shared/pages/corrections-page.ts';
import { faviconSvg } from '../../shared/pages/favicon.ts';
import { periodPage } from '../../shared/pages/period-page.ts';
import { permalinkIdMaxLength, permalinkPage } from '../../shared/pages/permalink-page.ts';
import { periodCorrections } from '../../shared/usecases/correction-digest.ts';
import { listCorrections, readCorrection } from '../../shared/usecases/read-corrections.ts';
import { listTopics } from '../../shared/usecases/topics.ts';
import { services } from './services.ts';

export function pageRoutes(app: Router): void {
  // Browsers ask for /favicon.ico whatever the page links; both answer the same SVG, cached a day.
  const icon = async () =>
    new Response(faviconSvg, {
      status: 200,
      headers: {
        'content-type': 'image/svg+xml',
        'cache-control': 'public, max-age=86400',
        'x-content-type-options': 'nosniff',
      },
    });
  app.get('/favicon.svg', icon);
  app.get('/favicon.ico', icon);

  app.get('/', async (request) => {
    const parameters = query(eventOf(request));
    const language = languageOf(parameters);
    const deps = await services();
    const site = siteOf(deps);
    const topics = await listTopics(deps.topics);
    const topic = parameters.topic || undefined;
    const cursor = parameters.cursor || undefined;
    if (topic && !topics.some((known) => known.key === topic)) return failed(404, language, site);
    try {
      const page = await listCorrections(deps.correctionLists, {
        limit: correctionsPerPage,
        ...(topic ? { topic } : {}),
        ...(cursor ? { cursor } : {}),
      });
      const { timeZone } = deps.config;
      return html(200, correctionsPage({ language, site, timeZone, topics, topic, cursor, page }));
    } catch (error) {
      if (error instanceof InvalidInput) return failed(400, language, site);
      throw error;
    }
  });

  for (const [path, frequency] of [
    ['/d/:day', 'daily'],
    ['/w/:day', 'weekly'],
  ] as const) {
    app.get(path, async (request) => {
      const language = languageOf(query(eventOf(request)));
      const deps = await services();
      const site = siteOf(deps);
      const { timeZone } = deps.config;
      // A day of the calendar (a week by its Monday) that has begun; anything else names no period.
      const period = periodNamed(`${frequency}#${request.params.day ?? ''}`, timeZone);
      if (!period || period.start > deps.clock.now()) return failed(404, language, site);
      const [corrections, topics] = await Promise.all([
        periodCorrections(deps, period),
        listTopics(deps.topics),
      ]);
      return html(
        200,
        periodPage({
          language,
          site,
          timeZone,
          topics,
          period,
          corrections: corrections.map(publicView),
          here: (lang) => deps.links.period(frequency, period.firstDay, lang),
        }),
      );
    });
  }

  app.get('/c/:id', async (request) => {
    const language = languageOf(query(eventOf(request)));
    const id = request.params.id ?? '';
    const deps = await services();
    const site = siteOf(deps);
    // The contract caps ids at 12 characters: a longer one names nothing, so it is not looked up.
    if ([...id].length > permalinkIdMaxLength) return failed(404, language, site);
    try {
      const [correction, topics] = await Promise.all([
        readCorrection(deps.corrections, id),
        listTopics(deps.topics),
      ]);
      const { timeZone } = deps.config;
      return html(200, permalinkPage({ language, site, timeZone, topics, correction }));
    } catch (error) {
      if (error instanceof NotFound) return failed(404, language, site);
      throw error;
    }
  });
}
