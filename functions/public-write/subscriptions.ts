/**
 * Subscribing by email or SMS, confirming, managing and unsubscribing. The API answers JSON; the links
 * people open from messages (confirm, manage, the unsubscribe page), the SMS code step and the forms
 * posted from those pages answer HTML, dead links included. Every GET changes nothing.
 */
import type { Router } from '@aws-lambda-powertools/event-handler/http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Language } from '../../shared/domain/case.ts';
import { InvalidInput, NotFound } from '../../shared/domain/errors.ts';
import { followsOf, frequencyOf, maskAddress, type Subscription } from '../../shared/domain/subscription.ts';
import { allTopics } from '../../shared/domain/topic.ts';
import { formFields, formLines, formLists, isForm } from '../../shared/http/form.ts';
import { HttpProblem, problem } from '../../shared/http/problem.ts';
import { privatePage, seeOther, siteOf } from '../../shared/http/public-site.ts';
import { eventOf, json, jsonBody, query, type RouteRequest, sourceIp } from '../../shared/http/request.ts';
import {
  interestsChange,
  linkTokenQuery,
  subscriptionRequest,
  unsubscribeForm,
  unsubscribeRequest,
  verifyRequest,
} from '../../shared/http/schemas.ts';
import { parse } from '../../shared/http/validation.ts';
import { type FieldErrors, fieldErrorsFor } from '../../shared/pages/form-fields.ts';
import { type ManageValues, managePage } from '../../shared/pages/manage-page.ts';
import { pageWords, wrongCode } from '../../shared/pages/page-words.ts';
import { codePage } from '../../shared/pages/subscribe-page.ts';
import {
  confirmedHtml,
  confirmHtml,
  deadLinkHtml,
  unsubscribedHtml,
  unsubscribeHtml,
} from '../../shared/pages/subscription-pages.ts';
import { logger } from '../../shared/runtime/observability.ts';
import { admitClient } from '../../shared/usecases/client-limits.ts';
import { confirmationPage, confirmEmail } from '../../shared/usecases/confirm-subscription.ts';
import { changeInterests, managedSubscription } from '../../shared/usecases/manage-subscription.ts';
import { ConfirmationNotSent, requestSubscription } from '../../shared/usecases/request-subscription.ts';
import { listTopics } from '../../shared/usecases/topics.ts';
import { unsubscribe, unsubscribePage } from '../../shared/usecases/unsubscribe.ts';
import { verifySms } from '../../shared/usecases/verify-subscription.ts';
import { pageLanguage } from './forms.ts';
import { type PublicServices, services } from './services.ts';

/** Ids are short base32 strings; anything else names no subscription (and never reaches a table key). */
function subscriptionId(request: RouteRequest): string {
  const id = request.params.id ?? '';
  if (!/^[0-9a-z]{1,32}$/.test(id)) throw new NotFound('No such subscription.');
  return id;
}

/** A page, or the one dead-link page for an unknown id or a wrong or expired token. */
async function page(deps: PublicServices, render: () => Promise<string>): Promise<Response> {
  try {
    return privatePage(200, await render());
  } catch (error) {
    if (error instanceof NotFound) return privatePage(404, deadLinkHtml(siteOf(deps)));
    throw error;
  }
}

/** Why the code was refused, in the page's language (the API's detail stays English). */
function codeRefusal(error: InvalidInput, language: Language): string {
  const words = pageWords(language).codeRefusals;
  const detail = error.errors[0]?.message ?? error.message;
  const left = /(\d+) tr(?:y|ies) left/.exec(detail)?.[1];
  if (left !== undefined) return wrongCode(language, Number(left));
  if (/locked|no tries/.test(detail)) return words.locked;
  if (/expired/.test(detail)) return words.expired;
  if (/no code/.test(detail)) return words.none;
  return fieldErrorsFor(error.errors, language).code ?? words.none;
}

const manageValues = (s: Subscription): ManageValues => ({
  topics: s.topics,
  follows: followsOf(s),
  frequency: frequencyOf(s),
  language: s.language,
});

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
      logger().warn('Confirmation not sent', {
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
    if (isForm(event)) return verifyByPage(deps, event, request);
    const { code } = parse(verifyRequest, jsonBody(event));
    return json(200, await verifySms(deps, subscriptionId(request), code));
  });

  // The SMS code step in the browser: a form for the code; it shows nothing of the subscription.
  app.get('/subscriptions/:id/verify', async (request) => {
    const deps = await load();
    const language = pageLanguage(eventOf(request));
    const id = request.params.id ?? '';
    if (!/^[0-9a-z]{1,32}$/.test(id)) return privatePage(404, deadLinkHtml(siteOf(deps)));
    return privatePage(200, codePage({ language, site: siteOf(deps), subscriptionId: id }));
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
    return page(deps, async () =>
      unsubscribedHtml(siteOf(deps), (await unsubscribe(deps, subscriptionId(request), form.token)).page),
    );
  });

  // Changed in 1.1: opening the link shows a button; only its POST confirms (scanners open links).
  app.get('/subscriptions/:id/confirm', async (request) => {
    const { token } = parse(linkTokenQuery, query(eventOf(request)));
    const deps = await load();
    return page(deps, async () => {
      const id = subscriptionId(request);
      const shown = await confirmationPage(deps, id, token);
      return shown.alreadyConfirmed
        ? confirmedHtml(siteOf(deps), shown.page, true, deps.links.manage(id))
        : confirmHtml(siteOf(deps), shown.page, token);
    });
  });

  app.post('/subscriptions/:id/confirm', async (request) => {
    const event = eventOf(request);
    const deps = await load();
    if (!isForm(event)) {
      const { token } = parse(unsubscribeRequest, jsonBody(event));
      return json(200, (await confirmEmail(deps, subscriptionId(request), token)).subscription);
    }
    const fields = await formFields(event);
    const { token } = parse(linkTokenQuery, { token: fields.token ?? query(event).token });
    return page(deps, async () => {
      const id = subscriptionId(request);
      const confirmation = await confirmEmail(deps, id, token);
      return confirmedHtml(
        siteOf(deps),
        confirmation.page,
        confirmation.alreadyConfirmed,
        deps.links.manage(id),
      );
    });
  });

  app.get('/subscriptions/:id/unsubscribe-page', async (request) => {
    const { token } = parse(linkTokenQuery, query(eventOf(request)));
    const deps = await load();
    return page(deps, async () => {
      const shown = await unsubscribePage(deps, subscriptionId(request), token);
      return unsubscribeHtml(siteOf(deps), shown.page, token, shown.subscribed);
    });
  });

  app.get('/subscriptions/:id/manage', async (request) => {
    const event = eventOf(request);
    const { token } = parse(linkTokenQuery, query(event));
    const deps = await load();
    const notice = query(event).done;
    return manageAnswer(
      deps,
      event,
      request,
      token,
      200,
      undefined,
      {},
      notice === 'saved' || notice === 'confirmed' ? notice : undefined,
    );
  });

  app.post('/subscriptions/:id/manage', async (request) => {
    const event = eventOf(request);
    const deps = await load();
    const fields = await formLists(event);
    const { token } = parse(linkTokenQuery, { token: fields.token?.at(-1) ?? query(event).token });
    const chosen = fields.topics ?? [];
    const values: ManageValues = {
      topics: chosen.includes(allTopics) ? [allTopics] : chosen,
      follows: formLines(fields.follows),
      frequency: fields.frequency?.at(-1) ?? '',
      language: fields.language?.at(-1) ?? '',
    };
    const known = new Set((await deps.topics.list()).map((topic) => topic.key));
    const checked = interestsChange(known).safeParse(values);
    if (!checked.success) {
      const errors = fieldErrorsFor(
        checked.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
        pageLanguage(event),
      );
      return manageAnswer(deps, event, request, token, 400, values, errors);
    }
    try {
      const id = subscriptionId(request);
      await changeInterests(deps, id, token, checked.data);
      const next = new URL(deps.links.manage(id));
      next.searchParams.set('done', 'saved');
      if (pageLanguage(event) === 'en') next.searchParams.set('lang', 'en');
      return seeOther(`${next.pathname}${next.search}`);
    } catch (error) {
      if (error instanceof NotFound) return privatePage(404, deadLinkHtml(siteOf(deps)));
      throw error;
    }
  });
}

/** The manage page, as stored or with the values just posted; in ?lang= if given, else the subscriber's. */
async function manageAnswer(
  deps: PublicServices,
  event: APIGatewayProxyEventV2,
  request: RouteRequest,
  token: string,
  status: number,
  posted?: ManageValues,
  errors: FieldErrors = {},
  notice?: 'saved' | 'confirmed',
): Promise<Response> {
  try {
    const id = subscriptionId(request);
    const s = await managedSubscription(deps, id, token);
    const asked = query(event).lang;
    const language: Language = asked === 'en' || asked === 'zh-CN' ? asked : s.language;
    const body = managePage({
      language,
      site: siteOf(deps),
      topics: await listTopics(deps.topics),
      maskedAddress: maskAddress(s.channel, s.address),
      active: s.status === 'active',
      values: posted ?? manageValues(s),
      errors,
      token,
      unsubscribeUrl: deps.links.unsubscribePage(id),
      ...(notice ? { notice } : {}),
    });
    return privatePage(status, body);
  } catch (error) {
    if (error instanceof NotFound) return privatePage(404, deadLinkHtml(siteOf(deps)));
    throw error;
  }
}

/** The code posted from the code page: on to the manage page when right, the form again when not. */
async function verifyByPage(
  deps: PublicServices,
  event: APIGatewayProxyEventV2,
  request: RouteRequest,
): Promise<Response> {
  const language = pageLanguage(event);
  const site = siteOf(deps);
  const code = ((await formFields(event)).code ?? '').replace(/\s/g, '');
  const id = request.params.id ?? '';
  const again = (error: string) =>
    privatePage(400, codePage({ language, site, subscriptionId: id, code, error }));
  const checked = verifyRequest().safeParse({ code });
  if (!checked.success) return again(fieldErrorsFor([{ path: 'code', message: '' }], language).code ?? '');
  try {
    const confirmed = await verifySms(deps, subscriptionId(request), checked.data.code);
    const next = new URL(deps.links.manage(confirmed.id));
    next.searchParams.set('done', 'confirmed');
    if (language === 'en') next.searchParams.set('lang', 'en');
    return seeOther(`${next.pathname}${next.search}`);
  } catch (error) {
    if (error instanceof InvalidInput) return again(codeRefusal(error, language));
    if (error instanceof NotFound) return again(pageWords(language).codeRefusals.none);
    throw error;
  }
}
