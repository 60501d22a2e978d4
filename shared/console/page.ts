/**
 * GET /console: one page, no external assets. Its style sheet and its script (the bundle of
 * shared/console/client, see scripts/console.ts, read on the first request: it is no part of the
 * function's bundle) are inline and allowed by hash alone; the script may
 * talk to this origin and, deployed, to Cognito; Trusted Types forbid markup from strings outright.
 */
import { createHash } from 'node:crypto';
import { longestPermalink } from '../domain/correction.ts';
import { markup } from '../presentation/text.ts';
import type { Config } from '../runtime/config.ts';
import { servedFile } from '../runtime/served-file.ts';
import { type ConsoleSettings, settingsAttribute } from './settings.ts';

const css = `
:root { color-scheme: light dark; --muted: #5a5a5a; --line: #d0d0d0; --accent: #8a1c1c; --panel: #f6f6f4;
  --ok: #1d6b35; --warn: #8a5a00; --bad: #b00020; }
@media (prefers-color-scheme: dark) { :root { --muted: #b0b0b0; --line: #444; --accent: #f08a8a; --panel: #1f1f1f;
  --ok: #7fd49a; --warn: #f0c060; --bad: #ff8a8a; } }
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.6 system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
  "Noto Sans CJK SC", sans-serif; }
#app { max-width: 80rem; margin: 0 auto; padding: 0 1rem 2rem; }
a { color: inherit; text-underline-offset: 0.2em; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -999rem; }
.skip:focus { left: 1rem; top: 0.5rem; background: Canvas; padding: 0.25rem 0.5rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);
  white-space: nowrap; }
header.top { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; padding: 0.75rem 0;
  border-bottom: 1px solid var(--line); }
.brand { font-weight: 700; margin: 0; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 0; padding: 0; }
nav [aria-current] { font-weight: 700; }
.who { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-left: auto; color: var(--muted); }
h1 { font-size: 1.5rem; line-height: 1.3; margin: 1rem 0 0.5rem; }
h2 { font-size: 1.2rem; margin: 0 0 0.5rem; }
h3 { font-size: 1.05rem; margin: 0 0 0.5rem; }
button { font: inherit; padding: 0.45rem 1rem; border-radius: 0.3rem; border: 1px solid var(--accent);
  background: var(--accent); color: Canvas; cursor: pointer; min-height: 2.5rem; }
button.secondary { background: transparent; color: inherit; border-color: var(--line); }
button.link { background: none; border: none; color: inherit; text-decoration: underline; padding: 0.25rem;
  min-height: auto; }
button:disabled { opacity: 0.55; cursor: not-allowed; }
input, select, textarea { font: inherit; width: 100%; padding: 0.4rem 0.5rem; border: 1px solid var(--line);
  border-radius: 0.3rem; background: Canvas; color: CanvasText; }
input[type="radio"], input[type="checkbox"] { width: auto; }
textarea { resize: vertical; }
fieldset { border: 1px solid var(--line); border-radius: 0.3rem; margin: 0 0 0.75rem; }
.field { margin: 0 0 0.75rem; }
.field label { display: block; font-weight: 600; }
.choice { display: flex; gap: 0.5rem; align-items: center; margin: 0.25rem 0; }
.hint, .meta { color: var(--muted); font-size: 0.9rem; margin: 0.2rem 0; }
.field-error, .warning { color: var(--bad); font-weight: 600; margin: 0.2rem 0; }
[aria-invalid="true"] { border-color: var(--bad); border-width: 2px; }
.buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.problem { border: 2px solid var(--bad); border-radius: 0.3rem; padding: 0.5rem 0.75rem; margin: 0.5rem 0; }
.notice { border-left: 4px solid var(--ok); padding: 0.25rem 0.75rem; }
.filters { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: 0 1rem;
  align-items: end; }
.filters .buttons { margin-bottom: 0.75rem; }
ol.cases { list-style: none; padding: 0; margin: 0.5rem 0; }
.case-item { border-top: 1px solid var(--line); padding: 0.6rem 0; }
.case-line { margin: 0; }
.case-text { margin: 0.2rem 0; overflow-wrap: anywhere; display: -webkit-box; -webkit-line-clamp: 3;
  -webkit-box-orient: vertical; overflow: hidden; }
.badge { display: inline-block; padding: 0 0.45rem; border-radius: 0.3rem; border: 1px solid var(--line);
  font-size: 0.85rem; font-weight: 600; }
.severity-critical { background: var(--bad); border-color: var(--bad); color: Canvas; }
.severity-high { border-color: var(--bad); color: var(--bad); }
.severity-low { color: var(--muted); }
.due.overdue { color: var(--bad); }
.case-grid { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem; }
@media (min-width: 60rem) { .case-grid { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
  grid-template-rows: auto 1fr; align-items: start; }
  .case-grid .actions { grid-column: 2; grid-row: 1 / span 2; } }
.panel { background: var(--panel); border-radius: 0.4rem; padding: 0.75rem 1rem; min-width: 0; }
.action { border-top: 1px solid var(--line); padding-top: 0.75rem; margin-top: 0.75rem; }
.action:first-of-type { border-top: none; margin-top: 0; padding-top: 0; }
dl { display: grid; grid-template-columns: minmax(6rem, max-content) minmax(0, 1fr); gap: 0.25rem 1rem; margin: 0; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
dd dl { border-left: 2px solid var(--line); padding-left: 0.5rem; }
dd p, .prose { margin: 0; white-space: pre-wrap; }
@media (max-width: 30rem) { dl { grid-template-columns: minmax(0, 1fr); } dd { margin-bottom: 0.4rem; } }
ol.timeline { list-style: none; padding: 0; margin: 0; }
ol.timeline li { border-left: 3px solid var(--line); padding: 0 0 0.6rem 0.75rem; }
ol.timeline p { margin: 0; }
.sms-meter { border: 1px solid var(--line); border-radius: 0.3rem; padding: 0.25rem 0.5rem; margin-top: 0.25rem; }
.sms-meter p { margin: 0.2rem 0; }
.sms-meter.too-long { border-color: var(--bad); }
.sms-preview { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
.audience { margin-bottom: 0.5rem; }
button.publish { background: var(--ok); border-color: var(--ok); font-weight: 700; }
button.danger { background: transparent; color: var(--bad); border: 2px solid var(--bad); font-weight: 700; }
dialog.confirm { max-width: 32rem; border: 2px solid var(--line); border-radius: 0.4rem; padding: 1rem 1.25rem; }
dialog.confirm::backdrop { background: rgb(0 0 0 / 45%); }
.preview { border-top: 1px solid var(--line); margin-top: 0.5rem; padding-top: 0.5rem; }
.message { border: 1px solid var(--line); border-radius: 0.3rem; padding: 0.5rem; margin: 0.5rem 0; background: Canvas; }
.message pre, .compare pre { white-space: pre-wrap; overflow-wrap: anywhere; font: inherit; margin: 0; }
.diff ins { background: color-mix(in srgb, var(--ok) 25%, transparent); text-decoration: underline; }
.diff del { background: color-mix(in srgb, var(--bad) 20%, transparent); text-decoration: line-through; }
.compare { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0.75rem;
  border: 2px solid var(--warn); border-radius: 0.3rem; padding: 0.5rem; margin-bottom: 0.75rem; }
.compare h4 { grid-column: 1 / -1; margin: 0; }
.unsaved { color: var(--warn); font-weight: 600; }
dl.figures { margin-bottom: 1rem; }
`;

const sha256 = (text: string): string =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const styleHash = sha256(css);

const consoleScriptFile = servedFile(new URL('./script.generated.js', import.meta.url));
let script: { text: string; hash: string } | undefined;

/** The console's script and its hash, from the first request on. */
export function consoleScript(): { text: string; hash: string } {
  if (script) return script;
  const text = consoleScriptFile();
  // Inline, the script must not end its own element early; the bundler escapes such text, and this holds it to that.
  if (/<\/script|<!--/i.test(text)) throw new Error('The console script cannot be inlined as it is');
  script = { text, hash: sha256(text) };
  return script;
}

/** What the page's script needs from the configuration; refuses a Cognito sign-in it cannot complete. */
export function consoleSettings(config: Config): ConsoleSettings {
  const common = {
    consoleUrl: `${config.publicBaseUrl}/console`,
    smsLink: longestPermalink(config.publicBaseUrl),
    timeZone: config.timeZone,
  };
  if (config.consoleSignIn === 'dev') return { signIn: 'dev', ...common };
  const { cognitoDomainUrl, cognitoClientId } = config;
  if (!cognitoDomainUrl || !cognitoClientId) {
    throw new Error('CONSOLE_SIGN_IN is cognito, but COGNITO_DOMAIN_URL or COGNITO_CLIENT_ID is not set');
  }
  return { signIn: 'cognito', cognitoDomainUrl, cognitoClientId, ...common };
}

export function consoleContentSecurityPolicy(settings: ConsoleSettings): string {
  const cognito = settings.cognitoDomainUrl ? ` ${new URL(settings.cognitoDomainUrl).origin}` : '';
  return [
    "default-src 'none'",
    `script-src ${consoleScript().hash}`,
    `style-src ${styleHash}`,
    `connect-src 'self'${cognito}`,
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ');
}

export function consolePage(settings: ConsoleSettings): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="robots" content="noindex, nofollow" />
<title>更正工作台 · Corrections desk</title>
<style>${css}</style>
</head>
<body ${settingsAttribute}="${markup(JSON.stringify(settings))}">
<div id="app"><noscript><p>更正工作台需要启用 JavaScript。 The corrections desk needs JavaScript.</p></noscript></div>
<script type="module">${consoleScript().text}</script>
</body>
</html>
`;
}
