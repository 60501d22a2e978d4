/** What every view is given: the words, who is signed in, the API, and the page's shared services. */
import type { Case, Language } from '../../domain/case.ts';
import type { Actor } from '../../domain/roles.ts';
import type { Topic } from '../../domain/topic.ts';
import { topicName } from '../../presentation/words.ts';
import type { ConsoleSettings } from '../settings.ts';
import type { Api } from './api.ts';
import { h } from './dom.ts';
import { duration, isOverdue } from './model.ts';
import type { Words } from './words.ts';

export interface Context {
  settings: ConsoleSettings;
  /** The API's root, where the console itself is <root>/console. */
  apiBase: URL;
  language: Language;
  words: Words;
  actor: Actor;
  api: Api;
  topics: Topic[];
  /** Says something to screen readers (and shows it) without moving focus. */
  announce(message: string): void;
  /** Goes to a console route, e.g. '#/cases/abc'. */
  navigate(route: string): void;
  /** False once the view that asked has been replaced: late answers and timers then do nothing. */
  isCurrent(view: Element): boolean;
  /**
   * While `unsaved` says so, leaving the view (another route, the other language, signing out,
   * closing or reloading the page) asks first.
   */
  protectUnsaved(view: Element, unsaved: () => boolean): void;
}

export const topicLabel = (context: Context, key: string): string =>
  topicName(context.topics, key, context.language);

/** A date and time in the desk's time zone, named, machine-readable too. */
export function timeOf(context: Context, iso: string): HTMLTimeElement {
  const shown = new Intl.DateTimeFormat(context.language, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
    timeZone: context.settings.timeZone,
  }).format(new Date(iso));
  return h('time', { datetime: iso }, shown);
}

/** The review deadline, with how far off (or overdue) it is; overdue ones are marked for the eye and the ear. */
export function dueOf(context: Context, c: Pick<Case, 'status' | 'dueAt'>): HTMLElement {
  const { words, language } = context;
  const now = Date.now();
  const overdue = isOverdue(c, now);
  const open = !['published', 'closed'].includes(c.status);
  const distance = duration(Date.parse(c.dueAt) - now, language);
  return h(
    'span',
    { class: overdue ? 'due overdue' : 'due' },
    overdue ? h('strong', {}, `${words.overdue} · `) : null,
    timeOf(context, c.dueAt),
    open ? ` (${overdue ? words.overdueBy(distance) : words.dueIn(distance)})` : null,
  );
}

export const severityBadge = (context: Context, c: Pick<Case, 'severity'>): HTMLElement =>
  h('span', { class: `badge severity-${c.severity}` }, context.words.severities[c.severity]);

export const statusBadge = (context: Context, c: Pick<Case, 'status'>): HTMLElement =>
  h('span', { class: `badge status-${c.status}` }, context.words.statuses[c.status]);
