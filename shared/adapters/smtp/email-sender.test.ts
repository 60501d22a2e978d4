/** The SMTP adapter against a real (local) SMTP server: what arrives is what the SES path sends. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer } from '../../../tests/support/smtp.ts';
import { SmtpEmailSender } from './email-sender.ts';

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let sender: SmtpEmailSender;

beforeAll(async () => {
  smtp = await startSmtpServer();
  sender = new SmtpEmailSender(smtp.url, 'corrections@example.org');
});
afterAll(async () => {
  await sender?.close();
  await smtp?.stop();
});

describe('the SMTP email sender', () => {
  it('delivers UTF-8 text and HTML from the desk with the RFC 8058 unsubscribe headers, and returns the message id', async () => {
    const unsubscribe = '<https://c.example.org/subscriptions/s1/unsubscribe?token=t>';
    const id = await sender.send({
      to: 'reader@example.org',
      subject: '[更正] 关于伤亡人数的更正',
      text: '受伤人数为1人。🚒',
      html: '<p>受伤人数为1人。🚒</p>',
      headers: { 'List-Unsubscribe': unsubscribe, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      kind: 'correction',
      correctionId: 'abc',
    });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail?.from).toBe('corrections@example.org');
    expect(mail?.to).toEqual(['reader@example.org']);
    expect(mail?.subject).toBe('[更正] 关于伤亡人数的更正');
    expect(mail?.text).toBe('受伤人数为1人。🚒');
    expect(mail?.headers.get('list-unsubscribe')).toBe(unsubscribe);
    expect(mail?.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail?.headers.get('message-id')).toBe(id);
    expect(mail?.raw).toContain('text/html');
  });

  it('sends no unsubscribe headers when the message has none (a confirmation)', async () => {
    await sender.send({
      to: 'new@example.org',
      subject: '请确认订阅',
      text: 't',
      html: '<p>h</p>',
      kind: 'confirmation',
    });
    const mail = smtp.received.at(-1);
    expect(mail?.headers.has('list-unsubscribe')).toBe(false);
  });

  it('fails when the relay refuses the message, so the delivery is retried', async () => {
    const refused = new SmtpEmailSender('smtp://127.0.0.1:1', 'corrections@example.org');
    await expect(
      refused.send({ to: 'a@example.org', subject: 's', text: 't', html: 'h', kind: 'reply' }),
    ).rejects.toThrow();
    await refused.close();
  });
});
