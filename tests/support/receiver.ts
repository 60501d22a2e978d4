/** A webhook receiver on 127.0.0.1 and a free port, answering as each test tells it to. */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
  /** True until the receiver has answered (or the caller gave up). */
  open: boolean;
}

/** Answers a status, or 'hang' to keep the request open without answering. */
export type Answer = (request: Received, index: number) => number | 'hang';

export async function startReceiver(answer: Answer = () => 200) {
  const received: Received[] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry: Received = {
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
        open: true,
      };
      received.push(entry);
      response.on('close', () => {
        entry.open = false;
      });
      const outcome = answer(entry, received.length - 1);
      if (outcome === 'hang') {
        hanging.push(response);
        return;
      }
      response.statusCode = outcome;
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/desk`,
    received,
    close: async () => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
