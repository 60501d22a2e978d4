/**
 * An article's own corrections, for the article's page: GET /notices (JSON that any site's script may
 * read) and GET /notices/frame (the same as a small document for an iframe). Both read the page's
 * notices once; both may be cached briefly and revalidated by their ETag.
 */
import { createHash } from 'node:crypto';
import type { Router } from '@aws-lambda-powertools/event-handler/http';
import { InvalidInput } from '../../shared/domain/errors.ts';
import { HttpProblem, problemFor } from '../../shared/http/problem.ts';
import { cachedBriefly, publicResponse, siteOf } from '../../shared/http/public-site.ts';
import { noticesQuery } from '../../shared/http/queries.ts';
import { eventOf, header, query } from '../../shared/http/request.ts';
import { parse } from '../../shared/http/validation.ts';
import { htmlContentType } from '../../shared/pages/layout.ts';
import { badUrlFrame, frameContentSecurityPolicy, noticesFrame } from '../../shared/pages/notices-frame.ts';
import { languageParameter } from '../../shared/presentation/site.ts';
import { isLanguage } from '../../shared/presentation/words.ts';
import { noticeJson, readNotices } from '../../shared/usecases/notices.ts';
import { services } from './services.ts';

const jsonContentType = 'application/json; charset=utf-8';

/** Any page may read the notices from its own script: they are public, and no cookie is involved. */
const openToEveryOrigin = { 'access-control-allow-origin': '*' };

/** A strong validator of the exact answer: a page's notices change only when one is published. */
const etagOf = (body: string): string =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** 304 when the client already holds this answer (If-None-Match), else the answer with its ETag. */
function revalidated(request: { event: unknown }, response: Response, body: string): Response {
  const etag = etagOf(body);
  const held = header(eventOf(request), 'if-none-match');
  if (held?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    const headers = new Headers(response.headers);
    headers.delete('content-type');
    headers.set('etag', etag);
    return new Response(null, { status: 304, headers });
  }
  response.headers.set('etag', etag);
  return response;
}

export function noticeRoutes(app: Router): void {
  app.get('/notices', async (request) => {
    let url: string;
    try {
      ({ url } = parse(noticesQuery, query(eventOf(request))));
    } catch (error) {
      // The refusal too must be readable by the page's script, or it could only see a network error.
      if (!(error instanceof InvalidInput)) throw error;
      throw new HttpProblem(problemFor(error).body, { ...openToEveryOrigin, 'cache-control': 'no-store' });
    }
    const body = JSON.stringify(noticeJson(await readNotices(await services(), url)));
    const headers = { 'content-type': jsonContentType, ...cachedBriefly, ...openToEveryOrigin };
    return revalidated(request, new Response(body, { status: 200, headers }), body);
  });

  app.get('/notices/frame', async (request) => {
    const parameters = query(eventOf(request));
    const requested = parameters[languageParameter];
    const language = isLanguage(requested) ? requested : 'zh-CN';
    const deps = await services();
    const site = siteOf(deps);
    const headers = { 'content-security-policy': frameContentSecurityPolicy() };
    let url: string;
    try {
      ({ url } = parse(noticesQuery, parameters));
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      return publicResponse(400, badUrlFrame(language, site), htmlContentType, headers);
    }
    const notices = await readNotices(deps, url);
    const body = noticesFrame({ language, site, timeZone: deps.config.timeZone, notices });
    return revalidated(request, publicResponse(200, body, htmlContentType, headers), body);
  });
}
