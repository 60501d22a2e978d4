/** Subscribers made through the real double opt-in, reading the link or code from the outbox. */
import type { Language } from '../../shared/domain/case.ts';
import type { Frequency } from '../../shared/domain/subscription.ts';
import { confirmEmail } from '../../shared/usecases/confirm-subscription.ts';
import { requestSubscription } from '../../shared/usecases/request-subscription.ts';
import { verifySms } from '../../shared/usecases/verify-subscription.ts';
import type { TestDesk } from './desk.ts';

/** The confirm link in the newest confirmation email to `address`. */
export async function confirmLink(desk: TestDesk, address: string) {
  const sent = (await desk.outbox.read(address)).filter((m) => m.kind === 'confirmation');
  const match = /\/subscriptions\/([0-9a-z]+)\/confirm\?token=([\w.-]+)/.exec(sent.at(-1)?.body ?? '');
  if (!match) throw new Error('no confirmation email');
  return { id: match[1] as string, token: match[2] as string };
}

/** The code in the newest verification SMS to `phone`. */
export async function smsCode(desk: TestDesk, phone: string): Promise<string> {
  const sent = (await desk.outbox.read(phone)).filter((m) => m.kind === 'verification_code');
  const code = /\d{6}/.exec(sent.at(-1)?.body ?? '')?.[0];
  if (!code) throw new Error('no verification SMS');
  return code;
}

/**
 * An active subscription of `address` (an email address, or a phone number for SMS) to `topics`, and
 * to the pages in `more.follows`, as often as `more.frequency` says (at once by default).
 */
export async function activeSubscriber(
  desk: TestDesk,
  address: string,
  topics: string[],
  language: Language = 'zh-CN',
  more: { follows?: string[]; frequency?: Frequency } = {},
): Promise<string> {
  const channel = address.startsWith('+') ? 'sms' : 'email';
  const { id } = await requestSubscription(desk, { channel, address, topics, language, ...more });
  if (channel === 'email') await confirmEmail(desk, id, (await confirmLink(desk, address)).token);
  else await verifySms(desk, id, await smsCode(desk, address));
  return id;
}
