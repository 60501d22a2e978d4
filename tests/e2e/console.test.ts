/**
 * The editors' console in a real browser, against the whole local stack. A reviewer takes a case made
 * through the API from assignment to submission (the SMS counter and a refused SMS on the way); the
 * author cannot approve it; an editor sees who it would reach, is told when the case changed under
 * them, approves it, and watches it become published. Then the queue's filters, paging and overdue
 * marks, a new case and the digest; and signing in through a stand-in for Cognito's hosted UI.
 * Headless Chromium, driven by playwright-core.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/stack.ts';
import { consoleContentSecurityPolicy, consolePage } from '../../shared/console/page.ts';
import type { ConsoleSettings } from '../../shared/console/settings.ts';
import { longestPermalink } from '../../shared/domain/correction.ts';
import { composeSms, smsUnits } from '../../shared/domain/sms.ts';
import { env } from '../../shared/runtime/config.ts';
import {
  hasChromium,
  heading,
  launchConsoleBrowser,
  newConsolePage,
  notice,
  signIn,
  warnIfNoChromium,
} from '../support/console-browser.ts';
import { type Call, eventually, runningDesk, type Tokens } from '../support/http.ts';

warnIfNoChromium('tests/e2e/console.test.ts');

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://localhost:${(server.address() as AddressInfo).port}`;
};
/** Closes a server now: the browser's idle keep-alive connections would otherwise hold it open. */
const close = (server: Server | undefined) =>
  new Promise<void>((resolve) => {
    if (!server) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
const bodyOf = async (request: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

describe.skipIf(!hasChromium)('the editors’ console in Chromium', () => {
  let stack: LocalStack;
  let call: Call;
  let tokens: Tokens;
  let browser: BrowserContext;
  let closeBrowser: (() => Promise<void>) | undefined;
  const dueMinutesBefore = process.env[env.severityDueMinutes];
  const smsFollower = '+8613800138000';
  /** Content-Security-Policy and Trusted Types violations, and uncaught errors, as the pages report them. */
  const pageProblems: string[] = [];

  /** The API's answer, or a failure with what it said. */
  const api = async (...args: Parameters<Call>) => {
    const reply = await call(...args);
    if (reply.status >= 300) throw new Error(`${args[0]} ${args[1]}: ${reply.status} ${reply.text}`);
    return reply.json;
  };

  beforeAll(async () => {
    // Critical cases fall due within a second, so the queue and digest have an overdue one to show.
    process.env[env.severityDueMinutes] = 'critical=0.01';
    ({ stack, call, tokens } = await runningDesk());
    // One confirmed email subscriber of a topic, for the audience preview to count.
    const address = 'follower@example.org';
    await api('POST', '/subscriptions', {
      body: { channel: 'email', address, topics: ['firefighting-rescue'] },
    });
    // The email sender sends it from the send queue.
    const confirmation = await eventually(async () =>
      (await stack.outbox.read(address)).find((message) => message.kind === 'confirmation'),
    );
    const link = confirmation?.body.match(/https?:\/\/\S+\/confirm\?token=\S+/)?.[0];
    if (!link) throw new Error('no confirmation link in the outbox');
    const page = await fetch(link);
    const token = new URL(link).searchParams.get('token');
    // The confirmation GET only shows a button (contract 1.1); its POST confirms.
    if (page.ok) await call('POST', new URL(link).pathname, { body: { token } });
    // And one SMS subscriber who reads English: the approval panel shows both languages.
    const sms = await api('POST', '/subscriptions', {
      body: { channel: 'sms', address: smsFollower, topics: ['firefighting-rescue'], language: 'en' },
    });
    const code = (await eventually(async () => (await stack.outbox.read(smsFollower)).at(-1))).body.match(
      /\d{6}/,
    )?.[0];
    await api('POST', `/subscriptions/${sms.id}/verify`, { body: { code } });

    ({ browser, close: closeBrowser } = await launchConsoleBrowser());
  });

  afterAll(async () => {
    await closeBrowser?.();
    await stack?.stop();
    if (dueMinutesBefore === undefined) delete process.env[env.severityDueMinutes];
    else process.env[env.severityDueMinutes] = dueMinutesBefore;
  });

  /** A new tab (its own sessionStorage, so signed out), reporting its problems; English unless asked not to. */
  const newPage = (language: 'en' | 'default' = 'en'): Promise<Page> =>
    newConsolePage(browser, pageProblems, language);

  const status = (page: Page, text: string) =>
    page.locator('.case-line .badge', { hasText: text }).first().waitFor();

  async function signOut(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await heading(page, 'Sign in to the corrections desk').waitFor();
  }

  it('takes a case from the queue to publication, with two people and the rules on the way', async () => {
    const page = await newPage('default');
    const opened = await api('POST', '/admin/cases', {
      token: tokens.editor,
      body: {
        text: '通报称仓库火灾造成3人受伤，实际为1人轻伤。',
        url: 'https://119.example.gov.cn/news/warehouse-fire.html',
        topic: 'firefighting-rescue',
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
    await heading(page, '登录更正工作台').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await signIn(page, /reviewer-li/);
    await heading(page, 'Queue').waitFor();
    await page.getByText('Signed in as 李审核 · reviewer-li (reviewer)').waitFor();

    await page.getByRole('link', { name: opened.id }).click();
    await heading(page, `Case ${opened.id}`).waitFor();
    await status(page, 'Received');

    // Assign: to yourself unless you say otherwise.
    expect(await page.getByLabel('Assignee', { exact: true }).inputValue()).toBe('reviewer-li');
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await notice(page, 'Assigned.');
    await status(page, 'In review');

    await page.getByLabel('Verdict', { exact: true }).selectOption('correction');
    await page.getByLabel('Findings').fill('指挥中心核实：受伤1人。');
    await page.getByRole('button', { name: 'Record verdict' }).click();
    await notice(page, 'Verdict recorded.');
    await status(page, 'Drafting');

    // The draft, with the SMS counted as it is typed, by the domain's own rules.
    const meter = page.locator('.sms-meter p').first();
    const smsField = page.getByLabel('SMS text (optional)');
    await page.getByLabel('Type', { exact: true }).selectOption('correction');
    await page.getByLabel('Headline').fill('关于仓库火灾受伤人数的更正');
    await page.getByLabel('Body').fill('通报称3人受伤。经核实，实际受伤1人。特此更正。');
    await page.getByText('No SMS text: it will be made from the headline:').waitFor();
    const link = longestPermalink(stack.url);
    const gsm = 'Correction: 1 person was hurt in the warehouse fire, not 3.';
    await smsField.fill(gsm);
    expect(await meter.textContent()).toBe(
      `SMS with link: ${smsUnits(composeSms(gsm, link))} / 160 GSM-7 characters, 1 segment`,
    );
    await smsField.fill(
      '更正：仓库火灾受伤人数为1人，而非3人。伤者已于当日出院，通报已更新。详情请见本局官方网站相关页面。',
    );
    expect(await meter.getAttribute('data-sms-segments')).toBe('2');
    expect(await meter.textContent()).toContain('UCS-2');
    await page.getByText('Longer than one SMS').waitFor();

    // The API refuses it too, and its problem's field error shows beside the field.
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.locator('.field-error', { hasText: 'must fit one SMS segment' }).waitFor();
    expect(await smsField.getAttribute('aria-invalid')).toBe('true');

    const fitting = '更正：仓库火灾受伤1人，非3人。';
    await smsField.fill(fitting);
    expect(await meter.getAttribute('data-sms-segments')).toBe('1');
    expect(await meter.textContent()).toBe(
      `SMS with link: ${smsUnits(composeSms(fitting, link))} / 70 UCS-2 characters, 1 segment`,
    );
    await page.getByRole('button', { name: 'Save draft' }).click();
    await notice(page, 'Draft saved.');

    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await notice(page, 'Submitted for approval.');
    await status(page, 'Awaiting approval');
    expect(await page.getByRole('button', { name: 'Approve', exact: true }).count()).toBe(0);
    await signOut(page);

    // The two-person rule: whoever wrote the draft cannot approve it, even with the editor group.
    await signIn(page, { sub: 'reviewer-li', groups: ['editor'] });
    await page.getByText('You wrote this draft').waitFor();
    await page.getByText('Publication would reach').waitFor();
    expect(await page.getByRole('button', { name: 'Approve', exact: true }).isDisabled()).toBe(true);
    await signOut(page);

    await signIn(page, /editor-wang/);
    await heading(page, `Case ${opened.id}`).waitFor();
    await page.getByText('1 email subscribers, 1 SMS subscribers, 0 reporters').waitFor();
    await page.getByText('SMS of 1 segment').waitFor();

    // What will be sent, as it will be sent: the email for the Chinese reader, the SMS for the English one.
    const chinese = page.locator('.message[data-language="zh-CN"]');
    const english = page.locator('.message[data-language="en"]');
    await chinese.getByText('Subscribers reading Chinese: 1 by email, 0 by SMS').waitFor();
    await english.getByText('Subscribers reading English: 0 by email, 1 by SMS').waitFor();
    const previewedSubject = await chinese.locator('.email-subject').textContent();
    const previewedEmail = await chinese.locator('.email-body').textContent();
    const previewedSms = await english.locator('.sms-text').textContent();
    expect(previewedSubject).toBe('[更正] 关于仓库火灾受伤人数的更正');
    expect(previewedEmail).toContain('/c/xxxxxxxxxx');
    expect(previewedSms).toBe(composeSms(fitting, `${stack.url}/c/xxxxxxxxxx`));
    await page.getByText('Each subscriber gets their own unsubscribe link').waitFor();
    // Publishing looks unlike the other actions.
    expect(await page.getByRole('button', { name: 'Approve', exact: true }).getAttribute('class')).toBe(
      'publish',
    );

    /** Approving asks first, naming who will be told; only the dialog's button goes ahead. */
    const approveAndConfirm = async () => {
      await page.getByRole('button', { name: 'Approve', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Confirm publication' });
      await dialog.getByText('notifies 1 email subscribers, 1 SMS subscribers and 0 reporters').waitFor();
      await dialog.getByRole('button', { name: 'Approve and publish' }).click();
    };
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    expect((await api('GET', `/admin/cases/${opened.id}`, { token: tokens.admin })).status).toBe(
      'awaiting_approval',
    );

    // Someone else changes the case meanwhile: the approval is refused (412) and the case reloaded.
    const before = await api('GET', `/admin/cases/${opened.id}`, { token: tokens.admin });
    await api('PATCH', `/admin/cases/${opened.id}`, {
      token: tokens.admin,
      ifMatch: before.version,
      body: { severity: 'high' },
    });
    await approveAndConfirm();
    await page.getByRole('alert').filter({ hasText: 'Someone changed this case' }).waitFor();
    await page.locator('.case-line .badge', { hasText: 'High' }).waitFor();
    // The reloaded case counts its audience again; a dialog opened before the count arrives names none.
    await page.getByText('1 email subscribers, 1 SMS subscribers, 0 reporters').waitFor();

    await approveAndConfirm();
    await notice(page, 'Approved; publication follows within seconds.');
    // The stream poller publishes; the open case notices by itself.
    await status(page, 'Published');
    const published = await api('GET', `/admin/cases/${opened.id}`, { token: tokens.admin });
    expect(published).toMatchObject({ status: 'published', approval: { approver: 'editor-wang' } });
    await page.getByRole('link', { name: published.correctionId }).first().waitFor();
    // What went out is what was shown, but for the correction's id and each reader's own manage and
    // unsubscribe links.
    const sent = await eventually(async () => {
      const email = (await stack.outbox.read('follower@example.org')).find((m) => m.kind === 'correction');
      const sms = (await stack.outbox.read(smsFollower)).find((m) => m.kind === 'correction');
      return email && sms ? { email, sms } : undefined;
    });
    const withId = (text: string | null) => (text ?? '').replaceAll('xxxxxxxxxx', published.correctionId);
    expect(sent.email.subject).toBe(previewedSubject);
    const ownLinks = /https?:\/\/\S+\/(?:unsubscribe-page|manage)\?token=\S+/g;
    const sentLinks = sent.email.body.match(ownLinks) ?? [];
    let next = 0;
    expect(sent.email.body).toBe(withId(previewedEmail).replace(ownLinks, () => sentLinks[next++] ?? ''));
    expect(sent.sms.body).toBe(withId(previewedSms));

    // Amending what was published opens a new case, drafting, with the published wording.
    await page.getByLabel('Note').fill('伤者人数另有更新');
    await page.getByRole('button', { name: 'Open amendment' }).click();
    await heading(page, new RegExp(`^Case (?!${opened.id})`)).waitFor();
    await status(page, 'Drafting');
    expect(await page.getByLabel('Headline').inputValue()).toBe('关于仓库火灾受伤人数的更正');
    await page.getByText(published.correctionId, { exact: true }).first().waitFor();
    await page.close();
    expect(pageProblems).toEqual([]);
  }, 180_000);

  it('keeps unsaved draft text from being lost silently, and reads in Chinese throughout', async () => {
    let c = await api('POST', '/admin/cases', {
      token: tokens.editor,
      body: { text: '通报中的到场时间有误', topic: 'firefighting-rescue', source: 'monitoring' },
    });
    const step = async (method: string, path: string, token: string, body?: unknown) => {
      c = await api(method, `/admin/cases/${c.id}/${path}`, { token, ifMatch: c.version, body });
    };
    await step('POST', 'assign', tokens.reviewer, { assignee: 'reviewer-li' });
    await step('POST', 'review', tokens.reviewer, { verdict: 'correction', findings: '到场时间应为14:05' });
    const draft = { type: 'correction', headline: '关于到场时间的更正', body: '到场时间为14:05。' };
    await step('PUT', 'draft', tokens.reviewer, draft);

    const page = await newPage('default');
    await page.goto(`${stack.url}/console#/cases/${c.id}`);
    await page.getByRole('button', { name: 'English' }).click();
    await signIn(page, /editor-wang/);
    await page.getByRole('button', { name: '中文' }).click();
    await heading(page, `案件 ${c.id}`).waitFor();

    // The history in Chinese, from the entries' data: no action keys, no English notes.
    const timeline = page.locator('ol.timeline');
    for (const text of [
      '立案',
      '来源：监测发现',
      '分派给 reviewer-li',
      '记录审核结论',
      '结论：需要更正',
      '保存草稿',
    ]) {
      await timeline.getByText(text).first().waitFor();
    }
    expect(await timeline.textContent()).not.toMatch(
      /\b(open|assign|review|draft|submit|monitoring|correction|assigned to|source)\b/,
    );

    // Typed, not saved: the form says so, and leaving the case asks first.
    const bodyField = page.getByLabel('正文', { exact: true });
    await bodyField.click();
    await page.keyboard.press('End');
    await page.keyboard.type('消防车于14:05到场。');
    const mine = '到场时间为14:05。消防车于14:05到场。';
    expect(await bodyField.inputValue()).toBe(mine);
    await page.getByText('有未保存的修改', { exact: true }).waitFor();
    await page.getByText('草稿有未保存的修改：提交前会先保存。').waitFor();
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.getByRole('link', { name: '返回队列' }).click();
    await expect.poll(() => asked).toEqual(['confirm: 草稿有未保存的修改，离开将丢失这些修改。确定离开吗？']);
    await heading(page, `案件 ${c.id}`).waitFor();
    expect(await bodyField.inputValue()).toBe(mine);
    const unloading = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.type());
        void dialog.dismiss();
      }),
    );
    await page.close({ runBeforeUnload: true });
    expect(await unloading).toBe('beforeunload');
    expect(page.isClosed()).toBe(false);

    // A server refusal, by its stable code, in Chinese beside the field.
    const smsField = page.getByLabel('短信文字（可选）');
    await smsField.fill('这是一条非常长的短信文字，'.repeat(6));
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.locator('.field-error', { hasText: '加上链接后必须能放进一条短信' }).waitFor();
    await smsField.fill('');

    // Someone else saves meanwhile: 412, and their version shows beside mine, which stays in the form.
    await step('PUT', 'draft', tokens.reviewer, { ...draft, body: '到场时间为14:06。' });
    await page.getByRole('button', { name: '保存草稿' }).click();
    const compare = page.locator('.compare');
    await compare.getByText('在您编辑期间，他人保存了新的草稿').waitFor();
    await compare.locator('.compare-theirs').getByText('到场时间为14:06。').waitFor();
    await compare.locator('.compare-yours').getByText(mine).waitFor();
    expect(await bodyField.inputValue()).toBe(mine);
    await page.getByRole('button', { name: '保存草稿' }).click();
    await notice(page, '草稿已保存。');
    expect((await api('GET', `/admin/cases/${c.id}`, { token: tokens.admin })).draft.body).toBe(mine);

    // Submitting with unsaved text saves it first: what goes for approval is what is on screen.
    await bodyField.fill(`${mine}特此更正。`);
    await page.getByRole('button', { name: '提交审批' }).click();
    await notice(page, '已提交审批。');
    const submitted = await api('GET', `/admin/cases/${c.id}`, { token: tokens.admin });
    expect(submitted).toMatchObject({ status: 'awaiting_approval', draft: { body: `${mine}特此更正。` } });
    expect(submitted.draftAuthors).toEqual(['reviewer-li', 'editor-wang']);
    await timeline.getByText('提交审批').first().waitFor();
    expect(await timeline.textContent()).not.toMatch(/\b(draft|submit)\b/);
    await page.close();
    expect(pageProblems).toEqual([]);
  }, 120_000);

  it('filters and pages the queue, marks what is overdue, opens a case by form and shows the digest', async () => {
    const topic = 'assets-finance';
    const urgent = await api('POST', '/admin/cases', {
      token: tokens.editor,
      body: { text: '装备采购金额有误（紧急）', topic, source: 'monitoring', severity: 'critical' },
    });
    for (let i = 0; i < 21; i++) {
      await api('POST', '/admin/cases', {
        token: tokens.editor,
        body: { text: `预算表第${i + 1}行数字有误`, topic, source: 'staff', severity: 'low' },
      });
    }
    await eventually(async () => Date.parse(urgent.dueAt) < Date.now());

    const page = await newPage();
    await page.goto(`${stack.url}/console`);
    await signIn(page, /admin-chen/);
    await page.getByLabel('Topic', { exact: true }).selectOption(topic);
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.waitForURL(/#\/queue\?topic=assets-finance$/);
    const items = page.locator('.case-item');
    await page.getByRole('button', { name: 'Load more' }).waitFor();
    expect(await items.count()).toBe(20);
    // Soonest due first: the critical case, marked overdue.
    const first = items.first();
    expect(await first.getByRole('link').textContent()).toBe(urgent.id);
    await first.locator('.due.overdue', { hasText: 'Overdue' }).waitFor();
    await page.getByRole('button', { name: 'Load more' }).click();
    await eventually(async () => (await items.count()) === 22);
    expect(await page.getByRole('button', { name: 'Load more' }).isHidden()).toBe(true);

    // A new case: the problem's field errors beside their fields, then the case itself.
    await page.getByRole('link', { name: 'New case' }).click();
    await heading(page, 'Open a case (monitoring or staff)').waitFor();
    await page.getByLabel('What is wrong').fill('内部发现：人事公告日期有误');
    await page.getByLabel('Topic', { exact: true }).selectOption('personnel');
    await page.getByLabel('Source').selectOption('staff');
    await page
      .getByLabel('Evidence links (optional, one per line)')
      .fill('https://example.org/a\nnot a link');
    await page.getByRole('button', { name: 'Open case' }).click();
    await page.locator('.field-error', { hasText: 'Enter an address starting with http or https' }).waitFor();
    await page.getByLabel('Evidence links (optional, one per line)').fill('https://example.org/a');
    await page.getByRole('button', { name: 'Open case' }).click();
    await heading(page, /^Case /).waitFor();
    await status(page, 'Received');
    await page.getByText('Staff', { exact: true }).waitFor();

    await page.getByRole('link', { name: 'Digest' }).click();
    await heading(page, 'Daily digest').waitFor();
    await page.getByRole('heading', { level: 2, name: /Overdue cases/ }).waitFor();
    await page.getByRole('link', { name: urgent.id }).waitFor();
    await page.close();
    expect(pageProblems).toEqual([]);
  }, 120_000);

  describe('signed in through Cognito’s hosted UI (a stand-in for it)', () => {
    const clientId = 'console-client';
    let hostedUi: Server;
    let consoleServer: Server;
    let hostedUiUrl: string;
    const exchanges: Array<Record<string, string>> = [];
    const revoked: string[] = [];

    beforeAll(async () => {
      const grants = new Map<string, { challenge: string; redirectUri: string }>();
      // The hosted UI: signs "editor-zhou" in at once, and answers the token and revocation endpoints.
      hostedUi = createServer(async (request, response: ServerResponse) => {
        const url = new URL(request.url ?? '/', hostedUiUrl);
        const cors = { 'access-control-allow-origin': '*' };
        if (url.pathname === '/oauth2/authorize') {
          const query = Object.fromEntries(url.searchParams);
          const valid =
            query.response_type === 'code' &&
            query.client_id === clientId &&
            query.code_challenge_method === 'S256';
          const code = randomUUID();
          grants.set(code, { challenge: query.code_challenge ?? '', redirectUri: query.redirect_uri ?? '' });
          const back = new URL(query.redirect_uri ?? '');
          back.search = new URLSearchParams(
            valid ? { code, state: query.state ?? '' } : { error: 'invalid_request' },
          ).toString();
          response.writeHead(302, { location: back.href }).end();
        } else if (url.pathname === '/oauth2/token' && request.method === 'POST') {
          const form = Object.fromEntries(new URLSearchParams((await bodyOf(request)).toString()));
          exchanges.push(form);
          const grant = grants.get(form.code ?? '');
          grants.delete(form.code ?? '');
          const verified =
            grant &&
            form.client_id === clientId &&
            form.redirect_uri === grant.redirectUri &&
            createHash('sha256')
              .update(form.code_verifier ?? '')
              .digest('base64url') === grant.challenge;
          if (!verified) {
            response.writeHead(400, { ...cors, 'content-type': 'application/json' });
            response.end(JSON.stringify({ error: 'invalid_grant' }));
            return;
          }
          const idToken = await stack.issueToken({ sub: 'editor-zhou', name: '周编辑', groups: ['editor'] });
          response.writeHead(200, { ...cors, 'content-type': 'application/json' });
          response.end(
            JSON.stringify({
              id_token: idToken,
              access_token: 'access',
              refresh_token: 'refresh-1',
              expires_in: 3600,
              token_type: 'Bearer',
            }),
          );
        } else if (url.pathname === '/oauth2/revoke') {
          revoked.push(new URLSearchParams((await bodyOf(request)).toString()).get('token') ?? '');
          response.writeHead(200, cors).end();
        } else if (url.pathname === '/logout') {
          response.writeHead(302, { location: url.searchParams.get('logout_uri') ?? '/' }).end();
        } else {
          response.writeHead(404).end();
        }
      });
      hostedUiUrl = await listen(hostedUi);

      // The console in Cognito mode on an origin of its own, with the API behind it, as deployed.
      let consoleUrl = '';
      consoleServer = createServer(async (request, response) => {
        const url = new URL(request.url ?? '/', consoleUrl);
        if (url.pathname === '/console') {
          const settings: ConsoleSettings = {
            signIn: 'cognito',
            consoleUrl: `${consoleUrl}/console`,
            cognitoDomainUrl: hostedUiUrl,
            cognitoClientId: clientId,
            smsLink: longestPermalink(consoleUrl),
            timeZone: 'Asia/Shanghai',
          };
          response.writeHead(200, {
            'content-type': 'text/html; charset=utf-8',
            'content-security-policy': consoleContentSecurityPolicy(settings),
          });
          response.end(consolePage(settings));
          return;
        }
        const body = await bodyOf(request);
        const headers = Object.fromEntries(
          ['authorization', 'content-type', 'if-match', 'idempotency-key']
            .filter((name) => request.headers[name])
            .map((name) => [name, String(request.headers[name])]),
        );
        const answer = await fetch(`${stack.url}${url.pathname}${url.search}`, {
          method: request.method ?? 'GET',
          headers,
          ...(body.length ? { body: Uint8Array.from(body) } : {}),
        });
        response.writeHead(answer.status, Object.fromEntries(answer.headers));
        response.end(Buffer.from(await answer.arrayBuffer()));
      });
      consoleUrl = await listen(consoleServer);
    });

    afterAll(async () => {
      await close(hostedUi);
      await close(consoleServer);
    });

    it('signs in with the code flow and PKCE, lands where it started, calls the API and signs out', async () => {
      const page = await newPage();
      const consoleUrl = `http://localhost:${(consoleServer.address() as AddressInfo).port}/console`;
      await page.goto(`${consoleUrl}#/digest`);
      await page.getByText('Sign in with your staff account (Amazon Cognito).').waitFor();
      await page.getByRole('button', { name: 'Go to sign-in' }).click();

      await heading(page, 'Daily digest').waitFor();
      await page.getByText('Signed in as 周编辑 · editor-zhou (editor)').waitFor();
      await page.getByRole('heading', { level: 2, name: /Overdue cases/ }).waitFor();
      // The one-time code is spent and gone from the address bar.
      expect(page.url()).toBe(`${consoleUrl}#/digest`);
      expect(exchanges).toHaveLength(1);
      expect(exchanges[0]).toMatchObject({ grant_type: 'authorization_code', client_id: clientId });
      expect(exchanges[0]).not.toHaveProperty('client_secret');

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(consoleUrl);
      await page.getByRole('button', { name: 'Go to sign-in' }).waitFor();
      expect(revoked).toEqual(['refresh-1']);
      expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
      await page.close();
      expect(pageProblems).toEqual([]);
    }, 60_000);
  });
});
