/** What reaches a person. Deployed: SES v2 and SNS SMS; locally: the outbox. */

export type MessageKind = 'confirmation' | 'verification_code' | 'correction' | 'reply';

export interface Email {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers (List-Unsubscribe, List-Unsubscribe-Post). */
  headers?: Record<string, string>;
  kind: MessageKind;
  correctionId?: string;
}

export interface Sms {
  to: string;
  body: string;
  kind: MessageKind;
  correctionId?: string;
}

export interface EmailSender {
  /** Resolves with the provider's message id; rejects if the message was not accepted. */
  send(email: Email): Promise<string>;
}

export interface SmsSender {
  send(sms: Sms): Promise<string>;
}
