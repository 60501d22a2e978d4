/** What reaches a person. Deployed: SES v2 and SNS SMS; locally: the outbox. */

export type MessageKind = 'confirmation' | 'verification_code' | 'correction' | 'correction_digest' | 'reply';

export interface Email {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers (List-Unsubscribe, List-Unsubscribe-Post). */
  headers?: Record<string, string>;
  kind: MessageKind;
  correctionId?: string;
  /** On a correction_digest: the corrections it lists. */
  correctionIds?: string[];
}

export interface Sms {
  to: string;
  body: string;
  kind: MessageKind;
  correctionId?: string;
  correctionIds?: string[];
}

export interface EmailSender {
  /** Resolves with the provider's message id; rejects if the message was not accepted. */
  send(email: Email): Promise<string>;
}

export interface SmsSender {
  send(sms: Sms): Promise<string>;
}

/**
 * A provider throttle (SES's maximum send rate or daily quota, SNS's SMS rate, any HTTP 429): the
 * message was not accepted and should be sent later; it is not a failure of the message.
 */
export function isThrottle(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code, Code, $metadata, $retryable } = error as {
    name?: unknown;
    code?: unknown;
    Code?: unknown;
    $metadata?: { httpStatusCode?: number };
    $retryable?: { throttling?: boolean };
  };
  if ($retryable?.throttling || $metadata?.httpStatusCode === 429) return true;
  return [name, code, Code].some((value) => typeof value === 'string' && throttleNames.test(value));
}

const throttleNames = /throttl|toomanyrequests|maxsendrate|limitexceeded|ratelimit|ratexceeded|slowdown/i;

/** What may be logged or stored about a provider error: its name or code, never its message. */
export function errorName(error: unknown): string {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  if (typeof code === 'string' && code) return code.slice(0, 100);
  return typeof name === 'string' && name ? name.slice(0, 100) : 'Error';
}
