/**
 * GET /notices/frame: an article's corrections as a small document for an iframe on the article
 * itself. No script; its own style sheet (light and dark, the reader's font size); every link opens
 * in the top window, on the correction's permalink. A page with no correction gets an empty document
 * (contract 1.1), so an article that was never corrected shows nothing.
 */
import { createHash } from 'node:crypto';
import type { Language } from '../domain/case.ts';
import type { Site } from '../presentation/site.ts';
import { markup } from '../presentation/text.ts';
import { correctionLabel, publicWords } from '../presentation/words.ts';
import type { PageNotices } from '../usecases/notices.ts';
import { timeElement } from './layout.ts';

const words = {
  'zh-CN': {
    title: '本文的更正',
    heading: (count: number) => (count > 1 ? `本文已更正（${count}则）` : '本文已更正'),
    by: (publisher: string) => `${publisher}发布的更正与澄清`,
    badUrl: '无法显示更正：文章地址无效。',
  },
  en: {
    title: 'Corrections to this article',
    heading: (count: number) =>
      count > 1 ? `This article has been corrected (${count})` : 'This article has been corrected',
    by: (publisher: string) => `Corrections and clarifications by ${publisher}`,
    badUrl: 'Corrections cannot be shown: the article’s address is not valid.',
  },
} as const satisfies Record<Language, unknown>;

const css = `
:root { color-scheme: light dark; --text: #1a1a1a; --page: #fff; --muted: #5a5a5a; --line: #d8d8d8;
  --accent: #8a1c1c; }
@media (prefers-color-scheme: dark) {
  :root { --text: #ececec; --page: #1a1a1a; --muted: #b0b0b0; --line: #444; --accent: #f08a8a; } }
body { color: var(--text); background: var(--page); margin: 0; padding: 0.5rem 0.75rem; font: 1rem/1.55 system-ui, -apple-system, "PingFang SC",
  "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; border-left: 4px solid var(--accent); }
h2 { font-size: 1rem; margin: 0 0 0.25rem; color: var(--accent); }
ol { list-style: none; margin: 0; padding: 0; }
li { padding: 0.25rem 0; border-top: 1px solid var(--line); overflow-wrap: anywhere; }
li:first-child { border-top: 0; }
.label { font-weight: 700; margin-right: 0.4rem; }
.meta, .by { display: block; color: var(--muted); font-size: 0.85rem; }
.by { margin-top: 0.25rem; }
a { color: inherit; text-underline-offset: 0.2em; }
a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
`;

const styleHash = createHash('sha256').update(css, 'utf8').digest('base64');

/**
 * Like the public pages', but any site may frame it: a newsroom's article is exactly where it belongs.
 * It has no form and no script, so being framed lets nobody act in the reader's name.
 */
export const frameContentSecurityPolicy = [
  "default-src 'none'",
  `style-src 'sha256-${styleHash}'`,
  "base-uri 'none'",
  "form-action 'none'",
  'frame-ancestors *',
].join('; ');

export interface NoticesFrameInput {
  language: Language;
  site: Site;
  timeZone: string;
  notices: PageNotices;
}

function document(language: Language, site: Site, body: string): string {
  return `<!doctype html>
<html lang="${markup(language)}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="robots" content="noindex" />
<title>${markup(`${words[language].title} · ${site.publisher[language]}`)}</title>
<style>${css}</style>
</head>
<body>${body}</body>
</html>
`;
}

export function noticesFrame({ language, site, timeZone, notices }: NoticesFrameInput): string {
  if (notices.items.length === 0) return document(language, site, '');
  const w = words[language];
  const items = notices.items.map((notice) => {
    const dates = [
      `${markup(publicWords[language].published)} ${timeElement(notice.publishedAt, language, timeZone)}`,
      ...(notice.version > 1
        ? [
            `${markup(publicWords[language].lastUpdated)} ${timeElement(notice.updatedAt, language, timeZone)}`,
          ]
        : []),
    ];
    return `<li><span class="label">${markup(correctionLabel(notice, language))}</span><a href="${markup(site.permalink(notice.id, language))}" target="_top" lang="${markup(notice.language)}">${markup(notice.headline)}</a>
<span class="meta">${dates.join(' · ')}</span></li>`;
  });
  return document(
    language,
    site,
    `
<section aria-labelledby="notices">
<h2 id="notices">${markup(w.heading(notices.items.length))}</h2>
<ol>
${items.join('\n')}
</ol>
<a class="by" href="${markup(site.home({ language }))}" target="_top">${markup(w.by(site.publisher[language]))}</a>
</section>
`,
  );
}

/** A frame asked about something that is not a web page's address: said in the frame, not as JSON. */
export const badUrlFrame = (language: Language, site: Site): string =>
  document(language, site, `<p>${markup(words[language].badUrl)}</p>`);
