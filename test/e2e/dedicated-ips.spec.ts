// End to end: the Dedicated IPs screen in a real browser against the built CLI. Lease two IPs with the
// button, create a STANDARD pool, move an IP into it, turn automatic warm-up on; a real SDK send through a
// configuration set whose SendingPoolName is that pool shows up on the IP's "today" count and warm-up bar,
// and the message's X-SES-Outgoing header names the dedicated IP. A screenshot goes to /tmp/shots/.
import { CreateConfigurationSetCommand, SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { sesamePerFile, test, expect, uiApi } from './sesame-fixture';

const SHOTS = '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

const sesame = sesamePerFile();

async function api(page: Page, method: 'GET' | 'POST', path: string) {
  const res = await uiApi(page, sesame, method, path);
  return res;
}

test('lease IPs, pool them, and watch a send through the pool warm an IP up', async ({ page }) => {
  const v2 = new SESv2Client({ endpoint: sesame.aws, region: 'us-east-1', credentials: { accessKeyId: 'AKIAE2E', secretAccessKey: 'x' }, maxAttempts: 1 });
  await page.goto(sesame.ui);
  await page.getByTestId('nav-dedicated-ips').click();
  await expect(page.getByTestId('dedicated-ips-empty')).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/dedicated-ips');

  await page.getByTestId('dedicated-lease-count').fill('2');
  await page.getByTestId('dedicated-lease').click();
  await expect(page.getByTestId('dedicated-ip-198.51.100.1')).toBeVisible();
  await expect(page.getByTestId('dedicated-ip-198.51.100.2')).toBeVisible();

  await page.getByTestId('dedicated-pool-name').fill('newsletters');
  await page.getByTestId('dedicated-pool-create').click();
  await expect(page.getByTestId('dedicated-pool-newsletters')).toContainText('STANDARD');
  await page.getByTestId('dedicated-ip-pool-198.51.100.2').selectOption('newsletters');
  await expect(page.getByTestId('dedicated-pool-newsletters')).toContainText('198.51.100.2');
  // A controlled checkbox: it turns checked once the server answers.
  await page.getByTestId('dedicated-auto-warmup').click();
  await expect(page.getByTestId('dedicated-auto-warmup')).toBeChecked();
  await expect(page.getByTestId('dedicated-ip-today-198.51.100.2')).toHaveText('0 / 50');

  await v2.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'news', DeliveryOptions: { SendingPoolName: 'newsletters' } }));
  const to = Array.from({ length: 30 }, (_, i) => `reader${i}@example.com`);
  const { MessageId } = await v2.send(
    new SendEmailCommand({
      FromEmailAddress: 'news@example.com',
      Destination: { ToAddresses: to },
      ConfigurationSetName: 'news',
      Content: { Simple: { Subject: { Data: 'Issue 1' }, Body: { Text: { Data: 'Hello' } } } },
    }),
  );
  v2.destroy();
  const raw = await (await api(page, 'GET', `/api/messages/${MessageId}/raw`)).text();
  expect(raw).toMatch(/X-SES-Outgoing: \d{4}\.\d\d\.\d\d-198\.51\.100\.2/);

  await page.getByTestId('nav-inbox').click();
  await page.getByTestId('nav-dedicated-ips').click();
  await expect(page.getByTestId('dedicated-ip-today-198.51.100.2')).toHaveText('30 / 50');
  await expect(page.getByRole('progressbar', { name: 'Warm-up of 198.51.100.2' })).toHaveAttribute('aria-valuenow', '1');
  await page.screenshot({ path: `${SHOTS}/dedicated-ips.png`, fullPage: true });
});
