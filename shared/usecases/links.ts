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
    /** RFC 8058 one-click target: mail clients POST `List-Unsubscribe=One-Click` here. */
    oneClickUnsubscribe: (subscriptionId: string) =>
      `${subscription(subscriptionId)}/unsubscribe?token=${encodeURIComponent(unsubscribeToken(signer, subscriptionId))}`,
  };
}

export type Links = ReturnType<typeof links>;
