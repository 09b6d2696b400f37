// End to end: the Settings popover. Theme dark → <html data-theme="dark"> and a dark page; it survives a
// reload and reaches a fresh browser (saved by the server, not only in this tab) and other open windows
// live; an explicit light theme beats a dark system preference. "Load remote content by default" opens the
// next HTML preview with remote content on, and the per-message switch still works both ways.
// Own server (not the shared worker fixture): these tests change preferences and add mail.
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { startCli, test, expect, type ReadyInfo } from './sesame-fixture';

mkdirSync('artifacts', { recursive: true });

let sesame: ReadyInfo;
let stop: () => Promise<void>;
test.beforeAll(async () => {
  ({ ready: sesame, stop } = await startCli());
});
test.afterAll(() => stop());

/** Relative luminance (0 black … 1 white) of body's computed background. */
const bodyLuminance = (page: Page) =>
  page.evaluate(() => {
    const m = /rgba?\((\d+), (\d+), (\d+)/.exec(getComputedStyle(document.body).backgroundColor);
    if (!m) throw new Error(`unexpected colour ${getComputedStyle(document.body).backgroundColor}`);
    const [r, g, b] = m.slice(1, 4).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  });

const html = (page: Page) => page.locator('html');

async function openSettings(page: Page) {
  if (!(await page.getByTestId('settings-panel').isVisible())) await page.getByTestId('settings-button').click();
  await expect(page.getByTestId('settings-panel')).toBeVisible();
}

async function savedPreferences(page: Page) {
  const res = await page.request.get(`${new URL(sesame.ui).origin}/api/preferences`, { headers: { 'x-sesame-token': 'e2e-token' } });
  expect(res.status()).toBe(200);
  return res.json();
}

test('the theme applies at once, persists on the server and reaches other windows live', async ({ page, browser }) => {
  await page.goto(sesame.ui);
  await expect(page.getByTestId('empty-inbox')).toBeVisible();
  await expect(html(page)).not.toHaveAttribute('data-theme');
  expect(await bodyLuminance(page)).toBeGreaterThan(0.8);

  await openSettings(page);
  await expect(page.getByTestId('theme-system')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('theme-dark').click();
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('theme-dark')).toHaveAttribute('aria-pressed', 'true');
  expect(await bodyLuminance(page)).toBeLessThan(0.05);
  expect((await savedPreferences(page)).theme).toBe('dark');

  // Escape closes the popover and gives focus back to its button.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('settings-panel')).toHaveCount(0);
  await expect(page.getByTestId('settings-button')).toBeFocused();

  await page.reload();
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('empty-inbox')).toBeVisible();
  expect(await bodyLuminance(page)).toBeLessThan(0.05);

  // A fresh browser (no local cache) gets it from the server; a change there reaches this page live.
  const other = await browser.newContext();
  const page2 = await other.newPage();
  await page2.goto(sesame.ui);
  await expect(html(page2)).toHaveAttribute('data-theme', 'dark');
  await openSettings(page2);
  await page2.getByTestId('theme-light').click();
  await expect(html(page)).toHaveAttribute('data-theme', 'light');
  await page2.getByTestId('theme-dark').click();
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  await other.close();
});

test('an explicit theme beats the system preference; system follows it', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(sesame.ui);
  await openSettings(page);
  await page.getByTestId('theme-light').click();
  await expect(html(page)).toHaveAttribute('data-theme', 'light');
  expect(await bodyLuminance(page)).toBeGreaterThan(0.8);
  await page.getByTestId('theme-system').click();
  await expect(html(page)).not.toHaveAttribute('data-theme');
  expect(await bodyLuminance(page)).toBeLessThan(0.05);
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await bodyLuminance(page)).toBeGreaterThan(0.8);
  await page.getByTestId('theme-dark').click();
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  expect(await bodyLuminance(page)).toBeLessThan(0.05);
});

test('"load remote content by default" opens previews with remote content on', async ({ page }) => {
  await page.goto(sesame.ui);
  await openSettings(page);
  const pref = page.getByTestId('pref-load-remote');
  await expect(pref).toHaveAttribute('aria-checked', 'false');
  await expect(pref).toHaveText('Load remote content by default');
  await expect(page.getByTestId('pref-notifications')).toHaveText('Desktop notifications (app)');
  await expect(page.getByTestId('settings-panel')).toContainText('this browser tab never does');
  await pref.click();
  await expect(pref).toHaveAttribute('aria-checked', 'true');
  await expect.poll(async () => (await savedPreferences(page)).loadRemoteContent).toBe(true);

  const client = new SESv2Client({ endpoint: sesame.aws, region: 'us-east-1', credentials: { accessKeyId: 'AKIAE2E', secretAccessKey: 's' } });
  const out = await client.send(new SendEmailCommand({
    FromEmailAddress: 'News <news@example.com>',
    Destination: { ToAddresses: ['reader@example.com'] },
    Content: {
      Simple: {
        Subject: { Data: 'Weekly digest' },
        Body: { Html: { Data: '<h1 id="title">This week</h1><p>Three things worth reading.</p><img id="remote" src="http://127.0.0.1:9/x.png" alt="tracking pixel">' } },
      },
    },
  }));
  client.destroy();

  await page.locator(`[data-testid="inbox-row"][data-message-id="${out.MessageId}"]`).click();
  const frame = page.getByTestId('html-frame');
  await expect(frame).toHaveAttribute('data-remote', '1');
  await expect(page.frameLocator('[data-testid="html-frame"]').locator('#title')).toHaveText('This week');
  const toggle = page.getByTestId('load-remote-toggle');
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('remote-state')).toContainText('Remote content loaded');

  // The per-message switch still works both ways.
  await toggle.click();
  await expect(frame).toHaveAttribute('data-remote', '0');
  await toggle.click();
  await expect(frame).toHaveAttribute('data-remote', '1');

  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  await openSettings(page);
  await page.screenshot({ path: 'artifacts/settings-dark.png' });
});
