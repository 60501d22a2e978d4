import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bundleConsoleScript } from '../../scripts/console.ts';
import { readConfig } from '../runtime/config.ts';
import { consoleContentSecurityPolicy, consolePage, consoleScript, consoleSettings } from './page.ts';
import { settingsAttribute } from './settings.ts';

const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const between = (html: string, open: string, close: string) => {
  const start = html.indexOf(open) + open.length;
  return html.slice(start, html.indexOf(close, start));
};

const cognitoConfig = readConfig({
  PUBLIC_BASE_URL: 'https://corrections.example.org',
  CONSOLE_SIGN_IN: 'cognito',
  COGNITO_DOMAIN_URL: 'https://desk-prod.auth.eu-central-1.amazoncognito.com/',
  COGNITO_CLIENT_ID: 'client123',
});

describe('the console page', () => {
  it('signs in with a dev identity by default, measuring SMS with the longest permalink', () => {
    expect(consoleSettings(readConfig({ PUBLIC_BASE_URL: 'http://localhost:3000' }))).toEqual({
      signIn: 'dev',
      consoleUrl: 'http://localhost:3000/console',
      smsLink: 'http://localhost:3000/c/xxxxxxxxxx',
      timeZone: 'Asia/Shanghai',
    });
  });

  it('signs in through Cognito when told to, and refuses to without its domain and client', () => {
    expect(consoleSettings(cognitoConfig)).toMatchObject({
      signIn: 'cognito',
      consoleUrl: 'https://corrections.example.org/console',
      cognitoDomainUrl: 'https://desk-prod.auth.eu-central-1.amazoncognito.com',
      cognitoClientId: 'client123',
    });
    expect(() => consoleSettings(readConfig({ CONSOLE_SIGN_IN: 'cognito' }))).toThrow(/COGNITO_DOMAIN_URL/);
  });

  it('allows exactly its own inline style and script, this origin and the Cognito domain, and no markup from strings', () => {
    const settings = consoleSettings(cognitoConfig);
    const html = consolePage(settings);
    const policy = consoleContentSecurityPolicy(settings);
    expect(policy).toContain(`script-src ${hashOf(between(html, '<script type="module">', '</script>'))}`);
    expect(policy).toContain(`style-src ${hashOf(between(html, '<style>', '</style>'))}`);
    expect(policy).toContain("connect-src 'self' https://desk-prod.auth.eu-central-1.amazoncognito.com;");
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("require-trusted-types-for 'script'; trusted-types 'none'");
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(consoleContentSecurityPolicy(consoleSettings(readConfig({})))).toContain("connect-src 'self';");
  });

  it('hands the settings to the script in one escaped attribute', () => {
    const settings = { ...consoleSettings(readConfig({})), timeZone: '"><script>alert(1)</script>' };
    const html = consolePage(settings);
    const attribute = between(html, `${settingsAttribute}="`, '"');
    expect(attribute).not.toMatch(/[<>"]/);
    const decoded = attribute.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
    expect(JSON.parse(decoded)).toEqual(settings);
  });

  it('inlines the bundle of shared/console/client as it is now (else: npx tsx scripts/console.ts)', async () => {
    expect(consoleScript().text).toBe(await bundleConsoleScript());
  });
});
