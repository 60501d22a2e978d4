import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { extensionSecret } from './secrets-extension.ts';

/** A stand-in for the extension's localhost server: records each request, answers from `answers`. */
async function extension(answers: Array<{ status: number; body: string }>) {
  const requests: Array<{ method?: string; url?: string; headers: IncomingHttpHeaders }> = [];
  const server: Server = createServer((request, response) => {
    requests.push({ method: request.method, url: request.url, headers: request.headers });
    const answer = answers.shift() ?? { status: 500, body: 'no answer left' };
    response.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  const port = String((server.address() as AddressInfo).port);
  return {
    requests,
    environment: { AWS_SESSION_TOKEN: 'session-token', PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: port },
  };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

const arn = 'arn:aws:secretsmanager:eu-central-1:123456789012:secret:LinkSecret-AbC123';
const found = (secret: string) => ({ status: 200, body: JSON.stringify({ ARN: arn, SecretString: secret }) });

describe('a secret read through the Parameters and Secrets extension', () => {
  it('is one GET of /secretsmanager/get with the secret id and the session token header', async () => {
    const { requests, environment } = await extension([found('链接密钥 s3cret')]);
    expect(await extensionSecret(arn, 'link secret', environment)).toBe('链接密钥 s3cret');
    expect(requests).toHaveLength(1);
    expect(requests[0]?.method).toBe('GET');
    expect(requests[0]?.url).toBe(`/secretsmanager/get?secretId=${encodeURIComponent(arn)}`);
    expect(requests[0]?.headers['x-aws-parameters-secrets-token']).toBe('session-token');
  });

  it('waits while the extension is not ready yet, then reads', async () => {
    const notReady = { status: 400, body: 'not ready to serve traffic, please wait' };
    const { requests, environment } = await extension([notReady, notReady, found('k')]);
    expect(await extensionSecret(arn, 'link secret', environment)).toBe('k');
    expect(requests).toHaveLength(3);
  });

  it('fails with the status and the reason when the extension refuses, and on an empty secret', async () => {
    const { environment } = await extension([
      { status: 400, body: 'AccessDeniedException: not authorized to perform GetSecretValue' },
      { status: 200, body: JSON.stringify({ ARN: arn }) },
    ]);
    await expect(extensionSecret(arn, 'webhook secrets key', environment)).rejects.toThrow(
      'Cannot read the webhook secrets key through the secrets extension: 400 AccessDeniedException',
    );
    await expect(extensionSecret(arn, 'webhook secrets key', environment)).rejects.toThrow(
      'The webhook secrets key is empty',
    );
  });

  it('gives up on an extension that does not answer, and on one that is not there', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    servers.push(silent);
    const port = String((silent.address() as AddressInfo).port);
    const environment = { AWS_SESSION_TOKEN: 't', PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: port };
    await expect(extensionSecret(arn, 'link secret', environment, 200)).rejects.toThrow(
      'Cannot read the link secret through the secrets extension: TimeoutError',
    );
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
    await expect(extensionSecret(arn, 'link secret', environment, 200)).rejects.toThrow(
      'Cannot read the link secret through the secrets extension: ECONNREFUSED',
    );
  });

  it('refuses to ask without a session token, which the extension requires', async () => {
    const { requests, environment } = await extension([found('k')]);
    await expect(
      extensionSecret(arn, 'link secret', { ...environment, AWS_SESSION_TOKEN: undefined }),
    ).rejects.toThrow('AWS_SESSION_TOKEN is not set');
    expect(requests).toHaveLength(0);
  });
});
