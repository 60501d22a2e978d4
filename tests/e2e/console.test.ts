/**
 * The editors' console in a real browser, against the whole local stack: a reviewer takes a case made
 * through the API from assignment to submission (the SMS counter and a refused SMS on the way); the
 * author cannot approve it; an editor sees who it would reach, is told when the case changed under
 * them, approves it, and watches it become published. Headless Chromium, driven by playwright-core.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../local/stack.ts';
import type { Case } from '../../shared/domain/case.ts';
import { composeSms, smsUnits } from '../../shared/domain/sms.ts';
import { longestPermalink } from '../../shared/http/schemas.ts';

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
if (!hasChromium) {
  console.warn(
    `SKIPPED tests/e2e/console.test.ts: no Chromium binary at ${chromiumPath}. Install Chromium or set CHROMIUM_PATH.`,
  );
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

const topic = 'firefighting-rescue';

describe.skipIf(!hasChromium)('the editors’ console in Chromium', () => {
  let stack: LocalStack;
  let browser: BrowserContext;
  let userDataDir: string;
  let page: Page;
  let admin: string;
  /** Content-Security-Policy and Trusted Types violations, and uncaught errors, as the page reports them. */
  const pageProblems: string[] = [];

  const api = async <T>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; ifMatch?: number } = {},
  ): Promise<T> => {
    const response = await fetch(`${stack.url}${path}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.ifMatch === undefined ? {} : { 'if-match': `"${options.ifMatch}"` }),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };

  beforeAll(async () => {
    stack = await startLocalStack({ port: 0, log: () => {} });
    admin = await stack.issueToken({ sub: 'admin-chen', groups: ['admin'] });
    await api('PUT', `/admin/topics/${topic}`, {
      token: admin,
      body: { names: { 'zh-CN': '灭火与应急救援', en: 'Firefighting and rescue' }, desk: 'command-centre' },
    });
    // One confirmed email subscriber of the topic, for the audience preview to count.
    const address = 'follower@example.org';
    await api('POST', '/subscriptions', { body: { channel: 'email', address, topics: [topic] } });
    const confirmation = (await stack.outbox.read(address)).find(
      (message) => message.kind === 'confirmation',
    );
    const link = confirmation?.body.match(/https?:\/\/\S+\/confirm\?token=\S+/)?.[0];
    if (!link) throw new Error('no confirmation link in the outbox');
    await fetch(link);

    userDataDir = await mkdtemp(join(tmpdir(), 'console-chromium-'));
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      args: launchArgs,
      viewport: { width: 1280, height: 900 },
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageProblems.push(error.message));
    page.on('console', (message) => {
      if (/Content Security Policy|Trusted Type/i.test(message.text())) pageProblems.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
    await stack?.stop();
  });

  const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  async function signIn(identity: RegExp | { sub: string; groups: string[] }): Promise<void> {
    await heading('Sign in to the corrections desk').waitFor();
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

  async function signOut(): Promise<void> {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await heading('Sign in to the corrections desk').waitFor();
  }

  const notice = (text: string) => page.locator('.notice', { hasText: text }).waitFor();
  const status = (text: string) => page.locator('.case-line .badge', { hasText: text }).first().waitFor();
  const meter = () => page.locator('.sms-meter p').first();

  it('takes a case from the queue to publication, with two people and the rules on the way', async () => {
    const editorToken = await stack.issueToken({ sub: 'editor-wang', groups: ['editor'] });
    const opened = await api<Case>('POST', '/admin/cases', {
      token: editorToken,
      body: {
        text: '通报称仓库火灾造成3人受伤，实际为1人轻伤。',
        url: 'https://119.example.gov.cn/news/warehouse-fire.html',
        topic,
        source: 'monitoring',
        severity: 'normal',
      },
    });

    const response = await page.goto(`${stack.url}/console`);
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toMatch(/script-src 'sha256-[^']+'/);
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("require-trusted-types-for 'script'");

    // Chinese first; the switch turns the whole console to English.
    await heading('登录更正工作台').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await signIn(/reviewer-li/);
    await heading('Queue').waitFor();
    await page.getByText('Signed in as 李审核 · reviewer-li (reviewer)').waitFor();

    await page.getByRole('link', { name: opened.id }).click();
    await heading(`Case ${opened.id}`).waitFor();
    await status('Received');

    // Assign: to yourself unless you say otherwise.
    expect(await page.getByLabel('Assignee', { exact: true }).inputValue()).toBe('reviewer-li');
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await notice('Assigned.');
    await status('In review');

    await page.getByLabel('Verdict', { exact: true }).selectOption('correction');
    await page.getByLabel('Findings').fill('指挥中心核实：受伤1人。');
    await page.getByRole('button', { name: 'Record verdict' }).click();
    await notice('Verdict recorded.');
    await status('Drafting');

    // The draft, with the SMS counted as it is typed, by the domain's own rules.
    await page.getByLabel('Type', { exact: true }).selectOption('correction');
    await page.getByLabel('Headline').fill('关于仓库火灾受伤人数的更正');
    await page.getByLabel('Body').fill('通报称3人受伤。经核实，实际受伤1人。特此更正。');
    await page.getByText('No SMS text: it will be made from the headline:').waitFor();
    const link = longestPermalink(stack.url);
    const gsm = 'Correction: 1 person was hurt in the warehouse fire, not 3.';
    await page.getByLabel('SMS text (optional)').fill(gsm);
    expect(await meter().textContent()).toBe(
      `SMS with link: ${smsUnits(composeSms(gsm, link))} / 160 GSM-7 characters, 1 segment`,
    );
    const tooLong =
      '更正：仓库火灾受伤人数为1人，而非3人。伤者已于当日出院，通报已更新。详情请见本局官方网站相关页面。';
    await page.getByLabel('SMS text (optional)').fill(tooLong);
    expect(await meter().getAttribute('data-sms-segments')).toBe('2');
    expect(await meter().textContent()).toContain('UCS-2');
    await page.getByText('Longer than one SMS').waitFor();

    // The API refuses it too, and its problem's field error shows beside the field.
    await page.getByRole('button', { name: 'Save draft' }).click();
    const smsField = page.getByLabel('SMS text (optional)');
    await page.locator('.field-error', { hasText: 'must fit one SMS segment' }).waitFor();
    expect(await smsField.getAttribute('aria-invalid')).toBe('true');

    const fitting = '更正：仓库火灾受伤1人，非3人。';
    await smsField.fill(fitting);
    expect(await meter().getAttribute('data-sms-segments')).toBe('1');
    expect(await meter().textContent()).toBe(
      `SMS with link: ${smsUnits(composeSms(fitting, link))} / 70 UCS-2 characters, 1 segment`,
    );
    await page.getByRole('button', { name: 'Save draft' }).click();
    await notice('Draft saved.');

    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await notice('Submitted for approval.');
    await status('Awaiting approval');
    expect(await page.getByRole('button', { name: 'Approve', exact: true }).count()).toBe(0);
    await signOut();

    // The two-person rule: whoever wrote the draft cannot approve it, even with the editor group.
    await signIn({ sub: 'reviewer-li', groups: ['editor'] });
    await page.goto(`${stack.url}/console#/cases/${opened.id}`);
    await page.getByText('You wrote this draft').waitFor();
    await page.getByText('Publication would reach').waitFor();
    expect(await page.getByRole('button', { name: 'Approve', exact: true }).isDisabled()).toBe(true);
    await signOut();

    await signIn(/editor-wang/);
    await page.goto(`${stack.url}/console#/cases/${opened.id}`);
    await heading(`Case ${opened.id}`).waitFor();
    await page.getByText('1 email subscribers, 0 SMS subscribers, 0 reporters').waitFor();
    await page.getByText('SMS of 1 segment').waitFor();

    // Someone else changes the case meanwhile: the approval is refused (412) and the case reloaded.
    const before = await api<Case>('GET', `/admin/cases/${opened.id}`, { token: admin });
    await api('PATCH', `/admin/cases/${opened.id}`, {
      token: admin,
      ifMatch: before.version,
      body: { severity: 'high' },
    });
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Someone changed this case' }).waitFor();
    await page.locator('.case-line .badge', { hasText: 'High' }).waitFor();

    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await notice('Approved; publication follows within seconds.');
    // The stream poller publishes; the open case notices by itself.
    await status('Published');
    const published = await api<Case>('GET', `/admin/cases/${opened.id}`, { token: admin });
    expect(published.status).toBe('published');
    expect(published.approval?.approver).toBe('editor-wang');
    await page
      .getByRole('link', { name: published.correctionId ?? '' })
      .first()
      .waitFor();

    expect(pageProblems).toEqual([]);
  }, 180_000);
});
