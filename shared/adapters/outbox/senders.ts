/** The local stack's email and SMS transports: every message lands in the outbox instead of a person. */
import { randomUUID } from 'node:crypto';
import type { Email, EmailSender, Sms, SmsSender } from '../../ports/messaging.ts';
import type { Outbox } from './outbox.ts';

export class OutboxEmailSender implements EmailSender {
  constructor(private readonly outbox: Outbox) {}

  async send(email: Email): Promise<string> {
    await this.outbox.append({
      channel: 'email',
      address: email.to,
      kind: email.kind,
      subject: email.subject,
      body: email.text,
      ...(email.correctionId ? { correctionId: email.correctionId } : {}),
      ...(email.correctionIds ? { correctionIds: email.correctionIds } : {}),
      ...(email.headers ? { headers: email.headers } : {}),
      at: new Date().toISOString(),
    });
    return randomUUID();
  }
}

export class OutboxSmsSender implements SmsSender {
  constructor(private readonly outbox: Outbox) {}

  async send(sms: Sms): Promise<string> {
    await this.outbox.append({
      channel: 'sms',
      address: sms.to,
      kind: sms.kind,
      body: sms.body,
      ...(sms.correctionId ? { correctionId: sms.correctionId } : {}),
      ...(sms.correctionIds ? { correctionIds: sms.correctionIds } : {}),
      at: new Date().toISOString(),
    });
    return randomUUID();
  }
}
