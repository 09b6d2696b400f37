// End to end: the reputation and statistics dashboard in a real browser against the built CLI. A scenario
// rule hard-bounces `bounce-*` recipients; 100 sends through the AWS port with the real SES v2 SDK (7 of
// them to bounce addresses: a 7 % bounce rate, over the 5 % review line and under the 10 % pause line) put
// the account "Under review"; more bounces pause sending. The dashboard shows the counts, the volume and rate charts (SVG), the status
// in words with what happens next, the tables and the cost; a fresh start brings it back to Healthy; a live
// send moves the numbers without a reload. Screenshots (light and dark) go to artifacts/.
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { sesamePerFile, test, expect, uiApi } from './sesame-fixture';

const ARTIFACTS = 'artifacts';
mkdirSync(ARTIFACTS, { recursive: true });

const sesame = sesamePerFile();

async function api(page: Page, method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: string, data?: unknown) {
  const res = await uiApi(page, sesame, method, path, data);
  return res.json();
}

const sesv2 = () =>
  new SESv2Client({ endpoint: sesame.aws, region: 'us-east-1', credentials: { accessKeyId: 'AKIAE2E', secretAccessKey: 'secret' } });

async function send(client: SESv2Client, to: string) {
  await client.send(
    new SendEmailCommand({
      FromEmailAddress: 'app@example.com',
      Destination: { ToAddresses: [to] },
      Content: { Simple: { Subject: { Data: 'Order update' }, Body: { Text: { Data: 'Hello' } } } },
    }),
  );
}

test.beforeEach(async ({ page }) => {
  await api(page, 'POST', '/api/account/reset');
  await api(page, 'PATCH', '/api/account', { sandbox: false, autoVerify: true, max24HourSend: -1, maxSendRate: 1_000_000 });
  await api(page, 'PUT', '/api/preferences', { theme: 'light' });
});

test('a scripted mix of outcomes shows on the charts and puts the account under review; a fresh start recovers', async ({ page }) => {
  await api(page, 'POST', '/api/scenario-rules', { name: 'QA bounces', enabled: true, match: { kind: 'glob', pattern: 'bounce-*@example.com' }, action: { kind: 'hard-bounce' } });
  const client = sesv2();
  const to = Array.from({ length: 100 }, (_, i) => (i % 14 === 3 && i < 98 ? `bounce-${i}@example.com` : `user-${i}@example.com`));
  expect(to.filter((a) => a.startsWith('bounce-'))).toHaveLength(7);
  for (let i = 0; i < to.length; i += 20) await Promise.all(to.slice(i, i + 20).map((a) => send(client, a)));

  await page.goto(sesame.ui);
  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('dashboard-screen')).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/dashboard');

  // The status in words, with what happens next.
  const account = page.getByTestId('dash-status-account');
  await expect(account).toHaveAttribute('data-status', 'PROBATION');
  await expect(page.getByTestId('dash-status-account-chip')).toHaveText('Under review');
  await expect(account).toContainText('bounces 7 %');
  await expect(account).toContainText('at 10 % bounces');
  await expect(page.getByTestId('dash-rate-bounce-now')).toHaveText('7 %');

  // Charts are SVG: eight series with a legend; the rate chart has its review and pause lines.
  const volume = page.getByTestId('dash-volume');
  await expect(volume.locator('.recharts-line')).toHaveCount(8);
  await expect(volume.locator('.recharts-legend-item')).toHaveCount(8);
  await expect(volume.locator('.recharts-legend-wrapper')).toContainText('Hard bounces');
  const rate = page.getByTestId('dash-rate-bounce');
  await expect(rate.locator('.recharts-reference-dot')).toHaveCount(1);
  await expect(rate.locator('.recharts-reference-line')).toHaveCount(2);
  await expect(rate).toContainText('review 5%');
  await expect(rate).toContainText('pause 10%');
  await expect(page.getByTestId('dash-rate-complaint')).toContainText('review 0.1%');

  // Counts: the per-identity table, the quota and the cost of 100 recipients.
  const row = page.getByTestId('dash-by-identity-row').first();
  await expect(row).toContainText('100');
  await expect(page.getByTestId('dash-quota-sent')).toHaveText('100');
  await expect(page.getByTestId('dash-cost-outbound')).toContainText('100 recipients');
  await expect(page.getByTestId('dash-cost-outbound')).toContainText('$0.01');

  // The screen scrolls inside the window: a tall window shows all of it in one picture.
  await page.setViewportSize({ width: 1280, height: 2000 });
  await page.screenshot({ path: `${ARTIFACTS}/dashboard-light.png` });
  await api(page, 'PUT', '/api/preferences', { theme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: `${ARTIFACTS}/dashboard-dark.png` });

  // More bounces cross the pause line: the next sends fail as on SES and the dashboard says so, live.
  const refusals: string[] = [];
  for (let i = 0; i < 8; i++) await send(client, `bounce-more-${i}@example.com`).catch((err: Error) => refusals.push(err.name));
  expect(refusals.length).toBeGreaterThan(0);
  await expect(page.getByTestId('dash-status-account-chip')).toHaveText('Sending paused');
  await expect(page.getByTestId('dash-status-account')).toContainText('fail as they would on SES');

  // Fresh start: rates count from now, the account is Healthy again.
  await page.getByTestId('dash-fresh-account').click();
  await expect(page.getByTestId('dash-status-account-chip')).toHaveText('Healthy');
  await expect(page.getByTestId('dash-rate-bounce-now')).toHaveText('—');
  await send(client, 'after-fresh-start@example.com');
});

test('reputation settings: a lower review threshold re-judges at once; SES defaults put it back', async ({ page }) => {
  await api(page, 'POST', '/api/scenario-rules', { name: 'QA bounces', enabled: true, match: { kind: 'glob', pattern: 'bounce-*@example.com' }, action: { kind: 'hard-bounce' } });
  const client = sesv2();
  const to = Array.from({ length: 100 }, (_, i) => (i % 33 === 5 ? `bounce-${i}@example.com` : `user-${i}@example.com`)); // 3 of 100
  for (let i = 0; i < to.length; i += 20) await Promise.all(to.slice(i, i + 20).map((a) => send(client, a)));
  await page.goto(`${sesame.ui}#/dashboard`);
  await expect(page.getByTestId('dash-status-account-chip')).toHaveText('Healthy');
  await expect(page.getByTestId('dash-setting-bounceReview')).toHaveValue('5');

  await page.getByTestId('dash-setting-bounceReview').fill('2');
  await page.getByTestId('dash-settings-save').click();
  await expect(page.getByTestId('dash-status-account-chip')).toHaveText('Under review');
  await expect(page.getByTestId('dash-rate-bounce')).toContainText('review 2%');
  expect((await api(page, 'GET', '/api/reputation')).settings.bounceReview).toBe(0.02);

  // A review threshold above the pause threshold is refused, with the server's words.
  await page.getByTestId('dash-setting-bounceReview').fill('20');
  await page.getByTestId('dash-settings-save').click();
  await expect(page.getByTestId('dashboard-screen')).toContainText('bounceReview');

  await page.getByTestId('dash-settings-defaults').click();
  await expect(page.getByTestId('dash-setting-bounceReview')).toHaveValue('5');
  await expect(page.getByTestId('dash-status-account-chip')).toHaveText('Healthy');
});

test('live: the Account screen shows "Sending paused" the moment reputation pauses the account', async ({ page }) => {
  await api(page, 'POST', '/api/scenario-rules', { name: 'QA bounces', enabled: true, match: { kind: 'glob', pattern: 'bounce-*@example.com' }, action: { kind: 'hard-bounce' } });
  const client = sesv2();
  for (let i = 0; i < 95; i += 19) await Promise.all(Array.from({ length: 19 }, (_, k) => send(client, `user-${i + k}@example.com`)));
  await page.goto(`${sesame.ui}#/account`);
  await expect(page.getByTestId('enforcement-status')).toHaveText('Healthy (HEALTHY)');
  for (let i = 0; i < 12; i++) await send(client, `bounce-${i}@example.com`).catch(() => undefined); // 12 of 107 ≈ 11 %
  await expect(page.getByTestId('enforcement-status')).toHaveText('Sending paused (SHUTDOWN)');
});

test('live: a send while the dashboard is open moves the numbers without a reload; the range picker re-steps', async ({ page }) => {
  await page.goto(sesame.ui + '#/dashboard');
  await expect(page.getByTestId('dash-quota-sent')).toHaveText('0');
  await send(sesv2(), 'someone@example.com');
  await expect(page.getByTestId('dash-quota-sent')).toHaveText('1');
  await expect(page.getByTestId('dash-cost-outbound')).toContainText('1 recipients');
  await page.getByTestId('dash-range-7d').click();
  await expect(page.getByTestId('dash-range-7d')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('dash-by-identity-row')).toHaveCount(1);
});

test('scenario rule editor: "Counts toward reputation" is on by default and saved with the rule', async ({ page }) => {
  await page.goto(sesame.ui + '#/scenarios');
  await page.getByTestId('rule-add').click();
  const box = page.getByTestId('rule-counts-reputation');
  await expect(box).toBeChecked();
  await page.getByTestId('rule-pattern').fill('quiet-*@example.com');
  await page.getByTestId('rule-match-kind').selectOption('glob');
  await box.uncheck();
  await page.getByTestId('rule-save').click();
  await expect(page.getByTestId('rule-unrated')).toBeVisible();
  const list = await api(page, 'GET', '/api/scenario-rules');
  expect(list.items[0]).toMatchObject({ match: { kind: 'glob', pattern: 'quiet-*@example.com' }, countsTowardReputation: false });
  await page.getByTestId('rule-edit').click();
  await expect(page.getByTestId('rule-counts-reputation')).not.toBeChecked();
});
