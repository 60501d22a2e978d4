/**
 * `npm run digest`: runs the daily digest now on the stack that `npm start` is running (on PORT, 3000 by
 * default), as the schedule would, and prints what the digest function returned. What it sent to the
 * editors shows in the outbox.
 */
const url = `http://localhost:${process.env.PORT ?? '3000'}`;

try {
  const response = await fetch(`${url}/dev/digest`, { method: 'POST' });
  const text = await response.text();
  let shown = text;
  try {
    shown = JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    // Not JSON: print it as it came.
  }
  console.log(shown);
  if (!response.ok) {
    console.error(`The digest failed (${response.status}); the stack's log says why.`);
    process.exitCode = 1;
  } else {
    console.log(`What it sent is in the outbox: ${url}/dev/outbox`);
  }
} catch (error) {
  console.error(`No local stack answers at ${url} (start one with npm start): ${(error as Error).message}`);
  process.exitCode = 1;
}
