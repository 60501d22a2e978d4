/** The review queue and every editorial action on a case. */
import type { Router } from '@aws-lambda-powertools/event-handler/http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Case } from '../../shared/domain/case.ts';
import { type CaseAction, requireAction } from '../../shared/domain/lifecycle.ts';
import { actorFrom } from '../../shared/http/actor.ts';
import {
  eventOf,
  expectedVersion,
  idempotencyKey,
  json,
  jsonBody,
  query,
  type RouteRequest,
} from '../../shared/http/request.ts';
import {
  assignRequest,
  caseListQuery,
  closeRequest,
  draftRequest,
  noteRequest,
  reviewRequest,
  staffCaseRequest,
  updateRequest,
} from '../../shared/http/schemas.ts';
import { parse } from '../../shared/http/validation.ts';
import { actOnCase, type EditorialCommand } from '../../shared/usecases/act-on-case.ts';
import { openStaffCase } from '../../shared/usecases/open-case.ts';
import { listCases, readCase } from '../../shared/usecases/read-cases.ts';
import { services } from './services.ts';

const withEtag = (status: number, c: Case) => json(status, c, { etag: `"${c.version}"` });

const knownTopics = async () => new Set((await (await services()).topics.list()).map((topic) => topic.key));

/** One editorial action: who (401), allowed (403), which version (428), what (400), then the use case. */
function caseAction<A extends CaseAction>(
  action: A,
  command: (event: APIGatewayProxyEventV2) => Promise<EditorialCommand> | EditorialCommand,
) {
  return async (request: RouteRequest) => {
    const event = eventOf(request);
    const actor = actorFrom(event);
    requireAction(actor, action);
    const expected = expectedVersion(event);
    const parsed = await command(event);
    const deps = await services();
    const changed = await actOnCase(deps, {
      caseId: request.params.id ?? '',
      expectedVersion: expected,
      actor,
      command: parsed,
    });
    return withEtag(200, changed);
  };
}

export function caseRoutes(app: Router): void {
  app.get('/admin/cases', async (request) => {
    const event = eventOf(request);
    const actor = actorFrom(event);
    const { limit, ...filters } = parse(caseListQuery, query(event));
    const page = await listCases((await services()).caseQueue, actor, { ...filters, limit: limit ?? 20 });
    return json(200, page);
  });

  app.post('/admin/cases', async (request) => {
    const event = eventOf(request);
    const actor = actorFrom(event);
    const key = idempotencyKey(event);
    const input = parse(staffCaseRequest(await knownTopics()), jsonBody(event));
    const opened = await openStaffCase(await services(), actor, input, key);
    return withEtag(201, opened);
  });

  app.get('/admin/cases/:id', async (request) => {
    const found = await readCase(
      (await services()).cases,
      actorFrom(eventOf(request)),
      request.params.id ?? '',
    );
    return withEtag(200, found);
  });

  app.patch(
    '/admin/cases/:id',
    caseAction('update', async (event) => ({
      action: 'update',
      ...parse(updateRequest(await knownTopics()), jsonBody(event)),
    })),
  );
  app.post(
    '/admin/cases/:id/assign',
    caseAction('assign', (event) => ({ action: 'assign', ...parse(assignRequest, jsonBody(event)) })),
  );
  app.post(
    '/admin/cases/:id/review',
    caseAction('review', (event) => ({ action: 'review', ...parse(reviewRequest, jsonBody(event)) })),
  );
  app.put(
    '/admin/cases/:id/draft',
    caseAction('draft', async (event) => ({
      action: 'draft',
      draft: parse(draftRequest((await services()).config.publicBaseUrl), jsonBody(event)),
    })),
  );
  app.post(
    '/admin/cases/:id/submit',
    caseAction('submit', () => ({ action: 'submit' })),
  );
  app.post(
    '/admin/cases/:id/request-changes',
    caseAction('request-changes', (event) => ({
      action: 'request-changes',
      ...parse(noteRequest, jsonBody(event)),
    })),
  );
  app.post(
    '/admin/cases/:id/approve',
    caseAction('approve', () => ({ action: 'approve' })),
  );
  app.post(
    '/admin/cases/:id/close',
    caseAction('close', (event) => ({ action: 'close', ...parse(closeRequest, jsonBody(event)) })),
  );
}
