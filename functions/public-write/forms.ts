/**
 * The public's two forms as pages: /subscribe and /report. Each GET shows the form with a fresh signed
 * form token; each POST (form-encoded, from the page, without JavaScript) runs the same use case as
 * the JSON API and answers 303 to the next page, or 400 with the form again: what was typed kept, a
 * message beside each bad field. The same abuse limits apply as to the JSON routes.
 */
import type { Router } from '@aws-lambda-powertools/event-handler/http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Language } from '../../shared/domain/case.ts';
import { InvalidInput, RateLimited } from '../../shared/domain/errors.ts';
import { allTopics } from '../../shared/domain/topic.ts';
import { crossSite, formLines, formLists } from '../../shared/http/form.ts';
import { languageOf, privatePage, seeOther, siteOf } from '../../shared/http/public-site.ts';
import { eventOf, query, sourceIp } from '../../shared/http/request.ts';
import { submissionRequest, subscriptionRequest } from '../../shared/http/schemas.ts';
import { parse } from '../../shared/http/validation.ts';
import { type FieldErrors, fieldErrorsFor } from '../../shared/pages/form-fields.ts';
import { pageWords, smsOnlyIn } from '../../shared/pages/page-words.ts';
import { type ReportValues, reportDefaults, reportPage } from '../../shared/pages/report-page.ts';
import {
  checkInboxPage,
  type SubscribeValues,
  subscribeDefaults,
  subscribePage,
} from '../../shared/pages/subscribe-page.ts';
import { languageParameter } from '../../shared/presentation/site.ts';
import {
  formTokenField,
  issueFormToken,
  type PublicForm,
  requireFormToken,
} from '../../shared/security/form-token.ts';
import { admitClient } from '../../shared/usecases/client-limits.ts';
import { ConfirmationNotSent, requestSubscription } from '../../shared/usecases/request-subscription.ts';
import { submitReport } from '../../shared/usecases/submit-report.ts';
import { listTopics } from '../../shared/usecases/topics.ts';
import { type PublicServices, services } from './services.ts';

/** Pages are for people: an unknown language falls back to Chinese rather than failing. */
export const pageLanguage = (event: APIGatewayProxyEventV2): Language => languageOf(query(event));

const single = (fields: Record<string, string[]>, name: string): string => fields[name]?.at(-1) ?? '';

/**
 * Refuses the whole form when another site posted it (cross-site request forgery) or it carries no
 * fresh token from our page (shared/security/form-token.ts): 400, the form again with a new token.
 */
function checkForm(
  deps: PublicServices,
  event: APIGatewayProxyEventV2,
  form: PublicForm,
  fields: Record<string, string[]>,
) {
  if (crossSite(event, deps.config.publicBaseUrl))
    throw new InvalidInput([{ path: formTokenField, message: 'posted from another site' }]);
  requireFormToken(deps.signer, form, fields, Date.parse(deps.clock.now()));
}

/** An SMS number outside the countries the desk sends to (configuration). */
class SmsCountryRefused extends Error {
  constructor(readonly countries: ReadonlyArray<string>) {
    super('SMS number outside the countries served');
  }
}

/** Which countries SMS goes to, named in the page's language. */
function smsOnlyInCountries(language: Language, countries: ReadonlyArray<string>): string {
  const names = new Intl.DisplayNames([language], { type: 'region' });
  const places = countries.map((code) => names.of(code) ?? code);
  return smsOnlyIn(language, places.join(language === 'en' ? ', ' : '、'));
}

/** The outcome of a page's use case: the next page, or the form again with why. */
async function outcome(
  language: Language,
  run: () => Promise<Response>,
  again: (status: number, errors: FieldErrors, refusal?: string) => Promise<Response>,
): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof InvalidInput) {
      if (error.errors.some((field) => field.path === formTokenField))
        return again(400, {}, pageWords(language).form.expiredForm);
      return again(400, fieldErrorsFor(error.errors, language));
    }
    if (error instanceof SmsCountryRefused)
      return again(400, { address: smsOnlyInCountries(language, error.countries) });
    if (error instanceof RateLimited) return again(429, {}, pageWords(language).form.tooMany);
    if (error instanceof ConfirmationNotSent) return again(503, {}, pageWords(language).form.unavailable);
    throw error;
  }
}

export function formRoutes(app: Router, load: () => Promise<PublicServices> = services): void {
  const subscribeForm = async (
    deps: PublicServices,
    language: Language,
    status: number,
    values: SubscribeValues,
    errors: FieldErrors = {},
    refusal?: string,
  ) =>
    privatePage(
      status,
      subscribePage({
        language,
        site: siteOf(deps),
        topics: await listTopics(deps.topics),
        values,
        errors,
        formToken: issueFormToken(deps.signer, 'subscribe', Date.parse(deps.clock.now())),
        ...(refusal ? { refusal } : {}),
      }),
      status === 429 ? { 'retry-after': '60' } : status === 503 ? { 'retry-after': '60' } : {},
    );

  app.get('/subscribe', async (request) => {
    const event = eventOf(request);
    const { topic, follow } = query(event);
    const language = pageLanguage(event);
    const deps = await load();
    return subscribeForm(deps, language, 200, subscribeDefaults(language, { topic, follow }));
  });

  app.post('/subscribe', async (request) => {
    const event = eventOf(request);
    const language = pageLanguage(event);
    const deps = await load();
    const fields = await formLists(event);
    const chosen = fields.topics ?? [];
    const values: SubscribeValues = {
      channel: single(fields, 'channel'),
      address: single(fields, 'address').trim(),
      // "All topics" ticked with some others means all of them.
      topics: chosen.includes(allTopics) ? [allTopics] : chosen,
      follows: formLines(fields.follows),
      frequency: single(fields, 'frequency'),
      language: single(fields, 'language'),
    };
    const again = (status: number, errors: FieldErrors, refusal?: string) =>
      subscribeForm(deps, language, status, values, errors, refusal);
    return outcome(
      language,
      async () => {
        checkForm(deps, event, 'subscribe', fields);
        await admitClient(deps.rateLimiter, sourceIp(event), deps.config.clientRequestsPerMinute);
        const known = new Set((await deps.topics.list()).map((topic) => topic.key));
        const input = parse(subscriptionRequest(known), {
          channel: values.channel || undefined,
          address: values.address,
          topics: values.topics,
          follows: values.follows,
          frequency: values.frequency || undefined,
          language: values.language || undefined,
        });
        const requested = await requestSubscription(deps, input).catch((error) => {
          // The one field the use case refuses itself: an SMS number outside the countries served.
          if (error instanceof InvalidInput) throw new SmsCountryRefused(deps.config.smsCountries);
          throw error;
        });
        if (requested.status === 'suppressed') return again(400, {}, pageWords(language).form.suppressed);
        const lang = language === 'en' ? '?lang=en' : '';
        return seeOther(
          requested.channel === 'sms'
            ? `/subscriptions/${encodeURIComponent(requested.id)}/verify${lang}`
            : `/subscribe/check-inbox${lang}`,
        );
      },
      again,
    );
  });

  app.get('/subscribe/check-inbox', async (request) => {
    const deps = await load();
    return privatePage(200, checkInboxPage(pageLanguage(eventOf(request)), siteOf(deps)));
  });

  const reportForm = async (
    deps: PublicServices,
    language: Language,
    status: number,
    values: ReportValues,
    errors: FieldErrors = {},
    refusal?: string,
  ) =>
    privatePage(
      status,
      reportPage({
        language,
        site: siteOf(deps),
        topics: await listTopics(deps.topics),
        values,
        errors,
        formToken: issueFormToken(deps.signer, 'report', Date.parse(deps.clock.now())),
        ...(refusal ? { refusal } : {}),
      }),
      status === 429 ? { 'retry-after': '60' } : {},
    );

  app.get('/report', async (request) => {
    const event = eventOf(request);
    const language = pageLanguage(event);
    const deps = await load();
    return reportForm(deps, language, 200, reportDefaults(language, query(event).url ?? ''));
  });

  app.post('/report', async (request) => {
    const event = eventOf(request);
    const language = pageLanguage(event);
    const deps = await load();
    const fields = await formLists(event);
    const values: ReportValues = {
      url: single(fields, 'url').trim(),
      text: single(fields, 'text'),
      topic: single(fields, 'topic'),
      evidence: single(fields, 'evidence'),
      language: single(fields, 'language'),
      email: single(fields, 'email').trim(),
      phone: single(fields, 'phone').replace(/[\s-]/g, ''),
    };
    const again = (status: number, errors: FieldErrors, refusal?: string) =>
      reportForm(deps, language, status, values, errors, refusal);
    return outcome(
      language,
      async () => {
        checkForm(deps, event, 'report', fields);
        await admitClient(deps.rateLimiter, sourceIp(event), deps.config.clientRequestsPerMinute);
        const known = new Set((await deps.topics.list()).map((topic) => topic.key));
        const evidence = formLines([values.evidence]);
        const contact = {
          ...(values.email ? { email: values.email } : {}),
          ...(values.phone ? { phone: values.phone } : {}),
        };
        const input = parse(submissionRequest(known), {
          text: values.text,
          ...(values.url ? { url: values.url } : {}),
          ...(values.topic ? { topic: values.topic } : {}),
          ...(evidence.length ? { evidence } : {}),
          ...(values.language ? { language: values.language } : {}),
          ...(Object.keys(contact).length ? { contact } : {}),
        });
        const receipt = await submitReport(deps, input);
        const tracking = new URL(deps.links.tracking(receipt.submissionId, receipt.trackingToken));
        if (language === 'en') tracking.searchParams.set(languageParameter, 'en');
        return seeOther(`${tracking.pathname}${tracking.search}`);
      },
      again,
    );
  });
}
