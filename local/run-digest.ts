/**
 * `npm run digest`: runs the daily digest job now on the stack that `npm start` is running (on PORT,
 * 3000 by default), as the schedule would, and prints what the digest function returned: the editors'
 * digest, and the subscribers' digests it started (yesterday's, and last week's on a Monday).
 * `npm run digest -- --at 2026-11-30T08:00:00+08:00` runs it as if the schedule fired then (to send
 * today's digests, run it as of tomorrow). What it sent shows in the outbox.
 */
const url = `http://localhost:${process.env.PORT ?? '3000'}`;

async function main(): Promise<number> {
  const atFlag = process.argv.indexOf('--at');
  const at = atFlag >= 0 ? process.argv[atFlag + 1] : undefined;
  let response: Response;
  try {
    response = await fetch(`${url}/dev/digest${at ? `?at=${encodeURIComponent(at)}` : ''}`, {
      method: 'POST',
    });
  } catch (error) {
    console.error(`No local stack answers at ${url} (start one with npm start): ${(error as Error).message}`);
    return 1;
  }
  const text = await response.text();
  try {
    console.log(JSON.stringify(JSON.parse(text), null, 2));
  } catch {
    console.log(text);
  }
  if (!response.ok) {
    console.error(`The digest failed (${response.status}); the stack's log says why.`);
    return 1;
  }
  console.log(`What it sent is in the outbox: ${url}/dev/outbox`);
  return 0;
}

main().then((code) => {
  process.exitCode = code;
});
