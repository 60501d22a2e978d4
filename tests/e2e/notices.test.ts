/**
 * The README's notices snippets as a newsroom uses them: pasted into an article page served from
 * another origin, against the running local stack, read in Chromium. The correction is published
 * through the editors' API and the stack's own publisher; the frame is checked with axe-core (WCAG 2.1
 * AA) in light and dark.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/stack.ts';
import { chromiumPath, hasChromium, warnIfNoChromium } from '../support/console-browser.ts';
import { type Call, runningDesk, type Tokens } from '../support/http.ts';
import { amendViaApi, publishViaApi } from '../support/publishing.ts';

warnIfNoChromium('tests/e2e/notices.test.ts');

/** The README's block, as a newsroom would copy it. */
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const snippet = /<!-- article-notices[^>]*-->\s*```html\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
const exampleDesk = 'https://corrections.example.org';

let stack: LocalStack;
let call: Call;
let tokens: Tokens;
let browser: Browser;
let newsroom: Server;
/** The article's address as the newsroom publishes it (another origin than the desk's). */
let article: string;
let correctionId: string;

/** The newsroom's article page: the README's lines pasted in, as its template would fill them. */
function articlePage(deskUrl: string, canonical: string): string {
  const pasted = snippet
    .replaceAll(exampleDesk, deskUrl)
    .replace('url=ARTICLE_URL', `url=${encodeURIComponent(canonical)}`);
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>火灾现场报道</title>
<link rel="canonical" href="${canonical}"></head>
<body><h1>火灾现场报道</h1><p>正文。</p>
${pasted}
</body></html>`;
}

describe.skipIf(!hasChromium)('notices on the article itself', () => {
  beforeAll(async () => {
    ({ stack, call, tokens } = await runningDesk());
    newsroom = createServer((request, response) => {
      // Readers arrive with tracking parameters; the canonical link is the article's own address.
      const origin = `http://127.0.0.1:${(newsroom.address() as AddressInfo).port}`;
      const canonical = `${origin}${new URL(request.url ?? '/', origin).pathname}`;
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(articlePage(stack.url, canonical));
    });
    await new Promise<void>((resolve) => newsroom.listen(0, '127.0.0.1', resolve));
    article = `http://127.0.0.1:${(newsroom.address() as AddressInfo).port}/2026/报道/火灾现场`;
    correctionId = await publishViaApi(call, tokens, {
      url: `${article}/?utm_source=weixin`,
      headline: '关于出动车辆数的更正',
    });
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => newsroom?.close(resolve));
    await stack?.stop();
  });

  it('the README holds both ways, short enough to paste', () => {
    expect(snippet).toContain('/notices/frame?url=ARTICLE_URL');
    expect(snippet).toContain('/notices?url=');
    expect(snippet.trim().split('\n').length).toBeLessThanOrEqual(18);
  });

  it('shows the article’s correction from the script and in the frame, each opening the permalink', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(`${article}?utm_source=weixin&from=timeline`);

    // The script's way: a cross-origin fetch of /notices, shown once it answers.
    const aside = page.locator('#desk-notices');
    await expect.poll(() => aside.isVisible()).toBe(true);
    const scripted = aside.getByRole('link');
    expect(await scripted.textContent()).toBe('【更正】关于出动车辆数的更正');
    const permalink = `${stack.url}/c/${correctionId}`;
    expect(await scripted.getAttribute('href')).toBe(permalink);

    // The frame's way: the same correction, its link leaving the frame for the permalink.
    const frame = page.frameLocator('iframe[title="本文的更正"]');
    const framed = frame.getByRole('link', { name: '关于出动车辆数的更正' });
    expect(await framed.getAttribute('href')).toBe(permalink);
    expect(await frame.getByRole('heading').textContent()).toBe('本文已更正');
    await framed.click();
    await page.waitForURL(permalink);
    expect(await page.locator('h1').textContent()).toBe('关于出动车辆数的更正');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the latest version once the correction is amended', async () => {
    await amendViaApi(call, tokens, correctionId);
    const page = await browser.newPage();
    await page.goto(article);
    const frame = page.frameLocator('iframe[title="本文的更正"]');
    expect(await frame.locator('li').textContent()).toContain('更正 · 更新');
    expect(await frame.locator('li').textContent()).toContain('最近更新');
    const { items } = (await call('GET', `/notices?url=${encodeURIComponent(article)}`)).json;
    expect(items).toMatchObject([{ id: correctionId, version: 2 }]);
    await page.close();
  });

  it('takes no room and shows nothing on an article never corrected', async () => {
    const page = await browser.newPage();
    await page.goto(article.replace('火灾现场', '无误报道'));
    await page.waitForLoadState('networkidle');
    expect(await page.locator('#desk-notices').isHidden()).toBe(true);
    expect((await page.frameLocator('iframe').locator('body').textContent())?.trim()).toBe('');
    await page.close();
  });

  it.each(['light', 'dark'] as const)(
    'the frame passes axe-core (WCAG 2.1 AA) in %s',
    async (colorScheme) => {
      const context = await browser.newContext({ colorScheme, viewport: { width: 360, height: 240 } });
      const page = await context.newPage();
      await page.goto(`${stack.url}/notices/frame?url=${encodeURIComponent(article)}`);
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      expect(
        results.violations.flatMap((violation) =>
          violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}: ${node.failureSummary}`),
        ),
      ).toEqual([]);
      // Long headlines and addresses wrap: nothing scrolls sideways in a narrow column.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await context.close();
    },
  );
});
