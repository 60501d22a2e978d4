/**
 * Public email through an SMTP relay (nodemailer), for where SES is not offered (the AWS China
 * regions) or a body must use its own mail service. The same message as the SES path: UTF-8 text and
 * HTML, the desk's From address, and the headers the use case set (List-Unsubscribe and
 * List-Unsubscribe-Post, RFC 8058), sent as they are.
 */
import { createTransport, type Transporter } from 'nodemailer';
import type { Email, EmailSender } from '../../ports/messaging.ts';

export class SmtpEmailSender implements EmailSender {
  private readonly transport: Transporter;

  /** `url`: smtp://host:port (STARTTLS when offered) or smtps://user:password@host:465. */
  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = createTransport(url);
  }

  async send(email: Email): Promise<string> {
    const info = await this.transport.sendMail({
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

  close(): void {
    this.transport.close();
  }
}
