/**
 * The frame every public page shares: UTF-8, a viewport for phones, one inline style sheet (no
 * external assets, so the Content-Security-Policy can forbid everything else), the feeds in <head>,
 * a header naming the publisher with the subscribe and report links and a switch to the other
 * language. Markup is written so it is also well-formed XML, which lets tests parse it strictly.
 */
import type { Language } from '../domain/case.ts';
import type { Site } from '../presentation/site.ts';
import { markup } from '../presentation/text.ts';
import { publicWords } from '../presentation/words.ts';
import { servedFile } from '../runtime/served-file.ts';
import { hashSource } from '../security/csp.ts';
import { pageWords } from './page-words.ts';

export const htmlContentType = 'text/html; charset=utf-8';

/**
 * The one style sheet, inline in every page: static text, so it is a file served beside the bundle
 * (see ../runtime/served-file.ts) and read on the first page, not code every cold start compiles.
 */
const styleSheet = servedFile(new URL('./pages.css', import.meta.url));

let policy: string | undefined;

/**
 * Public pages: their own inline style sheet, the site's icon and forms posting back to the site, and
 * nothing else (no script at all), not even in a frame. Built with the first page.
 */
export function contentSecurityPolicy(): string {
  policy ??= [
    "default-src 'none'",
    `style-src ${hashSource(styleSheet())}`,
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return policy;
}

export interface PageFrame {
  language: Language;
  site: Site;
  title: string;
  description: string;
  /** Absent on error pages, which are no page's canonical address. */
  canonical?: string;
  /** This page in the other language; absent where the page itself is bilingual. */
  otherLanguage?: string;
  /** Extra <head> content, already markup. */
  head?: string;
  /** The <main> content, already markup. */
  main: string;
}

/** "Page title · Publisher": every title names the body that publishes the page. */
export const titled = (title: string, site: Site, language: Language): string =>
  `${title} · ${site.publisher[language]}`;

export function page(frame: PageFrame): string {
  const { language, site } = frame;
  const words = publicWords[language];
  const nav = pageWords(language).navigation;
  const other = words.switchTo;
  const feedTitle = `${site.publisher[language]} · ${words.siteTitle}`;
  return `<!doctype html>
<html lang="${markup(language)}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${markup(titled(frame.title, site, language))}</title>
<meta name="description" content="${markup(frame.description)}" />
<link rel="icon" type="image/svg+xml" href="${markup(site.favicon)}" />
${frame.canonical ? `<link rel="canonical" href="${markup(frame.canonical)}" />\n` : ''}${frame.otherLanguage ? `<link rel="alternate" hreflang="${markup(other.language)}" href="${markup(frame.otherLanguage)}" />\n` : ''}<link rel="alternate" type="application/atom+xml" title="${markup(`${feedTitle} (Atom)`)}" href="${markup(site.atomFeed)}" />
<link rel="alternate" type="application/feed+json" title="${markup(`${feedTitle} (JSON Feed)`)}" href="${markup(site.jsonFeed)}" />
<style>${styleSheet()}</style>
${frame.head ?? ''}
</head>
<body>
<header>
<a class="site" href="${markup(site.home({ language }))}"><span>${markup(site.publisher[language])}</span><small>${markup(words.siteTitle)}</small></a>
<nav aria-label="${markup(nav.label)}"><ul>
<li><a href="${markup(site.subscribe({ language }))}">${markup(nav.subscribe)}</a></li>
<li><a href="${markup(site.report({ language }))}">${markup(nav.report)}</a></li>
${frame.otherLanguage ? `<li><a href="${markup(frame.otherLanguage)}" hreflang="${markup(other.language)}" lang="${markup(other.language)}">${markup(other.label)}</a></li>\n` : ''}</ul></nav>
</header>
<main>
${frame.main}
</main>
<footer>
<span>${markup(words.feeds)}</span>
<a href="${markup(site.atomFeed)}" type="application/atom+xml">Atom</a>
<a href="${markup(site.jsonFeed)}" type="application/feed+json">JSON Feed</a>
<a href="${markup(site.transparency(language))}">${markup(words.transparency)}</a>
<a href="${markup(site.log)}" type="application/json">${markup(words.publicLog)}</a>
</footer>
</body>
</html>
`;
}

/** A date as readers expect it in their language, in the desk's time zone (named), machine-readable too. */
export function timeElement(iso: string, language: Language, timeZone: string): string {
  const shown = new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
    timeZone,
  }).format(new Date(iso));
  return `<time datetime="${markup(iso)}">${markup(shown)}</time>`;
}
