/**
 * Subscribing by email or SMS, confirming, and unsubscribing. The API answers JSON; the links people
 * open from messages (confirm, the unsubscribe page, and the forms posted from there) answer HTML,
 * dead links included.
 */
import type { Router } from '@aws-lambda-powertools/event-handler/http';
import { NotFound } from '../../shared/domain/errors.ts';
import { formFields, isForm } from '../../shared/http/form.ts';
import { HttpProblem, problem } from '../../shared/http/problem.ts';
import { eventOf, json, jsonBody, query, type RouteRequest, sourceIp } from '../../shared/http/request.ts';
import {
  linkTokenQuery,
  subscriptionRequest,
  unsubscribeForm,
  unsubscribeRequest,
  verifyRequest,
} from '../../shared/http/schemas.ts';
import { parse } from '../../shared/http/validation.ts';
import {
  confirmedHtml,
  deadLinkHtml,
  subscriptionPagePolicy,
  unsubscribedHtml,
  unsubscribeHtml,
} from '../../shared/pages/subscription-pages.ts';
import { logger } from '../../shared/runtime/observability.ts';
import { admitClient } from '../../shared/usecases/client-limits.ts';
import { confirmEmail } from '../../shared/usecases/confirm-subscription.ts';
import { ConfirmationNotSent, requestSubscription } from '../../shared/usecases/request-subscription.ts';
import { unsubscribe, unsubscribePage } from '../../shared/usecases/unsubscribe.ts';
import { verifySms } from '../../shared/usecases/verify-subscription.ts';
import { type PublicServices, services } from './services.ts';

/** Ids are short base32 strings; anything else names no subscription (and never reaches a table key). */
function subscriptionId(request: RouteRequest): string {
  const id = request.params.id ?? '';
  if (!/^[0-9a-z]{1,32}$/.test(id)) throw new NotFound('No such subscription.');
  return id;
}

function html(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': subscriptionPagePolicy,
      // The page's address carries a token: no cache keeps it, no Referer passes it on.
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-robots-tag': 'noindex',
    },
  });
}

/** A page, or the one dead-link page for an unknown id or a wrong or expired token. */
async function page(render: () => Promise<string>): Promise<Response> {
  try {
    return html(200, await render());
  } catch (error) {
    if (error instanceof NotFound) return html(404, deadLinkHtml());
    throw error;
  }
}

/** `load` is the composition root; tests pass their own desk. */
export function subscriptionRoutes(app: Router, load: () => Promise<PublicServices> = services): void {
  app.post('/subscriptions', async (request) => {
    const event = eventOf(request);
    const deps = await load();
    await admitClient(deps.rateLimiter, sourceIp(event), deps.config.clientRequestsPerMinute);
    const topics = new Set((await deps.topics.list()).map((topic) => topic.key));
    const input = parse(subscriptionRequest(topics), jsonBody(event));
    try {
      return json(202, await requestSubscription(deps, input));
    } catch (error) {
      if (!(error instanceof ConfirmationNotSent)) throw error;
      // Providers' error messages may quote the address: log the failure's name only.
      const failure = error.cause instanceof Error ? error.cause.name : 'unknown';
      logger.warn('Confirmation not sent', {
        subscriptionId: error.subscriptionId,
        channel: error.channel,
        failure,
      });
      throw new HttpProblem(
        problem(503, 'The confirmation could not be sent just now. Send the same request again in a minute.'),
        { 'retry-after': '60' },
      );
    }
  });

  app.post('/subscriptions/:id/verify', async (request) => {
    const event = eventOf(request);
    const deps = await load();
    await admitClient(deps.rateLimiter, sourceIp(event), deps.config.clientRequestsPerMinute);
    const { code } = parse(verifyRequest, jsonBody(event));
    return json(200, await verifySms(deps, subscriptionId(request), code));
  });

  // No client limit here: one-click unsubscribes arrive from mail providers' servers, many people
  // behind one address, and refusing one would keep writing to someone who asked us to stop.
  app.post('/subscriptions/:id/unsubscribe', async (request) => {
    const event = eventOf(request);
    const deps = await load();
    if (!isForm(event)) {
      const { token } = parse(unsubscribeRequest, jsonBody(event));
      return json(200, (await unsubscribe(deps, subscriptionId(request), token)).subscription);
    }
    // One-click carries the token in the link it posts to; the page's form carries it in the body.
    const fields = await formFields(event);
    const form = parse(unsubscribeForm, { ...fields, token: fields.token ?? query(event).token });
    return page(async () =>
      unsubscribedHtml((await unsubscribe(deps, subscriptionId(request), form.token)).page),
    );
  });

  app.get('/subscriptions/:id/confirm', async (request) => {
    const { token } = parse(linkTokenQuery, query(eventOf(request)));
    const deps = await load();
    return page(async () => {
      const confirmation = await confirmEmail(deps, subscriptionId(request), token);
      return confirmedHtml(confirmation.page, confirmation.alreadyConfirmed);
    });
  });

  app.get('/subscriptions/:id/unsubscribe-page', async (request) => {
    const { token } = parse(linkTokenQuery, query(eventOf(request)));
    const deps = await load();
    return page(async () => {
      const shown = await unsubscribePage(deps, subscriptionId(request), token);
      return unsubscribeHtml(shown.page, token, shown.subscribed);
    });
  });
}
