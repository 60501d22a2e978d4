/**
 * Public email through an SMTP relay (nodemailer), for where SES is not offered (the AWS China
 * regions) or a body must use its own mail service. The same message as the SES path: UTF-8 text and
 * HTML, the desk's From address, and the headers the use case set (List-Unsubscribe and
 * List-Unsubscribe-Post, RFC 8058), sent as they are. nodemailer is loaded on the first send: the
 * deployed bundles leave it out (infra/constructs/desk-function.ts), since they send through SES.
 */
import type { Transporter } from 'nodemailer';
import type { Email, EmailSender } from '../../ports/messaging.ts';

export class SmtpEmailSender implements EmailSender {
  private transport?: Promise<Transporter>;

  /** `url`: smtp://host:port (STARTTLS when offered) or smtps://user:password@host:465. */
  constructor(
    private readonly url: string,
    private readonly from: string,
  ) {}

  private transporter(): Promise<Transporter> {
    this.transport ??= import('nodemailer').then(({ createTransport }) => createTransport(this.url));
    return this.transport;
  }

  async send(email: Email): Promise<string> {
    const info = await (await this.transporter()).sendMail({
      from: this.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      textEncoding: 'base64',
      ...(email.headers ? { headers: email.headers } : {}),
    });
    if (!info.messageId) throw new Error('The SMTP relay accepted the email without a message id');
    return info.messageId;
  }

  async close(): Promise<void> {
    (await this.transport)?.close();
  }
}
