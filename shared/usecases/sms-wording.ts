/** A delivery as an SMS: one segment in the person's language, its link included. */
import { correctionSms, digestSms, replySms, verificationSms } from '../presentation/sms-messages.ts';
import type { Message, Wordings } from './message.ts';

export const smsWording: Wordings['sms'] = async (message: Message) => {
  switch (message.kind) {
    case 'correction':
      return {
        body: correctionSms(message.wording, message.language, message.permalink),
        kind: 'correction',
        correctionId: message.correctionId,
      };
    case 'confirmation':
      return { body: verificationSms(message.secret, message.request.language), kind: 'verification_code' };
    case 'correction_digest':
      return {
        body: digestSms(
          message.frequency,
          message.firstDay,
          message.total,
          message.language,
          ` ${message.periodLink}`,
        ),
        kind: 'correction_digest',
        correctionIds: message.correctionIds,
      };
    case 'reply':
      return {
        body: replySms(message.outcome, message.language),
        kind: 'reply',
        ...(message.correctionId ? { correctionId: message.correctionId } : {}),
      };
  }
};
