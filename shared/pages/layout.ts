/**
 * The frame every public page shares: UTF-8, a viewport for phones, one inline style sheet (no
 * external assets, so the Content-Security-Policy can forbid everything else), the feeds in <head>,
 * and a switch to the other language. Markup is written so it is also well-formed XML, which lets
 * tests parse it strictly.
 */
import { createHash } from 'node:crypto';
import type { Language } from '../domain/case.ts';
import type { Site } from '../presentation/site.ts';
import { markup } from '../presentation/text.ts';
import { publicWords } from '../presentation/words.ts';

export const htmlContentType = 'text/html; charset=utf-8';

const css = `
:root { color-scheme: light dark; --muted: #5a5a5a; --line: #d8d8d8; --accent: #8a1c1c; }
@media (prefers-color-scheme: dark) { :root { --muted: #b0b0b0; --line: #444; --accent: #f08a8a; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 44rem; padding: 1rem; font: 1.05rem/1.65 system-ui, -apple-system,
  "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
header, footer { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; justify-content: space-between;
  align-items: baseline; }
footer { margin-top: 2rem; padding-top: 1rem; border-top: 1px solid var(--line); color: var(--muted); }
a { color: inherit; text-underline-offset: 0.2em; }
a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
h1 { font-size: 1.6rem; line-height: 1.3; margin: 1rem 0 0.5rem; }
h2 { font-size: 1.25rem; line-height: 1.35; margin: 0.25rem 0; }
h3 { font-size: 1.05rem; margin: 0.25rem 0; }
ol.list, ol.versions { list-style: none; padding: 0; }
ol.list li, ol.versions li { border-top: 1px solid var(--line); padding: 1rem 0; }
nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
[aria-current] { font-weight: 700; }
.label { display: inline-block; color: var(--accent); font-weight: 700; margin-right: 0.5rem; }
.meta { color: var(--muted); font-size: 0.9rem; margin: 0.25rem 0; }
.note { border-left: 3px solid var(--accent); padding-left: 0.75rem; }
.more { display: inline-block; margin-top: 1rem; padding: 0.5rem 0; }
`;

const styleHash = createHash('sha256').update(css, 'utf8').digest('base64');

/** Static pages: their own inline style sheet and nothing else, not even in a frame. */
export const contentSecurityPolicy = [
  "default-src 'none'",
  `style-src 'sha256-${styleHash}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface PageFrame {
  language: Language;
  site: Site;
  title: string;
  description: string;
  /** Absent on error pages, which are no page's canonical address. */
  canonical?: string;
  /** This page in the other language. */
  otherLanguage: string;
  /** Extra <head> content, already markup. */
  head?: string;
  /** The <main> content, already markup. */
  main: string;
}

export function page(frame: PageFrame): string {
  const words = publicWords[frame.language];
  const other = words.switchTo;
  return `<!doctype html>
<html lang="${markup(frame.language)}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${markup(frame.title)}</title>
<meta name="description" content="${markup(frame.description)}" />
${frame.canonical ? `<link rel="canonical" href="${markup(frame.canonical)}" />\n` : ''}<link rel="alternate" hreflang="${markup(other.language)}" href="${markup(frame.otherLanguage)}" />
<link rel="alternate" type="application/atom+xml" title="${markup(`${words.siteTitle} (Atom)`)}" href="${markup(frame.site.atomFeed)}" />
<link rel="alternate" type="application/feed+json" title="${markup(`${words.siteTitle} (JSON Feed)`)}" href="${markup(frame.site.jsonFeed)}" />
<style>${css}</style>
${frame.head ?? ''}
</head>
<body>
<header>
<a href="${markup(frame.site.home({ language: frame.language }))}">${markup(words.siteTitle)}</a>
<a href="${markup(frame.otherLanguage)}" hreflang="${markup(other.language)}" lang="${markup(other.language)}">${markup(other.label)}</a>
</header>
<main>
${frame.main}
</main>
<footer>
<span>${markup(words.feeds)}</span>
<a href="${markup(frame.site.atomFeed)}" type="application/atom+xml">Atom</a>
<a href="${markup(frame.site.jsonFeed)}" type="application/feed+json">JSON Feed</a>
<a href="${markup(frame.site.transparency(frame.language))}">${markup(words.transparency)}</a>
<a href="${markup(frame.site.log)}" type="application/json">${markup(words.publicLog)}</a>
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
