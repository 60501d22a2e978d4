/**
 * The frame every public page shares: UTF-8, a viewport for phones, one inline style sheet (no
 * external assets, so the Content-Security-Policy can forbid everything else), the feeds in <head>,
 * a header naming the publisher with the subscribe and report links and a switch to the other
 * language. Markup is written so it is also well-formed XML, which lets tests parse it strictly.
 */
import { createHash } from 'node:crypto';
import type { Language } from '../domain/case.ts';
import type { Site } from '../presentation/site.ts';
import { markup } from '../presentation/text.ts';
import { publicWords } from '../presentation/words.ts';
import { navigationWords } from './page-words.ts';

export const htmlContentType = 'text/html; charset=utf-8';

const css = `
:root { color-scheme: light dark; --text: #1a1a1a; --page: #fff; --muted: #5a5a5a; --line: #d8d8d8;
  --accent: #8a1c1c; --on-accent: #fff; }
@media (prefers-color-scheme: dark) {
  :root { --text: #e8e8e8; --page: #121212; --muted: #b0b0b0; --line: #444; --accent: #f08a8a;
    --on-accent: #1a1a1a; } }
html { color: var(--text); background: var(--page); }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 44rem; padding: 1rem; font: 1.05rem/1.65 system-ui, -apple-system,
  "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
header, footer { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; justify-content: space-between;
  align-items: baseline; }
footer { margin-top: 2rem; padding-top: 1rem; border-top: 1px solid var(--line); color: var(--muted); }
main, article, li, p, dd, td { overflow-wrap: anywhere; }
a { color: inherit; text-underline-offset: 0.2em; }
a:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, button:focus-visible {
  outline: 3px solid var(--accent); outline-offset: 2px; }
.site { display: flex; flex-direction: column; }
.site small { color: var(--muted); }
header nav ul { margin: 0; }
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
form { margin: 1rem 0; }
fieldset { border: 1px solid var(--line); border-radius: 0.25rem; margin: 0 0 1rem; padding: 0.5rem 0.75rem; }
legend { font-weight: 700; padding: 0 0.25rem; }
.field { margin: 0 0 1rem; }
.field > label { display: block; font-weight: 700; }
.choice { display: flex; align-items: flex-start; gap: 0.4rem; padding: 0.2rem 0; }
.hint { display: block; color: var(--muted); font-size: 0.9rem; }
input[type=text], input[type=email], input[type=tel], input[type=url], textarea {
  font: inherit; width: 100%; max-width: 100%; padding: 0.4rem; border: 1px solid var(--muted);
  border-radius: 0.25rem; background: Canvas; color: CanvasText; }
input[type=checkbox], input[type=radio] { flex: none; width: 1.1rem; height: 1.1rem; margin: 0.35rem 0 0; }
textarea { min-height: 8rem; }
button { font: inherit; font-weight: 700; padding: 0.5rem 1.5rem; border: 0; border-radius: 0.25rem;
  background: var(--accent); color: var(--on-accent); cursor: pointer; }
.error { display: block; color: var(--accent); font-weight: 700; }
[aria-invalid=true] { border-color: var(--accent); border-width: 2px; }
.summary, .done { border: 2px solid var(--accent); border-radius: 0.25rem; padding: 0.5rem 0.75rem; }
.done { border-color: var(--line); }
dl.status dt { font-weight: 700; }
dl.status dd { margin: 0 0 0.5rem; }
`;

const styleHash = createHash('sha256').update(css, 'utf8').digest('base64');

/**
 * Public pages: their own inline style sheet, the site's icon and forms posting back to the site, and
 * nothing else (no script at all), not even in a frame.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  `style-src 'sha256-${styleHash}'`,
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

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
  const nav = navigationWords[language];
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
<style>${css}</style>
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
