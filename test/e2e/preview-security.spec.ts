// End to end: the HTML preview with its CSP lockdown (sandbox, form-action, base-uri, frame-ancestors) in a
// real Chromium — a link in the mail still opens a new tab; the preview opened directly, outside the app's
// iframe, is still sandboxed — and the desktop (bridge) path: the frame's address carries a preview
// capability, never the token, and the preview and its inline images load on capabilities alone.
import type { Page } from '@playwright/test';
import { test, expect } from './sesame-fixture';
import type { ReadyInfo } from './sesame-fixture';

const TOKEN = 'e2e-token';

async function sendWithLogo(sesame: ReadyInfo, subject: string, html: string): Promise<string> {
  const nodemailer = (await import('nodemailer')).default;
  const { readFileSync } = await import('node:fs');
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sesame.ports.smtp, tls: { rejectUnauthorized: false } });
  const info = await transport.sendMail({
    from: 'sec@example.com',
    to: 'viewer@example.com',
    subject,
    html,
    attachments: [{ filename: 'logo.png', content: readFileSync('resources/icon.png'), cid: 'logo@sesame' }],
  });
  transport.close();
  return /250 Ok (\S+)/.exec(info.response)![1];
}

const openMessage = (page: Page, id: string) => page.locator(`[data-testid="inbox-row"][data-message-id="${id}"]`).click();

test('a link in the preview opens a new tab (CSP sandbox allows popups; base-uri does not stop <base target>)', async ({ page, sesame }) => {
  const origin = new URL(sesame.ui).origin;
  const id = await sendWithLogo(sesame, 'Link out', `<p><a id="out" href="${origin}/api/health">Open</a></p><img id="logo" src="cid:logo@sesame">`);
  await page.goto(sesame.ui);
  await openMessage(page, id);
  const frame = page.frameLocator('[data-testid="html-frame"]');
  await expect.poll(() => frame.locator('#logo').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(256);
  const [popup] = await Promise.all([page.context().waitForEvent('page'), frame.locator('#out').click()]);
  await popup.waitForLoadState();
  expect(popup.url()).toBe(`${origin}/api/health`);
  // The app itself did not navigate.
  expect(new URL(page.url()).pathname).toBe('/');
  await popup.close();
});

test('the preview opened directly (not in the app\'s iframe) is still sandboxed: an opaque origin', async ({ page, sesame }) => {
  const origin = new URL(sesame.ui).origin;
  const id = await sendWithLogo(sesame, 'Direct open', '<p id="p">direct</p><img id="logo" src="cid:logo@sesame">');
  await page.goto(sesame.ui); // sets the cookie
  const res = await page.goto(`${origin}/api/messages/${encodeURIComponent(id)}/html`);
  expect(res?.status()).toBe(200);
  await expect(page.locator('#p')).toHaveText('direct');
  expect(await page.evaluate(() => self.origin)).toBe('null');
  await expect.poll(() => page.locator('#logo').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(256);
});

test('desktop bridge: the preview frame carries a capability, never the token, and loads without the cookie', async ({ page, sesame }) => {
  const origin = new URL(sesame.ui).origin;
  const id = await sendWithLogo(sesame, 'Bridge preview', '<p id="p">via capability</p><img id="logo" src="cid:logo@sesame">');
  // What the Electron preload exposes (contract/bridge.ts).
  await page.addInitScript(
    ([apiOrigin, token]) => {
      (window as unknown as { sesame: unknown }).sesame = {
        apiOrigin,
        token,
        platform: 'linux',
        appVersion: '0.0.0-e2e',
        notify: () => undefined,
        revealDataDir: () => undefined,
        onOpenMessage: () => () => undefined,
      };
    },
    [origin, TOKEN],
  );
  await page.goto(sesame.ui);
  await expect(page.locator(`[data-testid="inbox-row"][data-message-id="${id}"]`)).toBeVisible();
  // From here on only what the page itself puts in URLs authenticates the frame.
  await page.context().clearCookies();
  await openMessage(page, id);
  const src = await page.getByTestId('html-frame').getAttribute('src');
  expect(src).not.toContain(TOKEN);
  expect(src).not.toContain('token=');
  expect(src).toMatch(/[?&]cap=[0-9a-f]{64}(&|$)/);
  const frame = page.frameLocator('[data-testid="html-frame"]');
  await expect(frame.locator('#p')).toHaveText('via capability');
  await expect.poll(() => frame.locator('#logo').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(256);
  // The frame's own markup does not carry the token either.
  expect(await frame.locator('html').evaluate((el) => el.outerHTML)).not.toContain(TOKEN);
});
