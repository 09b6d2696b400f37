// End to end: send through the real SDK → the message appears live in the inbox → open it → its HTML renders
// inside the sandboxed iframe with scripts off and remote content blocked → screenshots kept in artifacts/.
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mkdirSync } from 'node:fs';
import { test, expect } from './sesame-fixture';

mkdirSync('artifacts', { recursive: true });

test('a message sent with the SDK arrives live and renders safely', async ({ page, sesame }) => {
  // The server is shared by the worker's spec files: start from an empty inbox whatever ran before.
  expect((await fetch(`${sesame.aws}/_aws/ses`, { method: 'DELETE' })).status).toBe(204);
  await page.goto(`${sesame.ui}`);
  await expect(page.getByTestId('empty-inbox')).toBeVisible();
  await page.screenshot({ path: 'artifacts/empty-inbox.png' });

  const client = new SESv2Client({ endpoint: sesame.aws, region: 'us-east-1', credentials: { accessKeyId: 'AKIAE2E', secretAccessKey: 's' } });
  const html = `<h1 id="greeting" style="color:#b5651d">Welcome aboard</h1>
    <p>Your order <b>#1234</b> has shipped.</p>
    <img id="remote" src="http://127.0.0.1:9/pixel.png" alt="remote pixel">
    <script>document.body.setAttribute('data-script-ran', 'yes')</script>`;
  const out = await client.send(new SendEmailCommand({
    FromEmailAddress: 'Shop <shop@example.com>',
    Destination: { ToAddresses: ['customer@example.com'], BccAddresses: ['audit@example.com'] },
    Content: { Simple: { Subject: { Data: 'Your order has shipped' }, Body: { Html: { Data: html }, Text: { Data: 'Your order #1234 has shipped.' } } } },
  }));
  client.destroy();

  const row = page.locator(`[data-testid="inbox-row"][data-message-id="${out.MessageId}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText('Your order has shipped');
  await row.click();

  await expect(page.getByTestId('message-subject')).toHaveText('Your order has shipped');
  const frame = page.frameLocator('[data-testid="html-frame"]');
  await expect(frame.locator('#greeting')).toHaveText('Welcome aboard');
  // Scripts never run in the preview.
  await expect(frame.locator('body')).not.toHaveAttribute('data-script-ran', 'yes');
  const sandbox = await page.getByTestId('html-frame').getAttribute('sandbox');
  expect(sandbox ?? '').not.toContain('allow-scripts');
  // Remote content is blocked by default.
  await expect(page.getByTestId('load-remote-toggle')).toBeVisible();
  const remoteLoaded = await frame.locator('#remote').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
  expect(remoteLoaded).toBe(false);

  await page.screenshot({ path: 'artifacts/message-html.png' });

  await page.getByTestId('tab-envelope').click();
  await expect(page.getByTestId('message-view')).toContainText('audit@example.com');
  await page.getByTestId('tab-events').click();
  await expect(page.getByTestId('message-view')).toContainText('Delivery');
  await page.screenshot({ path: 'artifacts/message-events.png' });
});

test('search narrows the inbox and the connect panel shows the endpoints', async ({ page, sesame }) => {
  const client = new SESv2Client({ endpoint: sesame.aws, region: 'us-east-1', credentials: { accessKeyId: 'AKIAE2E', secretAccessKey: 's' } });
  for (const subject of ['Invoice April', 'Password reset', 'Invoice May']) {
    await client.send(new SendEmailCommand({
      FromEmailAddress: 'billing@example.com', Destination: { ToAddresses: ['c@example.com'] },
      Content: { Simple: { Subject: { Data: subject }, Body: { Text: { Data: subject } } } },
    }));
  }
  client.destroy();
  await page.goto(sesame.ui);
  await expect(page.getByTestId('inbox-row').filter({ hasText: 'Password reset' })).toBeVisible();
  await page.getByTestId('search-input').fill('Invoice');
  await expect(page.getByTestId('inbox-row').filter({ hasText: 'Password reset' })).toHaveCount(0);
  await expect(page.getByTestId('inbox-row').filter({ hasText: 'Invoice' })).toHaveCount(2);

  await page.getByTestId('connect-button').click();
  const panel = page.getByTestId('connect-panel');
  await expect(panel).toContainText(`AWS_ENDPOINT_URL_SESV2=${sesame.aws}`);
  await expect(panel).toContainText(String(sesame.ports.smtp));
  await page.screenshot({ path: 'artifacts/connect-panel.png' });
});

test('the UI API refuses requests without the token and from foreign origins', async ({ request, sesame }) => {
  const origin = new URL(sesame.ui).origin;
  expect((await request.get(`${origin}/api/messages`)).status()).toBe(401);
  const withToken = await request.get(`${origin}/api/messages`, { headers: { 'x-sesame-token': 'e2e-token' } });
  expect(withToken.status()).toBe(200);
  const foreign = await request.get(`${origin}/api/messages`, { headers: { 'x-sesame-token': 'e2e-token', origin: 'http://evil.example' } });
  expect(foreign.status()).toBe(403);
  const rebinding = await request.get(`${origin}/api/messages`, { headers: { 'x-sesame-token': 'e2e-token', host: 'evil.example' } });
  expect(rebinding.status()).toBe(403);
});

test('inline cid: images render in the preview, sent over SMTP', async ({ page, sesame }) => {
  const nodemailer = (await import('nodemailer')).default;
  const { readFileSync } = await import('node:fs');
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sesame.ports.smtp, tls: { rejectUnauthorized: false } });
  const info = await transport.sendMail({
    from: 'designer@example.com',
    to: 'viewer@example.com',
    subject: 'Inline logo',
    html: '<p>Logo below</p><img id="logo" src="cid:logo@sesame" alt="logo">',
    attachments: [{ filename: 'logo.png', content: readFileSync('resources/icon.png'), cid: 'logo@sesame' }],
  });
  transport.close();
  const id = /250 Ok (\S+)/.exec(info.response)![1];
  await page.goto(sesame.ui);
  await page.locator(`[data-testid="inbox-row"][data-message-id="${id}"]`).click();
  const logo = page.frameLocator('[data-testid="html-frame"]').locator('#logo');
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(256);
  await page.screenshot({ path: 'artifacts/inline-image.png' });
});
