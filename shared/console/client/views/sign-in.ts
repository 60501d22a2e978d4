/**
 * Signing in. Locally: pick one of the demo data's people, or make up one (sub, name, groups), and the
 * local gateway issues its token. Deployed: a button to Cognito's hosted UI.
 */
import { type Role, roles } from '../../../domain/roles.ts';
import type { ConsoleSettings } from '../../settings.ts';
import { h } from '../dom.ts';
import { field, form, input } from '../forms.ts';
import type { Words } from '../words.ts';

/** The people `npm start` loads as demo data. */
const devIdentities: ReadonlyArray<{ sub: string; name: string; groups: Role[] }> = [
  { sub: 'admin-chen', name: '陈主任', groups: ['admin'] },
  { sub: 'reviewer-li', name: '李审核', groups: ['reviewer'] },
  { sub: 'editor-wang', name: '王编辑', groups: ['editor'] },
];

const custom = 'custom';

export interface SignInHandlers {
  dev(identity: { sub: string; name?: string; groups: Role[] }): Promise<void>;
  cognito(): Promise<void>;
}

export function signInView(
  settings: ConsoleSettings,
  words: Words,
  handlers: SignInHandlers,
  message?: string,
): HTMLElement {
  const intro = settings.signIn === 'dev' ? words.devSignInIntro : words.cognitoSignInIntro;
  const content =
    settings.signIn === 'dev'
      ? devForm(words, handlers)
      : form({
          label: words.signIn,
          words,
          content: [],
          button: words.cognitoSignIn,
          submit: handlers.cognito,
        });
  return h(
    'section',
    { class: 'sign-in', 'aria-labelledby': 'sign-in-title' },
    h('h1', { id: 'sign-in-title', tabindex: -1 }, words.signInTitle),
    message ? h('p', { class: 'notice', role: 'status' }, message) : null,
    h('p', {}, intro),
    content,
  );
}

function devForm(words: Words, handlers: SignInHandlers): HTMLFormElement {
  const choice = (value: string, label: string, checked: boolean) => {
    const radio = h('input', { type: 'radio', name: 'identity', value, id: `identity-${value}`, checked });
    return h('div', { class: 'choice' }, radio, h('label', { for: radio.id }, label));
  };
  const sub = input('sub', { autocomplete: 'off' });
  const name = input('name', { autocomplete: 'off' });
  const groups = roles.map((role) => {
    const box = h('input', { type: 'checkbox', name: 'groups', value: role, id: `group-${role}` });
    return {
      role,
      box,
      element: h('div', { class: 'choice' }, box, h('label', { for: box.id }, words.roles[role])),
    };
  });
  const customFields = h(
    'fieldset',
    { hidden: true },
    h('legend', {}, words.customIdentity),
    field(words.sub, sub),
    field(words.name, name),
    h('fieldset', {}, h('legend', {}, words.groups), ...groups.map((group) => group.element)),
  );
  const identities = h(
    'fieldset',
    {},
    h('legend', {}, words.identity),
    ...devIdentities.map((identity, index) =>
      choice(
        identity.sub,
        `${identity.name} · ${identity.sub} · ${identity.groups.map((g) => words.roles[g]).join(', ')}`,
        index === 0,
      ),
    ),
    choice(custom, words.customIdentity, false),
  );
  const element = form({
    label: words.signIn,
    words,
    button: words.signIn,
    content: [identities, customFields],
    async submit(f) {
      const picked = (f.elements.namedItem('identity') as RadioNodeList).value;
      const known = devIdentities.find((identity) => identity.sub === picked);
      await handlers.dev(
        known ?? {
          sub: sub.value.trim(),
          ...(name.value.trim() ? { name: name.value.trim() } : {}),
          groups: groups.filter((group) => group.box.checked).map((group) => group.role),
        },
      );
    },
  });
  identities.addEventListener('change', () => {
    const isCustom = (element.elements.namedItem('identity') as RadioNodeList).value === custom;
    customFields.hidden = !isCustom;
    sub.required = isCustom;
  });
  return element;
}
