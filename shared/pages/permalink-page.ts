/**
 * GET /c/{id} : one correction's permanent page. The current wording comes first; below it, every
 * published version, oldest first, with its date and the note that explains it, so a reader can see
 * exactly what was said when. The head carries its schema.org JSON-LD.
 */
import type { Language } from '../domain/case.ts';
import type { Topic } from '../domain/topic.ts';
import type { Site } from '../presentation/site.ts';
import { markup, paragraphs } from '../presentation/text.ts';
import {
  correctionLabel,
  labelledHeadline,
  publicWords,
  topicName,
  typeLabels,
} from '../presentation/words.ts';
import type { PublicCorrection } from '../usecases/read-corrections.ts';
import { correctionJsonLd, jsonLdScript } from './json-ld.ts';
import { page, timeElement } from './layout.ts';
import { pageWords } from './page-words.ts';

/** Correction ids are at most this long (the contract's /c/{id}), so SMS links stay short. */
export const permalinkIdMaxLength = 12;

export interface PermalinkPageInput {
  language: Language;
  site: Site;
  timeZone: string;
  topics: ReadonlyArray<Topic>;
  correction: PublicCorrection;
}

type Version = PublicCorrection['versions'][number];

function versionItem(version: Version, input: PermalinkPageInput): string {
  const { language, correction } = input;
  const words = publicWords[language];
  const current = version.version === correction.version ? words.current : '';
  return `<li>
<h3>${markup(words.version(version.version))}${markup(current)} · ${timeElement(version.publishedAt, language, input.timeZone)}</h3>
${version.note ? `<p class="note"><span>${markup(words.note)}</span><span lang="${markup(correction.language)}">${markup(version.note)}</span></p>\n` : ''}<p class="meta">${markup(typeLabels[language][version.type])}</p>
<div lang="${markup(correction.language)}">
<p><strong>${markup(version.headline)}</strong></p>
${paragraphs(version.body)}
</div>
</li>`;
}

export function permalinkPage(input: PermalinkPageInput): string {
  const { language, site, correction, timeZone } = input;
  const words = publicWords[language];
  const nav = pageWords(language).permalink;
  const lang = markup(correction.language);
  const note = correction.version > 1 ? correction.versions.at(-1)?.note : undefined;
  const dates = [
    `${markup(words.published)} ${timeElement(correction.publishedAt, language, timeZone)}`,
    ...(correction.version > 1
      ? [`${markup(words.lastUpdated)} ${timeElement(correction.updatedAt, language, timeZone)}`]
      : []),
  ];
  const main = `<p><a href="${markup(site.home({ language }))}">${markup(words.backHome)}</a></p>
<article>
<p class="meta"><span class="label">${markup(correctionLabel(correction, language))}</span> ${markup(topicName(input.topics, correction.topic, language))} · ${markup(words.version(correction.version))}</p>
<h1 lang="${lang}">${markup(correction.headline)}</h1>
<p class="meta">${dates.join(' · ')}</p>
${note ? `<p class="note"><span>${markup(words.note)}</span><span lang="${lang}">${markup(note)}</span></p>\n` : ''}<div lang="${lang}">
${paragraphs(correction.body)}
</div>
${correction.affectedUrl ? `<p>${markup(words.affected)}<a href="${markup(correction.affectedUrl)}" rel="nofollow">${markup(correction.affectedUrl)}</a></p>\n` : ''}</article>
<p class="meta">${[
    `<a href="${markup(site.subscribe({ language, ...(correction.affectedUrl ? { follow: correction.affectedUrl } : { topic: correction.topic }) }))}">${markup(correction.affectedUrl ? nav.followPage : nav.followTopic)}</a>`,
    ...(correction.affectedUrl
      ? [
          `<a href="${markup(site.report({ language, url: correction.affectedUrl }))}">${markup(nav.reportHere)}</a>`,
        ]
      : []),
  ].join(' · ')}</p>
<section aria-labelledby="history">
<h2 id="history">${markup(words.history)}</h2>
<p class="meta">${markup(words.historyIntro)}</p>
<ol class="versions">
${correction.versions.map((version) => versionItem(version, input)).join('\n')}
</ol>
</section>`;
  return page({
    language,
    site,
    title: correction.headline,
    description: labelledHeadline(correction, language),
    canonical: site.permalink(correction.id, language),
    otherLanguage: site.permalink(correction.id, words.switchTo.language),
    head: jsonLdScript(correctionJsonLd(correction, site, input.topics)),
    main,
  });
}
