/**
 * The console's pages for the body's other channels and existing lists, in Chromium against the whole
 * local stack, as an admin new to them would use them: the Webhooks page (add one and see its secret
 * once, its latest calls, re-enable it), the Import page (a dry run first, then the import, the
 * rejected rows by line), and on a published correction its delivery counters (with webhooks) and
 * the re-announce button behind a confirmation.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/stack.ts';
import {
  hasChromium,
  heading,
  launchConsoleBrowser,
  newConsolePage,
  notice,
  signIn,
  warnIfNoChromium,
} from '../support/console-browser.ts';
import { publishCase } from '../support/desk-http.ts';
import { type Call, eventually, runningDesk, type Tokens } from '../support/http.ts';
import { startReceiver } from '../support/receiver.ts';

warnIfNoChromium('tests/e2e/console-channels.test.ts');

describe.skipIf(!hasChromium)('the console’s Webhooks, Import and delivery views in Chromium', () => {
  let stack: LocalStack;
  let call: Call;
  let tokens: Tokens;
  let browser: BrowserContext;
  let closeBrowser: (() => Promise<void>) | undefined;
  let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
  const problems: string[] = [];

  beforeAll(async () => {
    ({ stack, call, tokens } = await runningDesk());
    receiver = await startReceiver();
    ({ browser, close: closeBrowser } = await launchConsoleBrowser());
  });

  afterAll(async () => {
    await closeBrowser?.();
    await receiver?.close();
    await stack?.stop();
  });

  async function adminPage(): Promise<Page> {
    const page = await newConsolePage(browser, problems);
    await page.goto(`${stack.url}/console`);
    await signIn(page, /admin-chen/);
    return page;
  }

  it('adds a webhook with its secret shown once, lists its calls, and re-enables it', async () => {
    const page = await adminPage();
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await heading(page, 'Webhooks (other channels)').waitFor();
    await page.getByText('No webhooks yet.').waitFor();
    await page.getByLabel('Receiving URL (https)').fill(receiver?.url ?? '');
    await page.getByLabel('Description (optional)').fill('The website CMS');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await notice(page, 'The signing secret is shown this once');
    const secret = (await page.locator('.notice code').textContent()) ?? '';
    expect(secret.length).toBeGreaterThanOrEqual(32);
    await page.getByText(receiver?.url ?? '').waitFor();

    // A published correction reaches it; its call is listed under the webhook.
    const opened = await call('POST', '/admin/cases', {
      token: tokens.editor,
      body: {
        text: '网页称演练在周六举行，实为周日。',
        url: 'https://119.example.gov.cn/news/drill.html',
        topic: 'fire-prevention',
        source: 'monitoring',
        severity: 'normal',
      },
    });
    expect(opened.status, opened.text).toBe(201);
    const published = await publishCase(call, tokens, opened.json.id, {
      headline: '演练日期更正',
      body: '演练在周日举行。',
    });
    await eventually(async () => receiver?.received.length);

    // Shown once: after a reload the secret is nowhere on the page.
    await page.reload();
    await heading(page, 'Webhooks (other channels)').waitFor();
    await page.getByText('The website CMS').waitFor();
    expect(await page.content()).not.toContain(secret);
    await eventually(async () => {
      await page.reload();
      await page.getByText('Latest calls').click();
      // The calls are read when the list opens: wait for them (or for none) before looking.
      await page
        .getByText(/HTTP 200|No calls yet/)
        .first()
        .waitFor();
      return page.getByText(/HTTP 200/).isVisible();
    });
    // Each call names its event (the Desk-Event-Id header) and which try it was.
    await page.getByText(`evt_${published.correctionId}_1 · try 1 · HTTP 200`).waitFor();

    // Disabled (as after ten failed events): the page offers to re-enable it.
    const [webhook] = (await call('GET', '/admin/webhooks', { token: tokens.admin })).json.items;
    await call('PATCH', `/admin/webhooks/${webhook.id}`, {
      token: tokens.admin,
      body: { status: 'disabled' },
    });
    await page.reload();
    await page.locator('.badge', { hasText: 'Disabled' }).waitFor();
    await page.getByRole('button', { name: 'Re-enable' }).click();
    await page.locator('.badge', { hasText: 'Active' }).waitFor();
    expect((await call('GET', '/admin/webhooks', { token: tokens.admin })).json.items[0].status).toBe(
      'active',
    );

    // The correction's page: its delivery counters, webhooks among them, and re-announcing it.
    await page.goto(`${stack.url}/console#/cases/${published.id}`);
    await heading(page, `Case ${published.id}`).waitFor();
    const table = page.getByRole('table', { name: /Version 1/ });
    await table.waitFor();
    await table.getByRole('rowheader', { name: 'Email' }).waitFor();
    // The counters move as deliveries happen: Refresh reads them again.
    await eventually(async () => {
      await page.getByRole('button', { name: 'Refresh' }).click();
      await page.getByRole('table', { name: /Version 1/ }).waitFor();
      return page.getByRole('rowheader', { name: 'Webhooks' }).isVisible();
    });
    const webhookRow = page.getByRole('row', { name: /Webhooks/ });
    expect(await webhookRow.getByRole('cell').first().textContent()).toBe('1');

    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await page.getByRole('button', { name: 'Re-announce' }).click();
    await eventually(async () => asked);
    expect(asked).toContain('nobody gets it twice');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Re-announce' }).click();
    await notice(page, 'Re-announcement queued.');
    expect(problems).toEqual([]);
  });

  it('imports a CSV: a dry run first, then the import, with the rejected rows by line', async () => {
    const page = await adminPage();
    await page.getByRole('link', { name: 'Import subscribers' }).click();
    await heading(page, 'Import subscribers (CSV)').waitFor();
    const importButton = page.getByRole('button', { name: 'Import', exact: true });
    expect(await importButton.isDisabled()).toBe(true);

    const csv = [
      '\ufeffchannel,address,topics,follows,language,frequency,consent_at,consent_source',
      'email,console-one@example.org,personnel,,en,immediate,2024-05-01T08:00:00Z,"fair, 2024"',
      'email,not-an-address,personnel,,en,immediate,2024-05-01T08:00:00Z,fair',
      'email,console-two@example.org,fire-prevention,https://news.example.org/a,zh-CN,weekly,2024-05-01T08:00:00Z,fair',
    ].join('\r\n');
    await page.getByLabel('CSV file').setInputFiles({
      name: 'list.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByRole('button', { name: 'Dry run (writes nothing)' }).click();
    await notice(page, 'Dry run (nothing written yet): created 2, updated 0, unchanged 0');
    await page.getByRole('heading', { name: 'Rejected rows' }).waitFor();
    await page.getByText(/Line 3.*address/).waitFor();
    expect(await importButton.isDisabled()).toBe(false);

    await importButton.click();
    await notice(page, 'Imported: created 2, updated 0, unchanged 0');
    // The same file again changes nothing.
    await page.getByRole('button', { name: 'Dry run (writes nothing)' }).click();
    await notice(page, 'created 0, updated 0, unchanged 2');
    expect(problems).toEqual([]);
  });
});
