/** The editors' console in headless Chromium (playwright-core): launching it, a tab, signing in. */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

/** Warns once per suite that it is skipped, so a missing browser is never a silent pass. */
export function warnIfNoChromium(suite: string): void {
  if (!hasChromium) {
    console.warn(
      `SKIPPED ${suite}: no Chromium binary at ${chromiumPath}. Install Chromium or set CHROMIUM_PATH.`,
    );
  }
}

const launchArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A browser with a profile of its own (removed by `close`). */
export async function launchConsoleBrowser(): Promise<{ browser: BrowserContext; close(): Promise<void> }> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'console-chromium-'));
  const browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: launchArgs,
    viewport: { width: 1280, height: 900 },
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A new tab (its own sessionStorage, so signed out), English unless asked not to, adding to
 * `problems` every Content-Security-Policy or Trusted Types violation and uncaught error it reports.
 */
export async function newConsolePage(
  browser: BrowserContext,
  problems: string[],
  language: 'en' | 'default' = 'en',
): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (/Content Security Policy|Trusted Type/i.test(message.text())) problems.push(message.text());
  });
  await page.addInitScript((chosen) => {
    if (chosen === 'en') localStorage.setItem('corrections-console.language', 'en');
    else localStorage.removeItem('corrections-console.language');
  }, language);
  return page;
}

export const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
export const notice = (page: Page, text: string) => page.locator('.notice', { hasText: text }).waitFor();

/** Signs in on the local sign-in page as one of its identities, or a custom one. */
export async function signIn(
  page: Page,
  identity: RegExp | { sub: string; groups: string[] },
): Promise<void> {
  await heading(page, 'Sign in to the corrections desk').waitFor();
  if (identity instanceof RegExp) {
    await page.getByRole('radio', { name: identity }).check();
  } else {
    await page.getByRole('radio', { name: 'Custom identity' }).check();
    await page.getByLabel('User id (sub)').fill(identity.sub);
    for (const group of identity.groups) await page.getByRole('checkbox', { name: group }).check();
  }
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}
