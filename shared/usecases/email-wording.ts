/** A delivery as an email: subject, text and HTML in the person's language, with their own links. */
import { correctionEmail, digestEmail, replyEmail } from '../presentation/email-messages.ts';
import type { Message, Wordings } from './message.ts';
import { confirmationOf } from './topic-labels.ts';

/** RFC 8058: mail clients offer one-click unsubscribe by POSTing to the first header's address. */
const unsubscribeHeaders = (oneClick: string) => ({
  'List-Unsubscribe': `<${oneClick}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
});

export const emailWording: Wordings['email'] = async (message: Message, { links, topics }) => {
  switch (message.kind) {
    case 'correction': {
      const { subscriptionId: id } = message;
      const rendered = correctionEmail(message.wording, message.language, {
        permalink: message.permalink,
        unsubscribe: links.unsubscribePage(id),
        manage: links.manage(id),
      });
      return {
        ...rendered,
        kind: 'correction',
        correctionId: message.correctionId,
        headers: unsubscribeHeaders(links.oneClickUnsubscribe(id)),
      };
    }
    case 'confirmation': {
      const link = links.confirm(message.subscriptionId, message.secret);
      return { ...(await confirmationOf(topics, message.request, link)), kind: 'confirmation' };
    }
    case 'correction_digest': {
      const { subscriptionId: id } = message;
      const rendered = digestEmail(
        message.frequency,
        message.firstDay,
        message.items,
        message.total,
        message.language,
        { period: message.periodLink, unsubscribe: links.unsubscribePage(id), manage: links.manage(id) },
      );
      return {
        ...rendered,
        kind: 'correction_digest',
        correctionIds: message.correctionIds,
        headers: unsubscribeHeaders(links.oneClickUnsubscribe(id)),
      };
    }
    case 'reply':
      return {
        ...replyEmail(message.outcome, message.language),
        kind: 'reply',
        ...(message.correctionId ? { correctionId: message.correctionId } : {}),
      };
  }
};
