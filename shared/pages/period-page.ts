/**
 * GET /d/{day} and /w/{monday}: the corrections of one day or week of the desk's calendar (those with
 * a version published in it, as they read now), oldest first. The SMS digest links here: it holds a
 * count and this page's address, and the page lists what the count counted (and the period's other
 * corrections, which reached other subscribers).
 */
import type { Language } from '../domain/case.ts';
import type { DigestPeriod } from '../domain/digest-period.ts';
import type { Topic } from '../domain/topic.ts';
import type { Site } from '../presentation/site.ts';
import { markup } from '../presentation/text.ts';
import { publicWords } from '../presentation/words.ts';
import type { PublicCorrection } from '../usecases/read-corrections.ts';
import { listItem } from './corrections-page.ts';
import { page } from './layout.ts';

const periodWords = {
  'zh-CN': {
    title: (p: Pick<DigestPeriod, 'frequency' | 'firstDay'>) => {
      const [y, m, d] = p.firstDay.split('-').map(Number);
      return p.frequency === 'daily' ? `${y}年${m}月${d}日的更正` : `${y}年${m}月${d}日起一周的更正`;
    },
    intro: '这一期间发布或更新的每一则更正、澄清与撤回，按发布先后排列。',
    none: '这一期间没有发布更正。',
    all: '查看全部更正',
  },
  en: {
    title: (p: Pick<DigestPeriod, 'frequency' | 'firstDay'>) => {
      const date = new Date(`${p.firstDay}T00:00:00Z`).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      });
      return p.frequency === 'daily' ? `Corrections of ${date}` : `Corrections of the week of ${date}`;
    },
    intro: 'Every correction, clarification and retraction published or updated in this period, in order.',
    none: 'Nothing was corrected in this period.',
    all: 'All corrections',
  },
} as const;

export interface PeriodPageInput {
  language: Language;
  site: Site;
  timeZone: string;
  topics: ReadonlyArray<Topic>;
  period: Pick<DigestPeriod, 'frequency' | 'firstDay'>;
  corrections: ReadonlyArray<PublicCorrection>;
  /** This page's address in a language. */
  here: (language: Language) => string;
}

export function periodPage(input: PeriodPageInput): string {
  const { language, site, corrections } = input;
  const w = periodWords[language];
  const title = w.title(input.period);
  const main = [
    `<h1>${markup(title)}</h1>`,
    `<p>${markup(w.intro)}</p>`,
    corrections.length
      ? `<ol class="list">\n${corrections.map((correction) => listItem(correction, input)).join('\n')}\n</ol>`
      : `<p>${markup(w.none)}</p>`,
    `<p><a href="${markup(site.home({ language }))}">${markup(w.all)}</a></p>`,
  ].join('\n');
  return page({
    language,
    site,
    title,
    description: w.intro,
    canonical: input.here(language),
    otherLanguage: input.here(publicWords[language].switchTo.language),
    main,
  });
}
