import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { logger } from '../runtime/observability.ts';
import { apiHandler } from './api.ts';

const event = (path: string, requestId: string) =>
  ({
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: {},
    isBase64Encoded: false,
    requestContext: {
      accountId: '111122223333',
      apiId: 'api',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      requestId,
      routeKey: '$default',
      stage: '$default',
      time: '28/Nov/2026:00:00:00 +0000',
      timeEpoch: 0,
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
    },
  }) as APIGatewayProxyEventV2;

describe('an HTTP API function', () => {
  it('answers an unexpected failure with a 500 that names the request id its log lines carry', async () => {
    const handler = apiHandler([
      (app) => {
        app.get('/broken', () => {
          throw new Error('database on fire');
        });
      },
    ]);
    const response = await handler(event('/broken', 'req-500'), {} as Context);
    expect(response.statusCode).toBe(500);
    const body = JSON.parse(response.body ?? '{}');
    expect(body).toMatchObject({ status: 500, requestId: 'req-500' });
    expect(response.body).not.toContain('on fire');
  });

  it("answers an address that names nothing with the function's own answer, without a warning", async () => {
    const warn = vi.spyOn(logger(), 'warn');
    const handler = apiHandler([], async () => new Response('a page with a way on', { status: 404 }));
    const response = await handler(event('/nowhere', 'req-404'), {} as Context);
    expect(response).toMatchObject({ statusCode: 404, body: 'a page with a way on' });
    // Registering a second not-found answer over the default once logged a warning at every cold start.
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});
