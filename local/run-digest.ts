/**
 * `npm run digest`: runs the daily digest now on the stack that `npm start` is running (on PORT, 3000 by
 * default), as the schedule would, and prints what the digest function returned. What it sent to the
 * editors shows in the outbox.
 */
const url = `http://localhost:${process.env.PORT ?? '3000'}`;

async function main(): Promise<number> {
  let response: Response;
  try {
    response = await fetch(`${url}/dev/digest`, { method: 'POST' });
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
