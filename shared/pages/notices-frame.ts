/**
 * GET /notices/frame: an article's corrections as a small document for an iframe on the article
 * itself. No script; its own style sheet (light and dark, the reader's font size); every link opens
 * in the top window, on the correction's permalink. A page with no correction gets an empty document
 * (contract 1.1), so an article that was never corrected shows nothing.
 */
import type { Language } from '../domain/case.ts';
import type { Site } from '../presentation/site.ts';
import { markup } from '../presentation/text.ts';
import { correctionLabel, publicWords } from '../presentation/words.ts';
import { servedFile } from '../runtime/served-file.ts';
import { hashSource } from '../security/csp.ts';
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

/** The frame's own style sheet: static text served beside the bundle, read with the first frame. */
const styleSheet = servedFile(new URL('./notices-frame.css', import.meta.url));

let policy: string | undefined;

/**
 * Like the public pages', but any site may frame it: a newsroom's article is exactly where it belongs.
 * It has no form and no script, so being framed lets nobody act in the reader's name. Built with the
 * first frame.
 */
export function frameContentSecurityPolicy(): string {
  policy ??= [
    "default-src 'none'",
    `style-src ${hashSource(styleSheet())}`,
    "base-uri 'none'",
    "form-action 'none'",
    'frame-ancestors *',
  ].join('; ');
  return policy;
}

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
<style>${styleSheet()}</style>
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
