/**
 * SMS pumping, tried on the running local stack: numbers outside the allowed countries get nothing;
 * once the hour's confirmations are spent the desk answers 429 and sends nothing more; a block of
 * numbers has its own cap; and a subscriber confirmed before the flood still gets the correction.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/stack.ts';
import { randomDigits } from '../../shared/security/tokens.ts';
import { type Call, eventually, runningDesk, type Tokens } from '../support/http.ts';
import { publishViaApi } from '../support/publishing.ts';

let stack: LocalStack;
let call: Call;
let tokens: Tokens;

/** This stack's caps: 6 SMS confirmations an hour, 3 per block of 10,000 numbers (the demo's own are larger). */
const smsPerHour = 6;
const perBlock = 3;

beforeAll(async () => {
  Object.assign(process.env, {
    SMS_COUNTRIES: 'CN',
    SMS_CONFIRMATIONS_PER_HOUR: String(smsPerHour),
    SMS_REQUESTS_PER_PREFIX_PER_HOUR: String(perBlock),
  });
  ({ stack, call, tokens } = await runningDesk());
});
afterAll(async () => {
  await stack?.stop();
});

const subscribeSms = (address: string) =>
  call('POST', '/subscriptions', { body: { channel: 'sms', address, topics: ['firefighting-rescue'] } });

const smsSent = async () => (await stack.outbox.read()).filter((m) => m.channel === 'sms');

describe('SMS pumping', () => {
  let confirmed: string;

  it('a subscriber confirms before the flood', async () => {
    confirmed = `+86138${randomDigits(8)}`;
    const requested = await subscribeSms(confirmed);
    expect(requested.status, requested.text).toBe(202);
    const sms = await eventually(async () =>
      (await stack.outbox.read(confirmed)).find((m) => m.kind === 'verification_code'),
    );
    const code = /\d{6}/.exec(sms.body)?.[0];
    const verified = await call('POST', `/subscriptions/${requested.json.id}/verify`, { body: { code } });
    expect(verified.json.status).toBe('active');
  });

  it('a burst to numbers outside the allowed countries sends nothing', async () => {
    const before = (await smsSent()).length;
    const foreign = ['+447700900', '+1415555', '+3375512', '+88213', '+23270'];
    const answers = await Promise.all(
      foreign.flatMap((prefix) =>
        Array.from({ length: 6 }, () => subscribeSms(`${prefix}${randomDigits(12 - prefix.length + 1)}`)),
      ),
    );
    answers.push(await subscribeSms('+14155552671'), await subscribeSms('+447911123456'));
    for (const answer of answers) {
      expect(answer.status, answer.text).toBe(400);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    // Those that are valid numbers at all are refused by country, naming the address.
    expect(answers.some((answer) => /only to numbers in CN/.test(answer.text))).toBe(true);
    expect((await smsSent()).length).toBe(before);
  });

  it('one block of numbers gets at most its cap', async () => {
    const block = `+86139${randomDigits(4)}`;
    const answers = [];
    for (let i = 0; i < perBlock + 2; i++) answers.push(await subscribeSms(`${block}${randomDigits(4)}`));
    expect(answers.map((answer) => answer.status)).toEqual([
      ...Array(perBlock).fill(202),
      ...Array(2).fill(429),
    ]);
    expect(answers.at(-1)?.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('past the hour’s confirmations: 429 with Retry-After, and nothing more is sent', async () => {
    // One confirmed subscriber and one block's worth were sent already this hour.
    const left = smsPerHour - 1 - perBlock;
    const statuses = [];
    for (let i = 0; i < left + 5; i++) {
      statuses.push((await subscribeSms(`+86137${randomDigits(8)}`)).status);
    }
    expect(statuses).toEqual([...Array(left).fill(202), ...Array(5).fill(429)]);
    const refused = await subscribeSms(`+86136${randomDigits(8)}`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.json).toMatchObject({ status: 429, detail: expect.stringMatching(/confirmations/) });
    // The admitted requests' codes arrive from the SMS sender; then nothing more comes.
    const codes = async () => (await smsSent()).filter((m) => m.kind === 'verification_code');
    await eventually(async () => (await codes()).length >= smsPerHour);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await codes()).toHaveLength(smsPerHour);
  });

  it('the confirmed subscriber still gets the correction', async () => {
    await publishViaApi(call, tokens, { topic: 'firefighting-rescue', headline: '出动车辆数更正' });
    const correction = await eventually(
      async () => (await stack.outbox.read(confirmed)).find((m) => m.kind === 'correction'),
      30_000,
    );
    expect(correction.body).toContain('/c/');
  });
});
