/**
 * The editors' console in the browser: sign-in, then the queue, a case, a new case and the digest,
 * each at its own #route (the digest email links to #/cases/<id>). Language: Chinese unless English
 * was chosen, remembered on this device.
 */
import type { Language } from '../../domain/case.ts';
import type { Topic } from '../../domain/topic.ts';
import { type ConsoleSettings, settingsAttribute } from '../settings.ts';
import { ApiError, createApi } from './api.ts';
import { channelWords } from './channel-words.ts';
import type { Context } from './context.ts';
import { h, replaceChildren } from './dom.ts';
import { actorOf } from './model.ts';
import type { CognitoClient } from './oauth.ts';
import { privacyWords } from './privacy-words.ts';
import {
  clearSession,
  completeCognitoSignIn,
  devSignIn,
  isFresh,
  loadSession,
  renew,
  type Session,
  signOut,
  startCognitoSignIn,
} from './session.ts';
import { caseView } from './views/case.ts';
import { digestView } from './views/digest.ts';
import { eraseView } from './views/erase.ts';
import { importView } from './views/import.ts';
import { newCaseView } from './views/new-case.ts';
import { queueView } from './views/queue.ts';
import { signInView } from './views/sign-in.ts';
import { webhooksView } from './views/webhooks.ts';
import { consoleWords } from './words.ts';

const languageKey = 'corrections-console.language';

const settings = JSON.parse(document.body.getAttribute(settingsAttribute) ?? '{}') as ConsoleSettings;
/** The console is <root>/console: the API's paths are resolved from <root>/, wherever that is mounted. */
const apiBase = new URL('./', location.href);
const cognito: CognitoClient | undefined =
  settings.signIn === 'cognito' && settings.cognitoDomainUrl && settings.cognitoClientId
    ? {
        domainUrl: settings.cognitoDomainUrl,
        clientId: settings.cognitoClientId,
        redirectUri: settings.consoleUrl,
      }
    : undefined;

let language: Language = localStorage.getItem(languageKey) === 'en' ? 'en' : 'zh-CN';
let session: Session | undefined = loadSession();
let topics: Topic[] = [];
let currentView: Element | undefined;
/** The route on screen, and whether its view holds unsaved work. */
let shownRoute = location.hash;
let unsavedGuard: { view: Element; unsaved: () => boolean } | undefined;
const unsavedWork = (): boolean =>
  unsavedGuard !== undefined && unsavedGuard.view === currentView && unsavedGuard.unsaved();
let signInMessage: string | undefined;

const root = document.getElementById('app') ?? document.body;
const banner = h('div', { class: 'banner' });
const main = h('main', { id: 'main', tabindex: -1 });
const announcer = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
const skip = h('a', { class: 'skip', href: '#main' });
skip.addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
replaceChildren(root, skip, banner, main, announcer);

const words = () => consoleWords[language];

async function bearer(): Promise<string> {
  if (session && !isFresh(session) && cognito) session = await renew(cognito, session);
  if (session && isFresh(session)) return session.token;
  expired();
  throw new ApiError(401);
}

function expired(): void {
  session = undefined;
  clearSession();
  signInMessage = words().sessionExpired;
  show();
}

const api = createApi(apiBase, bearer, expired);

function context(): Context | undefined {
  if (!session) return undefined;
  return {
    settings,
    apiBase,
    language,
    words: words(),
    actor: actorOf(session.claims),
    api,
    topics,
    announce(message) {
      // Emptied first so the same message twice is announced twice.
      announcer.textContent = '';
      setTimeout(() => {
        announcer.textContent = message;
      }, 50);
    },
    navigate(route) {
      if (location.hash === route) show();
      else location.hash = route;
    },
    isCurrent: (view) => view === currentView,
    protectUnsaved(view, unsaved) {
      unsavedGuard = { view, unsaved };
    },
  };
}

/** True when nothing unsaved would be lost, or the person chose to lose it. */
const mayLeave = (): boolean => !unsavedWork() || window.confirm(words().unsavedLeave);

window.addEventListener('beforeunload', (event) => {
  if (unsavedWork()) event.preventDefault();
});

function header(): HTMLElement {
  const w = words();
  const languageButton = h(
    'button',
    { type: 'button', class: 'link', lang: w.switchLanguage.to },
    w.switchLanguage.label,
  );
  languageButton.addEventListener('click', () => {
    if (!mayLeave()) return;
    language = w.switchLanguage.to;
    localStorage.setItem(languageKey, language);
    show();
  });
  const route = location.hash.split('?')[0] || '#/queue';
  const link = (href: string, text: string) =>
    h('li', {}, h('a', { href, 'aria-current': route === href ? 'page' : false }, text));
  let signedIn: HTMLElement | null = null;
  if (session) {
    const { claims } = session;
    const out = h('button', { type: 'button', class: 'link' }, w.signOut);
    out.addEventListener('click', async () => {
      if (!mayLeave()) return;
      const ending = session;
      session = undefined;
      signInMessage = undefined;
      await signOut(cognito, ending);
      show();
    });
    signedIn = h(
      'div',
      { class: 'who' },
      h(
        'span',
        {},
        w.signedInAs(
          claims.name ? `${claims.name} · ${claims.sub}` : claims.sub,
          claims.groups.map((g) => w.roles[g]).join(', '),
        ),
      ),
      out,
    );
  }
  return h(
    'header',
    { class: 'top' },
    h('p', { class: 'brand' }, w.consoleTitle),
    session
      ? h(
          'nav',
          { 'aria-label': w.navigation },
          h(
            'ul',
            {},
            link('#/queue', w.queue),
            link('#/new', w.newCase),
            link('#/digest', w.digest),
            // Admins only: the body's other channels and bringing in an existing list.
            ...(session.claims.groups.includes('admin')
              ? [
                  link('#/webhooks', channelWords[language].webhooks),
                  link('#/import', channelWords[language].importNav),
                  link('#/erase', privacyWords[language].eraseNav),
                ]
              : []),
          ),
        )
      : null,
    signedIn,
    languageButton,
  );
}

function view(): HTMLElement {
  const w = words();
  const signedIn = context();
  if (!signedIn) {
    return signInView(
      settings,
      w,
      {
        dev: async (identity) => {
          session = await devSignIn(apiBase, identity);
          await signedInNow();
        },
        cognito: async () => {
          if (!cognito) throw new Error('Cognito sign-in is not configured');
          await startCognitoSignIn(cognito, location.hash);
        },
      },
      signInMessage,
    );
  }
  const [path = '', query = ''] = location.hash.replace(/^#/, '').split('?');
  const caseId = /^\/cases\/(.+)$/.exec(path)?.[1];
  if (caseId) return caseView(signedIn, decodeURIComponent(caseId));
  if (path === '/new') return newCaseView(signedIn);
  if (path === '/digest') return digestView(signedIn);
  if (path === '/webhooks') return webhooksView(signedIn);
  if (path === '/import') return importView(signedIn);
  if (path === '/erase') return eraseView(signedIn);
  return queueView(signedIn, new URLSearchParams(query));
}

/** Draws the header and the route's view, and moves focus to the view's heading. */
function show(): void {
  document.documentElement.lang = language;
  skip.textContent = words().skipToContent;
  replaceChildren(banner, header());
  shownRoute = location.hash;
  const next = view();
  currentView = next;
  replaceChildren(main, next);
  const heading = next.querySelector('h1');
  document.title = `${heading?.textContent ?? ''} · ${words().consoleTitle}`;
  heading?.focus();
}

async function signedInNow(): Promise<void> {
  signInMessage = undefined;
  try {
    topics = (await api.call<{ items: Topic[] }>('GET', 'admin/topics')).data.items;
  } catch {
    // Without the catalogue, topics show as their keys; everything else still works.
    topics = [];
  }
  show();
}

async function start(): Promise<void> {
  const query = new URLSearchParams(location.search);
  if (cognito && (query.has('code') || query.has('error'))) {
    try {
      const completed = await completeCognitoSignIn(cognito, query);
      session = completed.session;
      // The code is spent: it leaves the address bar and the history.
      history.replaceState(null, '', `${location.pathname}${completed.returnTo}`);
    } catch (error) {
      history.replaceState(null, '', location.pathname);
      signInMessage = `${words().signInFailed}${error instanceof Error ? error.message : String(error)}`;
    }
  }
  if (session && !isFresh(session)) session = cognito ? await renew(cognito, session) : undefined;
  if (session) await signedInNow();
  else show();
  window.addEventListener('hashchange', () => {
    // The address has changed already: put it back when the person stays with their unsaved work.
    if (location.hash !== shownRoute && !mayLeave()) {
      history.replaceState(null, '', shownRoute || location.pathname);
      return;
    }
    show();
  });
}

void start();
