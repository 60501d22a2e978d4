/**
 * The public's pages in a real browser, against the whole local stack: subscribing by email (the
 * confirmation page's button) and by SMS (the code typed in the page), managing and unsubscribing from
 * the links a correction email carries, reporting an error from an article's link and following it on
 * the tracking page; the same with JavaScript off; no horizontal scrolling on a phone; axe-core finds
 * nothing against WCAG 2.1 AA in light or dark. Then, over plain HTTP: HEAD, the icon, the publisher's
 * name, the links every page carries, the forms' answers (303, or 400 naming every bad field in the
 * page's language) and the abuse limits behind them. Headless Chromium, driven by playwright-core.
 */
import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/stack.ts';
import { localDate, periodOf } from '../../shared/domain/digest-period.ts';
import { type FormField, pageWords } from '../../shared/pages/page-words.ts';
import { randomDigits } from '../../shared/security/tokens.ts';
import { type Call, eventually, runningDesk, type Tokens } from '../support/http.ts';
import { publishViaApi } from '../support/publishing.ts';

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
if (!hasChromium) {
  console.warn(
    `SKIPPED tests/e2e/public-pages.test.ts: no Chromium binary at ${chromiumPath}. Install Chromium or set CHROMIUM_PATH.`,
  );
}

/** This stack's cap on subscription requests per address an hour (the default is larger). */
const perAddressPerHour = 3;
const publisher = { 'zh-CN': '示例市消防救援支队', en: 'Example City Fire and Rescue' };
/** An article address long enough to widen a phone page if it did not wrap. */
const longArticle = `https://news.example.org/2026/11/${'fire-station-equipment-inventory-'.repeat(6)}report.html?utm_source=${'x'.repeat(120)}`;
const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** The pages a digest SMS links to: today's and this week's corrections (the stack keeps the default zone). */
const today = localDate(new Date().toISOString(), 'Asia/Shanghai');
const periodPages = [`/d/${today}`, `/w/${periodOf('weekly', today, 'Asia/Shanghai').firstDay}?lang=en`];

const linkIn = (text: string | undefined, pattern: RegExp): string => {
  const found = text?.match(pattern)?.[0];
  if (!found) throw new Error(`no link matching ${pattern} in ${text}`);
  return found;
};

describe.skipIf(!hasChromium)('the public pages in Chromium', () => {
  let stack: LocalStack;
  let call: Call;
  let tokens: Tokens;
  let browser: Browser;
  let context: BrowserContext;
  let base: string;
  let correctionId: string;
  /** Pages the axe and overflow checks visit: filled in as the flows reach them. */
  const visited: Record<string, string> = {};
  const emailAddress = `reader-${randomDigits(6)}@example.org`;
  const phone = `+86139${randomDigits(8)}`;
  const oneClickAddress = `oneclick-${randomDigits(6)}@example.org`;
  const pageProblems: string[] = [];

  const watch = (page: Page) => {
    page.on('console', (message) => {
      // A 4xx page the test asked for is logged as a failed load; anything else is a problem.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        pageProblems.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => pageProblems.push(`${page.url()}: ${error.message}`));
    return page;
  };
  const newPage = async (on: BrowserContext = context) => watch(await on.newPage());

  beforeAll(async () => {
    process.env.SUBSCRIPTION_REQUESTS_PER_ADDRESS_PER_HOUR = String(perAddressPerHour);
    ({ stack, call, tokens } = await runningDesk());
    base = stack.url;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    delete process.env.SUBSCRIPTION_REQUESTS_PER_ADDRESS_PER_HOUR;
  });

  /** What the outbox holds for `address` of `kind`, once it is there. */
  const sent = (address: string, kind: string, after = 0) =>
    eventually(async () => (await stack.outbox.read(address)).filter((m) => m.kind === kind).at(after));

  it('subscribes by email: the form, the inbox, and the confirmation page’s button (opening it changes nothing)', async () => {
    const page = await newPage();
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: '订阅更正' }).first().click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/subscribe');
    visited.subscribe = page.url();
    await page.getByLabel('电子邮件', { exact: true }).check();
    await page.getByLabel('电子邮件地址或手机号码').fill(emailAddress);
    await page.getByRole('button', { name: '订阅' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/subscribe/check-inbox');
    expect(await page.locator('h1').textContent()).toBe('请查收确认邮件');

    const confirmation = await sent(emailAddress, 'confirmation');
    const link = linkIn(confirmation.body, /https?:\/\/\S+\/confirm\?token=[\w.-]+/);
    visited.confirm = link;
    // A mail scanner opens the link, twice: nothing is confirmed.
    for (let i = 0; i < 2; i++) {
      const scanned = await fetch(link);
      expect(scanned.status).toBe(200);
      const html = await scanned.text();
      expect(html).toContain('method="post"');
      expect(html).not.toContain('订阅已确认');
    }
    await page.goto(link);
    await page.getByRole('button', { name: /确认订阅/ }).click();
    await expect.poll(() => page.locator('h1').first().textContent()).toContain('订阅已确认');
    // The confirmed page leads on to managing the subscription.
    expect(await page.getByRole('link', { name: '管理订阅' }).first().getAttribute('href')).toMatch(
      /\/manage\?token=/,
    );
    await page.close();
  });

  it('subscribes by SMS: the code from the SMS typed in the page confirms it', async () => {
    const page = await newPage();
    await page.goto(`${base}/subscribe?lang=en`);
    await page.getByLabel('SMS', { exact: true }).check();
    await page.getByLabel('Email address or mobile number', { exact: false }).fill(phone);
    await page.getByLabel('Fire prevention and law enforcement').check();
    await page.getByLabel('All topics').uncheck();
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await expect.poll(() => page.url()).toMatch(/\/subscriptions\/[0-9a-z]+\/verify\?lang=en$/);
    visited.code = page.url();
    const sms = await sent(phone, 'verification_code');
    const code = /\d{6}/.exec(sms.body)?.[0] ?? '';
    // A wrong code first: the page says so and how many tries are left.
    await page.getByLabel('Code').fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => page.locator('#code-error').textContent()).toMatch(/wrong; 4 tries left/);
    expect(await page.locator('[role=alert]').textContent()).toMatch(/1 field/);
    visited.codeWrong = page.url();
    await page.getByLabel('Code').fill(code);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => page.url()).toMatch(/\/manage\?token=.*done=confirmed/);
    expect(await page.getByRole('status').textContent()).toContain('confirmed');
    await page.close();
  });

  it('a correction reaches both subscribers, with manage and unsubscribe links beside it', async () => {
    // A third subscriber, confirmed through the API, to leave later by one-click.
    const requested = await call('POST', '/subscriptions', {
      body: { channel: 'email', address: oneClickAddress, topics: ['fire-prevention'] },
    });
    expect(requested.status, requested.text).toBe(202);
    const confirmLink = new URL(
      linkIn((await sent(oneClickAddress, 'confirmation')).body, /https?:\/\/\S+\/confirm\?token=[\w.-]+/),
    );
    const token = confirmLink.searchParams.get('token');
    expect((await call('POST', confirmLink.pathname, { body: { token } })).status).toBe(200);

    correctionId = await publishViaApi(call, tokens, { url: longArticle });
    visited.permalink = `${base}/c/${correctionId}`;
    const email = await sent(emailAddress, 'correction');
    expect(email.correctionId).toBe(correctionId);
    expect(email.body).toMatch(/\/manage\?token=/);
    expect(email.body).toMatch(/\/unsubscribe-page\?token=/);
    expect(email.headers?.['List-Unsubscribe-Post'] ?? email.headers?.['list-unsubscribe-post']).toBe(
      'List-Unsubscribe=One-Click',
    );
    const sms = await sent(phone, 'correction');
    expect(sms.body).toContain(`/c/${correctionId}`);
  });

  it('manages the subscription from the link in the email: topics, followed pages, frequency, language', async () => {
    const email = await sent(emailAddress, 'correction');
    const link = linkIn(email.body, /https?:\/\/\S+\/manage\?token=[\w.-]+/);
    visited.manage = link;
    const page = await newPage();
    await page.goto(link);
    expect(await page.locator('h1').textContent()).toBe('管理订阅');
    await page.getByLabel('全部主题').uncheck();
    await page.getByLabel('防火监督与执法').check();
    await page.getByLabel('关注的文章（网址）').fill(`${longArticle}\nhttps://news.example.org/other`);
    await page.getByLabel('每周汇总一次').check();
    await page.getByLabel('English').check();
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.url()).toMatch(/done=saved/);
    // What the page shows now is what was stored: read again from a fresh load.
    // The subscriber now reads English, and so does the page.
    await page.goto(link);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByLabel('All topics').isChecked()).toBe(false);
    expect(await page.getByLabel('Fire prevention and law enforcement').isChecked()).toBe(true);
    expect(await page.getByLabel('One summary a week').isChecked()).toBe(true);
    expect(await page.getByLabel('English').isChecked()).toBe(true);
    const follows = page.getByLabel('Articles you follow (their addresses)');
    expect(await follows.inputValue()).toBe(`${longArticle}\nhttps://news.example.org/other`);
    // A bad followed page: the form again, with the message beside it, and nothing changed.
    await follows.fill('not a web address');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('[role=alert]').count()).toBe(1);
    expect(await page.locator('#follows-error').textContent()).toContain('http://');
    await page.close();
  });

  it('unsubscribes: opening the link changes nothing, the page’s button does; one-click POST works too', async () => {
    const email = await sent(emailAddress, 'correction');
    const link = linkIn(email.body, /https?:\/\/\S+\/unsubscribe-page\?token=[\w.-]+/);
    visited.unsubscribe = link;
    const manage = linkIn(email.body, /https?:\/\/\S+\/manage\?token=[\w.-]+/);
    for (let i = 0; i < 2; i++) expect((await fetch(link)).status).toBe(200);
    expect(await (await fetch(manage)).text()).toContain('name="topics"');

    const page = await newPage();
    await page.goto(link);
    await page.getByRole('button', { name: /Unsubscribe/ }).click();
    await expect.poll(() => page.locator('h1').first().textContent()).toMatch(/Unsubscribed|已退订/);
    // The manage page now says there is nothing to change.
    expect(await (await fetch(manage)).text()).not.toContain('name="topics"');
    await page.close();

    // Another leaves with the mail client's one-click POST to the List-Unsubscribe address.
    const other = await sent(oneClickAddress, 'correction');
    const oneClick = other.headers?.['List-Unsubscribe']?.match(/^<(https?:[^>]+)>$/)?.[1] ?? '';
    expect(oneClick).toMatch(/\/unsubscribe\?token=/);
    const left = await fetch(oneClick, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(left.status).toBe(200);
    const otherManage = linkIn(other.body, /https?:\/\/\S+\/manage\?token=[\w.-]+/);
    expect(await (await fetch(otherManage)).text()).not.toContain('name="topics"');
  });

  it('reports an error from an article’s link, prefilled, and lands on a tracking page to bookmark', async () => {
    const page = await newPage();
    await page.goto(`${base}/c/${correctionId}`);
    await page
      .getByRole('link', { name: /报告此文章中的错误/ })
      .first()
      .click();
    expect(new URL(page.url()).searchParams.get('url')).toBe(longArticle);
    visited.report = page.url();
    expect(await page.getByLabel(/有问题的网页地址/).inputValue()).toBe(longArticle);
    await page.getByLabel('哪里有误或不清楚？').fill('第三段的日期应为11月2日，不是11月3日。');
    const reporter = `reporter-${randomDigits(6)}@example.org`;
    await page.getByLabel('电子邮件', { exact: true }).fill(reporter);
    await page.getByRole('button', { name: '提交报告' }).click();
    await expect.poll(() => page.url()).toMatch(/\/submissions\/[^/?]+\?token=/);
    const tracking = page.url();
    visited.tracking = tracking;
    expect(await page.locator('h1').textContent()).toBe('您的报告');
    expect(await page.locator('dl.status dd').first().textContent()).toBe('已收到，等待审核');
    // Bookmarkable: the same address opens the same page later, in a new browser session.
    const later = await browser.newContext();
    const again = await watch(await later.newPage());
    const answer = await again.goto(tracking);
    expect(answer?.status()).toBe(200);
    expect(await again.locator('h1').textContent()).toBe('您的报告');
    await later.close();
    // API clients still get JSON from the same address.
    const json = await fetch(tracking, { headers: { accept: 'application/json' } });
    expect(json.headers.get('content-type')).toMatch(/json/);
    // An editor closes the case: the reporter is told by email, and the tracking page says so.
    const cases = await call('GET', '/admin/cases?limit=50', { token: tokens.reviewer });
    const opened = cases.json.items.find((c: { text?: string }) => c.text?.includes('11月2日'));
    expect(opened, cases.text).toBeDefined();
    const closed = await call('POST', `/admin/cases/${opened.id}/close`, {
      token: tokens.editor,
      ifMatch: opened.version,
      body: { reason: '经核实，原文日期无误。' },
    });
    expect(closed.status, closed.text).toBe(200);
    const reply = await sent(reporter, 'reply');
    expect(reply.body).toContain('无需更正');
    await page.reload();
    expect(await page.locator('dl.status dd').first().textContent()).toBe('已审核完毕，无需更正');
    await page.close();
  });

  it('with JavaScript off, subscribing and reporting still work', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const page = await newPage(noScript);
    const address = `noscript-${randomDigits(6)}@example.org`;
    // From the article's correction: follow that article alone.
    await page.goto(`${base}/c/${correctionId}?lang=en`);
    await page.getByRole('link', { name: 'Hear of further corrections to this article' }).click();
    expect(await page.getByLabel('All topics').isChecked()).toBe(false);
    expect(await page.getByLabel('Article to follow (its address)').inputValue()).toBe(longArticle);
    // Switching language keeps the article chosen.
    await page.getByRole('link', { name: '中文' }).click();
    expect(await page.getByLabel('关注的文章（网址）').inputValue()).toBe(longArticle);
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByLabel('Email address or mobile number').fill(address);
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/subscribe/check-inbox');
    const link = linkIn((await sent(address, 'confirmation')).body, /https?:\/\/\S+\/confirm\?token=[\w.-]+/);
    await page.goto(link);
    await page.getByRole('button', { name: /Confirm/ }).click();
    await expect.poll(() => page.locator('h1').first().textContent()).toMatch(/confirmed|已确认/);

    await page.goto(`${base}/report?lang=en&url=${encodeURIComponent('https://news.example.org/a')}`);
    await page.getByLabel('What is wrong or unclear?').fill('The date in the second paragraph is wrong.');
    await page.getByRole('button', { name: 'Send the report' }).click();
    await expect.poll(() => page.url()).toMatch(/\/submissions\/[^/?]+\?token=.*lang=en/);
    expect(await page.locator('h1').textContent()).toBe('Your report');
    await noScript.close();
  });

  it('shows the form again with a message beside every bad field, in the page’s language', async () => {
    const page = await newPage();
    await page.goto(`${base}/report`);
    await page.getByLabel(/有问题的网页地址/).fill('ftp://nowhere');
    await page.getByLabel(/佐证链接/).fill('https://ok.example.org\nnot a link');
    await page.getByLabel('电子邮件', { exact: true }).fill('not an address');
    await page.getByLabel('手机号码', { exact: true }).fill('12345');
    const answer = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.getByRole('button', { name: '提交报告' }).click();
    expect((await answer).status()).toBe(400);
    await page.waitForLoadState();
    for (const field of ['url', 'text', 'evidence', 'email', 'phone']) {
      expect(await page.locator(`#${field}`).getAttribute('aria-invalid'), field).toBe('true');
      expect(await page.locator(`#${field}-error`).textContent(), field).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await page.locator('[role=alert]').textContent()).toContain('5 处');
    // What was typed is kept.
    expect(await page.getByLabel('电子邮件', { exact: true }).inputValue()).toBe('not an address');
    visited.reportErrors = page.url();
    await page.close();

    const en = await newPage();
    await en.goto(`${base}/subscribe?lang=en`);
    await en.getByLabel('All topics').uncheck();
    await en.getByLabel('Email address or mobile number').fill('nobody');
    await en.getByRole('button', { name: 'Subscribe' }).click();
    await expect.poll(() => en.locator('[role=alert]').count()).toBe(1);
    expect(await en.locator('#address-error').textContent()).toMatch(/valid email address/);
    expect(await en.locator('#topics-error').textContent()).toMatch(/at least one topic/);
    await en.close();
  });

  it('fits a phone: no horizontal scrolling at 320 and 390 px', async () => {
    const phoneContext = await browser.newContext({ viewport: { width: 320, height: 640 }, isMobile: true });
    const page = await newPage(phoneContext);
    const wide: string[] = [];
    for (const width of [320, 390]) {
      await page.setViewportSize({ width, height: 740 });
      for (const path of [
        '/',
        `/c/${correctionId}`,
        `/c/${correctionId}?lang=en`,
        '/subscribe',
        `/report?url=${encodeURIComponent(longArticle)}`,
        '/report?lang=en',
        ...periodPages,
        // And the pages the flows above reached (confirmation, code, manage, unsubscribe, tracking).
        ...Object.values(visited).map((url) => url.slice(base.length)),
      ]) {
        await page.goto(`${base}${path}`);
        const { scroll, client } = await page.evaluate(() => ({
          scroll: document.scrollingElement?.scrollWidth ?? 0,
          client: document.scrollingElement?.clientWidth ?? 0,
        }));
        if (scroll > client) wide.push(`${path} at ${width}px: ${scroll} > ${client}`);
      }
    }
    expect(wide).toEqual([]);
    await phoneContext.close();
  });

  it('axe-core finds no WCAG 2.1 AA violation on any public page, light or dark', async () => {
    const pages: Record<string, string> = {
      home: `${base}/`,
      permalink: `${base}/c/${correctionId}`,
      subscribe: `${base}/subscribe`,
      report: `${base}/report?url=${encodeURIComponent(longArticle)}`,
      transparency: `${base}/transparency`,
      unknownAddress: `${base}/nowhere?lang=en`,
      day: `${base}${periodPages[0]}`,
      week: `${base}${periodPages[1]}`,
      ...visited,
    };
    // The code page sent back with a wrong code is one more form with errors, like the report's.
    delete pages.codeWrong;
    // A confirmation page still waiting for its button (the flows above pressed theirs).
    const pending = `pending-${randomDigits(6)}@example.org`;
    await call('POST', '/subscriptions', {
      body: { channel: 'email', address: pending, topics: ['personnel'] },
    });
    pages.confirm = linkIn(
      (await sent(pending, 'confirmation')).body,
      /https?:\/\/\S+\/confirm\?token=[\w.-]+/,
    );
    const found: string[] = [];
    const page = await newPage();
    for (const [name, url] of Object.entries(pages)) {
      if (name === 'reportErrors') {
        // The form with errors is the answer to a POST: post it again from the page.
        await page.goto(`${base}/report`);
        await page.getByLabel('电子邮件', { exact: true }).fill('not an address');
        await page.getByRole('button', { name: '提交报告' }).click();
        await page.locator('[role=alert]').waitFor();
      } else {
        await page.goto(url);
      }
      // Every rule in light; in dark only colours change, so only the contrast rule runs again.
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        // Only violations are wanted: axe then skips the details of everything that passed.
        const axe = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
        const results = await (colorScheme === 'dark'
          ? axe.withRules(['color-contrast'])
          : axe.withTags(wcag)
        ).analyze();
        for (const violation of results.violations) {
          found.push(
            `${colorScheme} ${name}: ${violation.id} (${violation.nodes.map((n) => n.target.join(' ')).join(', ')})`,
          );
        }
      }
    }
    await page.close();
    expect(found).toEqual([]);
  }, 180_000);

  /** A page's form posted as a browser without JavaScript would: its own token, the fields, no redirect followed. */
  async function postForm(path: string, fields: Record<string, string | string[]>, headers = {}) {
    const form = await (await fetch(`${base}${path}`)).text();
    const token = /name="formToken" value="([^"]+)"/.exec(form)?.[1] ?? '';
    const body = new URLSearchParams({ formToken: token });
    for (const [name, value] of Object.entries(fields))
      for (const one of [value].flat()) body.append(name, one);
    const answer = await fetch(`${base}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body,
    });
    return { status: answer.status, headers: answer.headers, html: await answer.text() };
  }

  it('HEAD answers wherever GET does, pages and feeds alike, with GET’s status and headers and no body', async () => {
    const paths = [
      ...Object.values(visited).map((url) => url.slice(base.length)),
      '/',
      '/?lang=en',
      `/c/${correctionId}`,
      '/c/nothing',
      '/subscribe',
      '/subscribe/check-inbox',
      `/report?url=${encodeURIComponent(longArticle)}`,
      '/transparency',
      ...periodPages,
      '/corrections/feed.atom',
      '/corrections/feed.json',
      '/corrections',
      '/topics',
      '/favicon.svg',
      '/favicon.ico',
    ];
    const differ: string[] = [];
    for (const path of paths) {
      const get = await fetch(`${base}${path}`);
      await get.arrayBuffer();
      const head = await fetch(`${base}${path}`, { method: 'HEAD' });
      const body = await head.text();
      if (head.status !== get.status || head.headers.get('content-type') !== get.headers.get('content-type'))
        differ.push(`${path}: HEAD ${head.status} ${head.headers.get('content-type')}, GET ${get.status}`);
      if (body !== '') differ.push(`${path}: HEAD has a body`);
    }
    expect(differ).toEqual([]);
  });

  it('every page names the publisher and links to the icon, subscribing and reporting', async () => {
    const icon = await fetch(`${base}/favicon.svg`);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(await icon.text()).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const pages = {
      ...visited,
      home: `${base}/`,
      homeEn: `${base}/?lang=en`,
      permalink: `${base}/c/${correctionId}`,
      permalinkEn: `${base}/c/${correctionId}?lang=en`,
      subscribe: `${base}/subscribe`,
      report: `${base}/report`,
      transparency: `${base}/transparency`,
      checkInbox: `${base}/subscribe/check-inbox`,
      notFound: `${base}/c/nothing`,
      day: `${base}${periodPages[0]}`,
      week: `${base}${periodPages[1]}`,
    };
    const missing: string[] = [];
    for (const [name, url] of Object.entries(pages)) {
      const html = await (await fetch(url, { headers: { accept: 'text/html' } })).text();
      const language = /<html lang="([^"]+)"/.exec(html)?.[1] === 'en' ? 'en' : 'zh-CN';
      const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
      const header = /<header>([\s\S]*?)<\/header>/.exec(html)?.[1] ?? '';
      if (!title.endsWith(`· ${publisher[language]}`)) missing.push(`${name}: title "${title}"`);
      if (!header.includes(publisher[language])) missing.push(`${name}: publisher in the header`);
      if (!/<link rel="icon" [^>]*href="[^"]*\/favicon\.svg"/.test(html)) missing.push(`${name}: icon`);
      if (!/<a href="[^"]*\/subscribe(\?[^"]*)?"/.test(header)) missing.push(`${name}: subscribe link`);
      if (!/<a href="[^"]*\/report(\?[^"]*)?"/.test(header)) missing.push(`${name}: report link`);
    }
    expect(missing).toEqual([]);
    // The permalink's structured data names the publisher too.
    const permalink = await (await fetch(`${base}/c/${correctionId}`)).text();
    const data = JSON.parse(
      /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(permalink)?.[1] ?? '{}',
    );
    expect(data.publisher?.name).toBe(publisher['zh-CN']);
    // The subscribe page offers the feeds for readers who would rather not give an address.
    const subscribe = await (await fetch(`${base}/subscribe`)).text();
    const main = /<main>([\s\S]*?)<\/main>/.exec(subscribe)?.[1] ?? '';
    expect(main).toContain('/corrections/feed.atom');
    expect(main).toContain('/corrections/feed.json');
    for (const feed of ['/corrections/feed.atom', '/corrections/feed.json'])
      expect((await fetch(`${base}${feed}`)).status).toBe(200);
    // A mistyped address: a browser gets a page with the way on, an API client problem+json.
    const typo = await fetch(`${base}/subscribe/now`, { headers: { accept: 'text/html' } });
    expect(typo.status).toBe(404);
    expect(await typo.text()).toContain(`· ${publisher['zh-CN']}</title>`);
    const api = await fetch(`${base}/subscribe/now`, { headers: { accept: 'application/json' } });
    expect(api.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('form POSTs answer 303 onward, or 400 with the form again naming every bad field in the page’s language', async () => {
    const good = await postForm('/subscribe?lang=en', {
      channel: 'email',
      address: `form-${randomDigits(6)}@example.org`,
      topics: 'fire-prevention',
      frequency: 'daily',
      language: 'en',
    });
    expect(good.status).toBe(303);
    expect(good.headers.get('location')).toBe('/subscribe/check-inbox?lang=en');

    const bad = {
      channel: 'fax',
      address: 'x',
      topics: 'no-such-topic',
      follows: 'not a link',
      frequency: 'hourly',
      language: 'fr',
    };
    for (const [language, path] of [
      ['en', '/subscribe?lang=en'],
      ['zh-CN', '/subscribe'],
    ] as const) {
      const answer = await postForm(path, bad);
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
      expect(answer.html).toContain(`<html lang="${language}">`);
      for (const field of Object.keys(bad)) {
        const message = new RegExp(`id="${field}-error">([^<]+)<`).exec(answer.html)?.[1];
        expect(message, `${language} ${field}`).toBe(pageWords(language).fields[field as FormField]);
      }
      // What was typed comes back, escaped.
      expect(answer.html).toContain('value="x"');
    }
    const report = await postForm('/report?lang=en', {
      url: 'javascript:alert(1)',
      text: '',
      topic: 'nope',
      evidence: 'https://ok.example.org\nftp://no',
      language: 'fr',
      email: 'nobody',
      phone: '123',
    });
    expect(report.status).toBe(400);
    for (const field of ['url', 'text', 'topic', 'evidence', 'language', 'email', 'phone'] as const)
      expect(report.html, field).toContain(`id="${field}-error">${pageWords('en').fields[field]}<`);

    // Without the page's token, or posted from another site: refused, and the form comes back.
    const tokenless = await fetch(`${base}/report`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ text: 'no token' }),
    });
    expect(tokenless.status).toBe(400);
    expect(await tokenless.text()).toContain('name="formToken"');
    const forged = await postForm('/report', { text: 'forged' }, { origin: 'https://evil.example' });
    expect(forged.status).toBe(400);
  });

  it('the abuse limits apply to the page’s POSTs: past the per-address cap, 429 with the form, and nothing sent', async () => {
    const address = `capped-${randomDigits(6)}@example.org`;
    const statuses: number[] = [];
    let refused = '';
    for (let i = 0; i <= perAddressPerHour; i++) {
      const answer = await postForm('/subscribe?lang=en', { channel: 'email', address, topics: 'personnel' });
      statuses.push(answer.status);
      if (answer.status === 429) {
        refused = answer.html;
        expect(answer.headers.get('retry-after')).toBeTruthy();
      }
    }
    expect(statuses).toEqual([...Array(perAddressPerHour).fill(303), 429]);
    expect(refused).toContain('Too many requests');
    expect(refused).toContain(`value="${address}"`);
    const confirmations = (await stack.outbox.read(address)).filter((m) => m.kind === 'confirmation');
    expect(confirmations.length).toBeLessThanOrEqual(perAddressPerHour);
    // Numbers outside the allowed countries get nothing from the page either.
    const foreign = await postForm('/subscribe?lang=en', {
      channel: 'sms',
      address: '+447911123456',
      topics: 'personnel',
    });
    expect(foreign.status).toBe(400);
    expect(foreign.html).toContain('id="address-error">We send SMS only to mobile numbers in China.');
    expect(await stack.outbox.read('+447911123456')).toEqual([]);
  });

  it('the browser met no error on any page', () => {
    expect(pageProblems).toEqual([]);
  });
});
