/**
 * GET /console: one page, no external assets. Its style sheet (console.css) and its script (the
 * bundle of shared/console/client, see scripts/console.ts), both read on the first request and no
 * part of the function's bundle, are inline and allowed by hash alone; the script may
 * talk to this origin and, deployed, to Cognito; Trusted Types forbid markup from strings outright.
 */
import { longestPermalink } from '../domain/correction.ts';
import { markup } from '../presentation/text.ts';
import type { Config } from '../runtime/config.ts';
import { servedFile } from '../runtime/served-file.ts';
import { hashSource } from '../security/csp.ts';
import { type ConsoleSettings, settingsAttribute } from './settings.ts';

const consoleScriptFile = servedFile(new URL('./script.generated.js', import.meta.url));
let script: { text: string; hash: string } | undefined;

/** The console's script and its hash, from the first request on. */
export function consoleScript(): { text: string; hash: string } {
  if (script) return script;
  const text = consoleScriptFile();
  // Inline, the script must not end its own element early; the bundler escapes such text, and this holds it to that.
  if (/<\/script|<!--/i.test(text)) throw new Error('The console script cannot be inlined as it is');
  script = { text, hash: hashSource(text) };
  return script;
}

const consoleStyleFile = servedFile(new URL('./console.css', import.meta.url));
let style: { text: string; hash: string } | undefined;

/** The console's style sheet (static text, served beside the bundle like the script) and its hash. */
function consoleStyle(): { text: string; hash: string } {
  if (!style) {
    const text = consoleStyleFile();
    style = { text, hash: hashSource(text) };
  }
  return style;
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
    `style-src ${consoleStyle().hash}`,
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
<style>${consoleStyle().text}</style>
</head>
<body ${settingsAttribute}="${markup(JSON.stringify(settings))}">
<div id="app"><noscript><p>更正工作台需要启用 JavaScript。 The corrections desk needs JavaScript.</p></noscript></div>
<script type="module">${consoleScript().text}</script>
</body>
</html>
`;
}
