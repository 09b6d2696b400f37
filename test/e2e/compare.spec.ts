// End to end (issue 5): comparing two templated sends that differ by one template variable. A template made
// with the real SDK is sent twice with different TemplateData; in the UI, "Compare with…" on the newer one,
// picking the older from the inbox list, shows the changed Subject header, the MIME structure with changed
// leaf hashes, and exactly one removed and one added line in the text and HTML diffs (unified and side by
// side). Per-message headers (Message-ID) appear only with the switch. Screenshots go to /tmp/shots7/.
import { CreateEmailTemplateCommand, SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { decodePng } from '../helpers/png';
import { startCli, test, expect } from './sesame-fixture';

const SHOTS = '/tmp/shots7';
mkdirSync(SHOTS, { recursive: true });

test('compare two templated sends that differ by one line', async ({ page, sesame }) => {
  const client = new SESv2Client({ endpoint: sesame.aws, region: 'us-east-1', credentials: { accessKeyId: 'AKIAE2E', secretAccessKey: 's' } });
  await client.send(
    new CreateEmailTemplateCommand({
      TemplateName: 'OrderShipped',
      TemplateContent: {
        Subject: 'Order {{order}} shipped',
        Text: 'Hello {{name}},\nYour order has shipped.\nTracking: {{tracking}}\nThanks!\n',
        Html: '<html><body>\n<p>Hello {{name}},</p>\n<p>Tracking: <b>{{tracking}}</b></p>\n<p>Thanks!</p>\n</body></html>\n',
      },
    }),
  );
  const send = async (data: object) =>
    (
      await client.send(
        new SendEmailCommand({
          FromEmailAddress: 'shop@example.com',
          Destination: { ToAddresses: ['ann@example.org'] },
          Content: { Template: { TemplateName: 'OrderShipped', TemplateData: JSON.stringify(data) } },
        }),
      )
    ).MessageId!;
  const a = await send({ name: 'Ann', order: '1001', tracking: 'ZX111' });
  const b = await send({ name: 'Ann', order: '1002', tracking: 'ZX222' });

  await page.goto(sesame.ui);
  await page.locator(`[data-testid="inbox-row"][data-message-id="${b}"]`).click();
  await expect(page.getByTestId('message-subject')).toHaveText('Order 1002 shipped');
  await page.getByTestId('compare-open').click();
  const dialog = page.getByTestId('compare-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('compare-pick').selectOption(a);

  const headers = dialog.getByTestId('compare-headers');
  await expect(headers.getByTestId('header-diff-row')).toHaveCount(1);
  await expect(headers.getByTestId('header-diff-row')).toContainText('Order 1001 shipped');
  await expect(headers.getByTestId('header-diff-row')).toContainText('Order 1002 shipped');
  await expect(headers).not.toContainText('message-id');

  const text = dialog.getByTestId('compare-text');
  await expect(text.getByTestId('body-diff-summary')).toHaveText('1 line removed, 1 added.');
  // A is this (newer) message, B the older one picked: the newer tracking line is "removed".
  await expect(text.getByTestId('line-remove')).toHaveText('- Tracking: ZX222');
  await expect(text.getByTestId('line-add')).toHaveText('+ Tracking: ZX111');
  const html = dialog.getByTestId('compare-html');
  await expect(html.getByTestId('line-remove')).toHaveText('- <p>Tracking: <b>ZX222</b></p>');
  await expect(html.getByTestId('line-add')).toHaveText('+ <p>Tracking: <b>ZX111</b></p>');
  await expect(dialog.getByTestId('compare-structure').getByTestId('part-diff-row')).toHaveCount(3);
  await expect(dialog.getByTestId('compare-structure')).toContainText('changed (sha256)');
  await page.screenshot({ path: `${SHOTS}/compare-unified.png` });

  await dialog.getByTestId('compare-side').check();
  await expect(text.locator('table.diff-side td.line-remove')).toHaveText('Tracking: ZX222');
  await expect(text.locator('table.diff-side td.line-add')).toHaveText('Tracking: ZX111');
  await dialog.getByTestId('compare-all').check();
  await expect(headers).toContainText('message-id');
  await page.screenshot({ path: `${SHOTS}/compare-side-all.png` });

  // By id: an unknown id is a clear error, not a blank dialog.
  await dialog.getByTestId('compare-id').fill('no-such-message');
  await expect(dialog.getByTestId('compare-error')).toContainText('No message');
  await dialog.getByTestId('compare-close').click();
  await expect(dialog).toHaveCount(0);
});

test('browser: "Save as PNG" downloads the preview rendered by Sesame\'s Chromium at the chosen width and scheme', async ({ page, sesame }) => {
  const client = new SESv2Client({ endpoint: sesame.aws, region: 'us-east-1', credentials: { accessKeyId: 'AKIAE2E', secretAccessKey: 's' } });
  const out = await client.send(
    new SendEmailCommand({
      FromEmailAddress: 'shop@example.com',
      Destination: { ToAddresses: ['ann@example.org'] },
      Content: {
        Simple: {
          Subject: { Data: 'PNG export' },
          Body: { Html: { Data: '<style>body{margin:0;background:#ff0000}@media (prefers-color-scheme: dark){body{background:#0000ff}}</style><div style="height:600px">Big sale</div><script>document.body.style.background="#00ff00"</script>' } },
        },
      },
    }),
  );
  await page.goto(sesame.ui);
  await page.locator(`[data-testid="inbox-row"][data-message-id="${out.MessageId}"]`).click();
  await expect(page.getByTestId('message-subject')).toHaveText('PNG export');
  await expect(page.getByTestId('open-preview-tab')).toHaveCount(0);
  await page.getByTestId('width-phone').click();
  await page.getByTestId('scheme-dark').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
  expect(download.suggestedFilename()).toMatch(/-dark-375px\.png$/);
  const file = await download.path();
  const img = decodePng(readFileSync(file));
  expect(img.width).toBe(375);
  expect(img.height).toBeGreaterThanOrEqual(600);
  expect(img.pixel(300, 300)).toEqual([0, 0, 255]); // the mail's dark rule applied, its script not run
  copyFileSync(file, `${SHOTS}/export-phone-dark.png`);
});

test('browser without a Chromium: the preview opens in a new tab, still sandboxed and script-less', async ({ page }) => {
  const noBrowser = await startCli(['--chromium', 'off']);
  const sesame = noBrowser.ready;
  try {
    const client = new SESv2Client({ endpoint: sesame.aws, region: 'us-east-1', credentials: { accessKeyId: 'AKIAE2E', secretAccessKey: 's' } });
    const out = await client.send(
      new SendEmailCommand({
        FromEmailAddress: 'shop@example.com',
        Destination: { ToAddresses: ['ann@example.org'] },
        Content: { Simple: { Subject: { Data: 'Preview tab' }, Body: { Html: { Data: '<h1 id="t">Big sale</h1><script>document.title="pwned"</script>' } } } },
      }),
    );
    await page.goto(sesame.ui);
    await page.locator(`[data-testid="inbox-row"][data-message-id="${out.MessageId}"]`).click();
    await expect(page.getByTestId('message-subject')).toHaveText('Preview tab');
    await expect(page.getByTestId('export-png')).toHaveCount(0);
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('open-preview-tab').click()]);
    await popup.waitForLoadState();
    expect(popup.url()).toContain(`/api/messages/${out.MessageId}/html`);
    expect(popup.url()).not.toContain('e2e-token');
    await expect(popup.locator('#t')).toHaveText('Big sale');
    expect(await popup.title()).not.toBe('pwned');
    const res = await popup.context().request.get(popup.url());
    expect(res.status()).toBe(200);
    const csp = res.headers()['content-security-policy'] ?? '';
    expect(csp).toContain('sandbox');
    expect(csp).not.toContain('script-src');
    expect(csp).not.toContain('allow-scripts');
    await popup.screenshot({ path: `${SHOTS}/preview-tab.png` });
  } finally {
    await noBrowser.stop();
  }
});
