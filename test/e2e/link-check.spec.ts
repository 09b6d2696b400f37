// End to end (issue 5): the link check on the MIME tab for a message sent with the real SES v2 SDK whose links
// point at a local node:http server. "Check links" first shows them refused (loopback, not allowed); turning
// on "Allow private addresses" checks them: OK, Broken (404), and the mailto listed as not checked.
// Screenshot to /tmp/shots6/link-check.png.
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect } from './sesame-fixture';

const SHOTS = '/tmp/shots6';
mkdirSync(SHOTS, { recursive: true });

test('MIME tab: check links, refused until private addresses are allowed', async ({ page, sesame }) => {
  const server = createServer((req, res) => {
    if (req.url === '/ok') return res.writeHead(200).end();
    if (req.url === '/moved') return res.writeHead(301, { location: '/ok' }).end();
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const client = new SESv2Client({ endpoint: sesame.aws, region: 'us-east-1', credentials: { accessKeyId: 'AKIAE2E', secretAccessKey: 's' } });
    const html = `<p><a href="${base}/ok">Shop</a> <a href="${base}/gone">Old page</a> <img src="${base}/moved" alt="logo"> <a href="mailto:help@example.com">Help</a></p>`;
    const out = await client.send(
      new SendEmailCommand({
        FromEmailAddress: 'news@links.example',
        Destination: { ToAddresses: ['reader@example.org'] },
        Content: { Simple: { Subject: { Data: 'Link check e2e' }, Body: { Html: { Data: html } } } },
      }),
    );
    client.destroy();

    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.goto(sesame.ui);
    await page.locator(`[data-testid="inbox-row"][data-message-id="${out.MessageId}"]`).click();
    await page.getByTestId('tab-mime').click();
    await page.getByTestId('link-check-run').click();
    const rows = page.getByTestId('link-check-row');
    await expect(rows).toHaveCount(4);
    await expect(page.locator('[data-testid="link-check-row"][data-outcome="refused"]')).toHaveCount(3);
    await expect(rows.first()).toContainText('loopback');

    await page.getByTestId('link-check-allow-private').check();
    await expect(page.locator('[data-testid="link-check-row"][data-outcome="ok"]')).toHaveCount(2);
    await expect(page.locator('[data-testid="link-check-row"][data-outcome="broken"]')).toHaveCount(1);
    await expect(page.locator('[data-testid="link-check-row"][data-outcome="not-checked"]')).toHaveCount(1);
    await expect(rows.nth(1)).toContainText('404');
    await expect(rows.nth(2)).toContainText(`${base}/ok`); // the final URL after the redirect
    await page.getByTestId('link-check').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/link-check.png`, fullPage: true });
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});
