/**
 * Every public link the desk sends or shows. Unsubscribe tokens are derived from the link secret, so
 * each message can carry a working link though only the token's hash is ever stored.
 */
import type { Signer } from '../security/tokens.ts';

export const unsubscribeToken = (signer: Signer, subscriptionId: string): string =>
  signer.derive('unsubscribe', subscriptionId);

/** Any link key still listed honours the links it made (rotation breaks no link already sent). */
export const unsubscribeTokenMatches = (signer: Signer, subscriptionId: string, token: string): boolean =>
  signer.verifyDerived('unsubscribe', subscriptionId, token);

/** The manage page's token: whoever holds the link in a message may change what it receives. */
export const manageToken = (signer: Signer, subscriptionId: string): string =>
  signer.derive('manage', subscriptionId);

export const manageTokenMatches = (signer: Signer, subscriptionId: string, token: string): boolean =>
  signer.verifyDerived('manage', subscriptionId, token);

export function links(publicBaseUrl: string, signer: Signer) {
  const base = publicBaseUrl.replace(/\/+$/, '');
  const subscription = (id: string) => `${base}/subscriptions/${encodeURIComponent(id)}`;
  return {
    permalink: (correctionId: string) => `${base}/c/${encodeURIComponent(correctionId)}`,
    confirm: (subscriptionId: string, token: string) =>
      `${subscription(subscriptionId)}/confirm?token=${encodeURIComponent(token)}`,
    /** The page a person opens from a message: its GET changes nothing. */
    unsubscribePage: (subscriptionId: string) =>
      `${subscription(subscriptionId)}/unsubscribe-page?token=${encodeURIComponent(unsubscribeToken(signer, subscriptionId))}`,
    /** The unsubscribe page's link as an example, for previews: each message carries its own. */
    unsubscribePagePattern: `${base}/subscriptions/{subscription}/unsubscribe-page?token={token}`,
    /** The manage page's link as an example, for previews. */
    managePattern: `${base}/subscriptions/{subscription}/manage?token={token}`,
    /** The page where a subscriber changes topics, pages followed, frequency and language. */
    manage: (subscriptionId: string) =>
      `${subscription(subscriptionId)}/manage?token=${encodeURIComponent(manageToken(signer, subscriptionId))}`,
    /** The public list of a digest's period (a day or a week): the SMS digest links here. */
    period: (frequency: 'daily' | 'weekly', firstDay: string, language?: 'zh-CN' | 'en') =>
      `${base}/${frequency === 'daily' ? 'd' : 'w'}/${firstDay}${language === 'en' ? '?lang=en' : ''}`,
    /** The reporter's own page about their report (the token is theirs: never stored, never logged). */
    tracking: (submissionId: string, token: string) =>
      `${base}/submissions/${encodeURIComponent(submissionId)}?token=${encodeURIComponent(token)}`,
    /** RFC 8058 one-click target: mail clients POST `List-Unsubscribe=One-Click` here. */
    oneClickUnsubscribe: (subscriptionId: string) =>
      `${subscription(subscriptionId)}/unsubscribe?token=${encodeURIComponent(unsubscribeToken(signer, subscriptionId))}`,
  };
}

export type Links = ReturnType<typeof links>;
