/**
 * What an SES event (from a configuration set's SNS event destination, or an identity's
 * notification) means for suppression: a permanent bounce suppresses each bounced recipient, a
 * complaint each complaining one. Transient bounces (a full mailbox) and every other event suppress
 * nobody. Accepts the SES message itself or the SNS envelope around it.
 */
import type { Recipient } from '../../domain/recipient.ts';
import type { SuppressionReason } from '../../domain/suppression.ts';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const addresses = (list: unknown): string[] =>
  Array.isArray(list)
    ? list.flatMap((entry) =>
        isObject(entry) && typeof entry.emailAddress === 'string' ? [entry.emailAddress] : [],
      )
    : [];

export function suppressionsFromSes(
  body: string,
): Array<{ recipient: Recipient; reason: SuppressionReason }> {
  let event: unknown;
  try {
    event = JSON.parse(body);
    if (isObject(event) && event.Type === 'Notification' && typeof event.Message === 'string')
      event = JSON.parse(event.Message);
  } catch {
    return [];
  }
  if (!isObject(event)) return [];
  const type = event.eventType ?? event.notificationType;
  const found = (list: string[], reason: SuppressionReason) =>
    list.map((address) => ({ recipient: { channel: 'email' as const, address }, reason }));
  if (type === 'Bounce' && isObject(event.bounce) && event.bounce.bounceType === 'Permanent')
    return found(addresses(event.bounce.bouncedRecipients), 'bounce');
  if (type === 'Complaint' && isObject(event.complaint))
    return found(addresses(event.complaint.complainedRecipients), 'complaint');
  return [];
}
