/**
 * SMS segment rules (3GPP TS 23.038): GSM-7 when every character is in the GSM alphabet (extension
 * characters cost two), else UCS-2, counted in UTF-16 code units.
 */

// Marked pure: the many bundles that reach this module through shared builders but never measure an SMS drop them.
const gsmBasic = /* @__PURE__ */ new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const gsmExtension = /* @__PURE__ */ new Set('^{}\\[~]|€\f');

export type SmsEncoding = 'GSM-7' | 'UCS-2';

const single = { 'GSM-7': 160, 'UCS-2': 70 } as const;
const concatenated = { 'GSM-7': 153, 'UCS-2': 67 } as const;

export function smsEncoding(text: string): SmsEncoding {
  for (const char of text) {
    if (!gsmBasic.has(char) && !gsmExtension.has(char)) return 'UCS-2';
  }
  return 'GSM-7';
}

/** Length in the units the encoding is limited by. */
export function smsUnits(text: string, encoding: SmsEncoding = smsEncoding(text)): number {
  if (encoding === 'UCS-2') return text.length;
  let units = 0;
  for (const char of text) units += gsmExtension.has(char) ? 2 : 1;
  return units;
}

export function smsSegments(text: string): number {
  const encoding = smsEncoding(text);
  const units = smsUnits(text, encoding);
  if (units === 0) return 0;
  return units <= single[encoding] ? 1 : Math.ceil(units / concatenated[encoding]);
}

export const fitsOneSegment = (text: string): boolean => smsSegments(text) <= 1;

/**
 * `prefix + text + suffix`, with `text` shortened (on character boundaries, with an ellipsis) so the
 * whole fits one segment. Chinese text costs UCS-2, so it gets 70 units in all.
 */
export function fitOneSegment(prefix: string, text: string, suffix: string): string {
  const whole = prefix + text + suffix;
  if (fitsOneSegment(whole)) return whole;
  const encoding = smsEncoding(whole);
  const ellipsis = encoding === 'GSM-7' ? '...' : '…';
  const chars = [...text];
  // Shrink until it fits; at most a few hundred steps for the longest headline.
  for (let keep = chars.length - 1; keep >= 0; keep--) {
    const candidate = prefix + chars.slice(0, keep).join('').trimEnd() + ellipsis + suffix;
    if (fitsOneSegment(candidate)) return candidate;
  }
  return prefix.trimEnd() + suffix;
}

/** The SMS as sent: the text, then the permalink. */
export const composeSms = (text: string, link: string): string => `${text} ${link}`;
