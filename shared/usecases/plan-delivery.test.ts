import { describe, expect, it } from 'vitest';
import { handOnDelaySeconds, sendingAheadSeconds } from './plan-delivery.ts';

describe('the planner’s next run', () => {
  const rates = { email: 14, sms: 20 };

  it('goes at once while the send queues hold under a minute of sending', () => {
    expect(handOnDelaySeconds({ email: 0, sms: 0 }, rates)).toBe(0);
    expect(handOnDelaySeconds({ email: 14 * sendingAheadSeconds, sms: 20 * 30 }, rates)).toBe(0);
  });

  it('waits until the fuller queue is down to a minute of sending, at most 15 minutes', () => {
    // 2,000 email jobs at 14 a second: 143 s of sending, 83 s more than a minute.
    expect(handOnDelaySeconds({ email: 2_000, sms: 100 }, rates)).toBe(83);
    expect(handOnDelaySeconds({ email: 0, sms: 3_000 }, rates)).toBe(90);
    expect(handOnDelaySeconds({ email: 1_000_000, sms: 0 }, rates)).toBe(900);
  });
});
