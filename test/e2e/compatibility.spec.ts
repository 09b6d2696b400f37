// End to end (issue 5): the Compatibility tab for a message sent with the real SES v2 SDK. Its HTML uses
// display:flex, an @media block, background-image and <video>; the tab shows the engine's score, those
// features worst first with per-family badges (Outlook on Windows does not support display:flex), notes on
// expanding a row, sorting, and the per-client view. Screenshots go to /tmp/shots6/.
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mkdirSync } from 'node:fs';
import type { CompatibilityReport } from '../../src-main/contract/compatibility';
import { test, expect } from './sesame-fixture';

const SHOTS = '/tmp/shots6';
mkdirSync(SHOTS, { recursive: true });

const HTML = [
  '<!DOCTYPE html><html><head><style>@media (max-width: 600px) { .col { width: 100% !important } } a:hover { color: #c00 }</style></head>',
  '<body><div style="display:flex; gap: 8px"><div class="col" style="background-image: url(https://example.com/bg.png)">One</div>',
  '<div class="col">Two</div></div><video src="https://example.com/clip.mp4"></video><img src="https://example.com/logo.webp" alt="logo"></body></html>',
].join('');

test('Compatibility tab: score, features with client badges, notes and the per-client view', async ({ page, sesame }) => {
  const client = new SESv2Client({ endpoint: sesame.aws, region: 'us-east-1', credentials: { accessKeyId: 'AKIAE2E', secretAccessKey: 's' } });
  const out = await client.send(
    new SendEmailCommand({
      FromEmailAddress: 'news@compat.example',
      Destination: { ToAddresses: ['reader@example.org'] },
      Content: { Simple: { Subject: { Data: 'Compatibility e2e' }, Body: { Html: { Data: HTML }, Text: { Data: 'One Two' } } } },
    }),
  );
  client.destroy();
  const id = out.MessageId!;

  const res = await fetch(new URL(`/api/messages/${id}/compatibility`, sesame.ui), { headers: { 'x-sesame-token': 'e2e-token' } });
  expect(res.status).toBe(200);
  const report = (await res.json()) as CompatibilityReport;
  const slugs = report.features.map((f) => f.slug);
  for (const s of ['css-display-flex', 'css-at-media', 'css-background-image', 'html-video', 'image-webp', 'css-pseudo-class-hover']) expect(slugs).toContain(s);
  expect(report.score).not.toBeNull();
  expect(report.score!).toBeLessThan(50);

  await page.setViewportSize({ width: 1500, height: 950 });
  await page.goto(sesame.ui);
  await page.locator(`[data-testid="inbox-row"][data-message-id="${id}"]`).click();
  await expect(page.getByTestId('message-subject')).toHaveText('Compatibility e2e');
  await page.getByTestId('tab-compatibility').click();
  await expect(page.getByTestId('compat-score')).toHaveText(`${report.score}%`);

  const rows = page.getByTestId('compat-feature');
  await expect(rows).toHaveCount(report.features.length);
  await expect(rows.first()).toHaveAttribute('data-slug', report.features[0].slug);
  const flex = page.locator('[data-testid="compat-feature"][data-slug="css-display-flex"]');
  await expect(flex.getByTestId('family-outlook')).toHaveAttribute('data-support', 'n');
  await expect(flex.getByTestId('family-apple-mail')).toHaveAttribute('data-support', 'y');
  await expect(flex.getByTestId('family-gmail')).toHaveAttribute('title', /Not supported with non Google accounts/);
  await page.screenshot({ path: `${SHOTS}/compat-features.png`, fullPage: true });

  await flex.click();
  const detail = page.getByTestId('compat-detail');
  await expect(detail).toContainText('first: display: flex');
  await expect(detail).toContainText('Not supported with non Google accounts.');
  await page.screenshot({ path: `${SHOTS}/compat-detail.png`, fullPage: true });

  await page.getByTestId('compat-sort-title').click();
  const titles = [...report.features.map((f) => f.title)].sort((a, b) => a.localeCompare(b));
  await expect(rows.first()).toContainText(titles[0]);

  await page.getByTestId('compat-view-clients').click();
  const outlook = page.locator('[data-testid="compat-client"][data-client="outlook/windows"]');
  await expect(outlook).toContainText('display:flex');
  await expect(page.getByTestId('compat-client')).toHaveCount(report.clients.length);
  await page.screenshot({ path: `${SHOTS}/compat-clients.png`, fullPage: true });
});
