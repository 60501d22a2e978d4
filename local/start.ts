/**
 * `npm start [-- --port N] [-- --data-dir DIR]`: the whole desk locally, with demo data, until Ctrl-C.
 * Without --data-dir everything lives in memory and is gone on stop; with it, the table, the outbox and
 * the stream positions survive restarts.
 */
import { parseArgs } from 'node:util';
import { loadDemoData } from './demo-data.ts';
import { describeError } from './log.ts';
import { type LocalStack, startLocalStack } from './stack.ts';

function readOptions(): { port: number; dataDir?: string; smtpUrl?: string } {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, smtp: { type: 'string' } },
    strict: true,
  });
  // `--smtp host:port` (or SMTP_URL): email to a real SMTP server instead of the outbox.
  const smtp = values.smtp ?? process.env.SMTP_URL;
  const smtpUrl =
    smtp === undefined || smtp === '' ? undefined : smtp.includes('://') ? smtp : `smtp://${smtp}`;
  if (smtpUrl !== undefined && !URL.canParse(smtpUrl)) throw new Error(`Not an SMTP server: "${smtp}"`);
  const text = values.port ?? process.env.PORT ?? '3000';
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`Not a port: "${text}"`);
  return {
    port,
    ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
    ...(smtpUrl ? { smtpUrl } : {}),
  };
}

function banner(stack: LocalStack, demo: string[], dataDir: string | undefined, smtpUrl?: string): string {
  const tokenRequest = JSON.stringify({ sub: 'editor-1', name: 'Demo Editor', groups: ['editor'] });
  return [
    '',
    `Corrections desk running at ${stack.url}`,
    ...(demo.length > 0 ? ['', 'Demo data:', ...demo.map((line) => `  ${line}`)] : []),
    '',
    'An editor token (use it as "Authorization: Bearer <token>" on /admin/...):',
    `  curl -s -X POST ${stack.url}/dev/token -H 'content-type: application/json' -d '${tokenRequest}'`,
    smtpUrl
      ? `Email goes to the SMTP server ${smtpUrl}; SMS to the outbox:  ${stack.url}/dev/outbox`
      : `Outbox, every email and SMS that would have been sent:  ${stack.url}/dev/outbox`,
    `Editors' console:  ${stack.url}/console`,
    'The daily digest, now:  npm run digest',
    `Restore drill:  npm run restore-drill -- --stage local --endpoint ${stack.endpoints.dynamoDb}`,
    dataDir
      ? `Data kept in ${dataDir}`
      : 'Data in memory only: it is gone when the stack stops (--data-dir DIR keeps it).',
    '',
    'Ctrl-C stops everything.',
  ].join('\n');
}

async function main(): Promise<void> {
  const options = readOptions();
  let stop: ((signal: string) => void) | undefined;
  let stopRequested: { signal: string; at: number } | undefined;
  // Handled from the start: a Ctrl-C while starting waits for the start, then stops cleanly. Another
  // one later gives up waiting (the exit hook in engines.ts still kills DynamoDB Local); one that comes
  // right after the first is ignored, because tsx passes a signal on again when its child is slow to
  // acknowledge it.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (stopRequested === undefined) {
        stopRequested = { signal, at: Date.now() };
        stop?.(signal);
      } else if (Date.now() - stopRequested.at > 1000) {
        process.exit(130);
      }
    });
  }

  const stack = await startLocalStack({ ...options, log: (line) => console.log(line) });
  stop = (signal) => {
    console.log(`\n${signal}: stopping…`);
    stack.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(describeError(error));
        process.exit(1);
      },
    );
  };
  if (stopRequested) return stop(stopRequested.signal);

  let demo: string[] = [];
  try {
    demo = await loadDemoData(stack);
  } catch (error) {
    console.error(`The demo data could not be loaded (the desk runs without it): ${describeError(error)}`);
  }
  console.log(banner(stack, demo, options.dataDir, options.smtpUrl));
}

main().catch((error: unknown) => {
  const message =
    (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
      ? 'That port is taken: start with --port N (or PORT=N), or stop what is using it.'
      : describeError(error);
  console.error(message);
  process.exit(1);
});
