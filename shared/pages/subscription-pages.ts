/**
 * The few HTML pages a subscriber opens from a message: the confirmation, the unsubscribe page and
 * what follows its button, and the answer to a dead link. Small, self-contained (no scripts, no
 * external assets), in Chinese and English with the subscriber's language first, every value
 * escaped. They show the masked address only.
 */
import { createHash } from 'node:crypto';
import { type Language, languages } from '../domain/case.ts';
import { markup } from '../presentation/text.ts';

export interface PageSubscription {
  language: Language;
  maskedAddress: string;
  /** Topic names in each language; empty for a subscription to every topic. */
  topics: Record<Language, string[]>;
}

const words = {
  'zh-CN': {
    list: (names: string[]) => (names.length ? names.join('、') : '全部主题'),
    address: '订阅地址：',
    confirmedTitle: '订阅已确认',
    confirmed: (topics: string) => `您将收到以下主题的更正通知：${topics}。每条通知中都有退订链接。`,
    alreadyConfirmed: '此订阅此前已确认，无需再次操作。',
    unsubscribeTitle: '退订更正通知',
    unsubscribe: (topics: string) => `按下方按钮后，此地址将不再收到以下主题的更正通知：${topics}。`,
    button: '退订',
    alreadyUnsubscribed: '此地址已退订，不会再收到更正通知。',
    unsubscribedTitle: '已退订',
    unsubscribed: '此地址不会再收到更正通知。如需重新订阅，可随时再次提交订阅申请。',
    deadLinkTitle: '链接无效或已过期',
    deadLink: '请检查链接是否完整。如需订阅，请重新提交订阅申请。',
  },
  en: {
    list: (names: string[]) => (names.length ? names.join(', ') : 'all topics'),
    address: 'Address: ',
    confirmedTitle: 'Subscription confirmed',
    confirmed: (topics: string) =>
      `You will receive corrections on: ${topics}. Every message has a link to unsubscribe.`,
    alreadyConfirmed: 'This subscription was confirmed before; there is nothing more to do.',
    unsubscribeTitle: 'Unsubscribe from corrections',
    unsubscribe: (topics: string) =>
      `Press the button below and this address will no longer receive corrections on: ${topics}.`,
    button: 'Unsubscribe',
    alreadyUnsubscribed: 'This address is unsubscribed and receives no more corrections.',
    unsubscribedTitle: 'Unsubscribed',
    unsubscribed: 'This address will receive no more corrections. You can subscribe again at any time.',
    deadLinkTitle: 'This link is invalid or has expired',
    deadLink: 'Check that the link is complete. To subscribe, send a new subscription request.',
  },
} as const;

type Words = (typeof words)[Language];

/** The subscriber's language first, then the other. */
const inOrder = (first: Language): Language[] => [first, ...languages.filter((l) => l !== first)];

const style =
  'body{font-family:system-ui,sans-serif;line-height:1.6;max-width:36rem;margin:2rem auto;padding:0 1rem}' +
  'section+section{border-top:1px solid #ccc;margin-top:1.5rem}button{font-size:1rem;padding:.5rem 1.5rem}';

/** The pages' own inline style and form, and nothing else: no scripts, images, frames or other sites. */
export const subscriptionPagePolicy = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(style, 'utf8').digest('base64')}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

function page(
  first: Language,
  title: (w: Words) => string,
  sections: (w: Words, language: Language) => string[],
  after = '',
): string {
  const order = inOrder(first);
  const heading = order.map((language) => title(words[language])).join(' · ');
  const body = order
    .map((language) => {
      const parts = sections(words[language], language).map((text) => `<p>${markup(text)}</p>`);
      return `<section lang="${language}"><h1>${markup(title(words[language]))}</h1>${parts.join('')}</section>`;
    })
    .join('\n');
  return (
    `<!doctype html><html lang="${first}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">' +
    `<title>${markup(heading)}</title><style>${style}</style></head>` +
    `<body><main>\n${body}\n${after}</main></body></html>`
  );
}

const addressLine = (w: Words, s: PageSubscription) => `${w.address}${s.maskedAddress}`;

export function confirmedHtml(s: PageSubscription, alreadyConfirmed: boolean): string {
  return page(
    s.language,
    (w) => w.confirmedTitle,
    (w, language) => [
      addressLine(w, s),
      w.confirmed(w.list(s.topics[language])),
      ...(alreadyConfirmed ? [w.alreadyConfirmed] : []),
    ],
  );
}

/**
 * The page the link in every message opens. Opening it changes nothing: only its form's POST
 * unsubscribes, so mail scanners that follow links cannot. The form carries the token the visitor
 * came with (and no other), so it works without JavaScript.
 */
export function unsubscribeHtml(s: PageSubscription, token: string, subscribed: boolean): string {
  const order = inOrder(s.language);
  const label = order.map((language) => words[language].button).join(' · ');
  const form =
    '<form method="post" action="unsubscribe">' +
    `<input type="hidden" name="token" value="${markup(token)}">` +
    `<button type="submit">${markup(label)}</button></form>\n`;
  return page(
    s.language,
    (w) => w.unsubscribeTitle,
    (w, language) => [
      addressLine(w, s),
      subscribed ? w.unsubscribe(w.list(s.topics[language])) : w.alreadyUnsubscribed,
    ],
    subscribed ? form : '',
  );
}

export function unsubscribedHtml(s: PageSubscription): string {
  return page(
    s.language,
    (w) => w.unsubscribedTitle,
    (w) => [addressLine(w, s), w.unsubscribed],
  );
}

/** Unknown id, wrong or expired token: one answer, so none of them can be told apart. */
export const deadLinkHtml = (): string =>
  page(
    'zh-CN',
    (w) => w.deadLinkTitle,
    (w) => [w.deadLink],
  );
