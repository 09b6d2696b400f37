// End to end: the SES-state screens in a real browser against the built CLI. Navigation (inbox by default,
// the screen kept in the address), the Account screen (sandbox badge follows the switch, limits, time
// travel, production access PENDING → GRANTED), Identities (a domain's DNS records, publish to the local
// zone; an address PENDING then marked verified), Suppression (add, search, remove, import), Scenario rules
// (add, move, disable; the rule decides a real send) and a simulator test that opens its Bounce event;
// SES's own error code and text when SES refuses. One screenshot of each screen goes to /tmp/shots/.
// Own server for the file: every test starts from a reset account set up as the fixture's catcher.
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { sesamePerFile, test, expect, uiApi } from './sesame-fixture';

const SHOTS = '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

const sesame = sesamePerFile();

async function api(page: Page, method: 'GET' | 'POST' | 'PATCH', path: string, data?: unknown) {
  const res = await uiApi(page, sesame, method, path, data);
  return res.json();
}

test.beforeEach(async ({ page }) => {
  await api(page, 'POST', '/api/account/reset');
  await api(page, 'PATCH', '/api/account', { sandbox: false, autoVerify: true, max24HourSend: -1, maxSendRate: 1_000_000 });
});

async function open(page: Page, view: string) {
  await page.goto(sesame.ui);
  await page.getByTestId(`nav-${view}`).click();
}

test('the inbox is the default screen; the open screen survives a reload', async ({ page }) => {
  await page.goto(sesame.ui);
  await expect(page.getByTestId('nav-inbox')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('inbox')).toBeVisible();
  await page.getByTestId('nav-suppression').click();
  await expect(page.getByTestId('suppression-screen')).toBeVisible();
  await expect(page.getByTestId('inbox')).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe('#/suppression');
  await page.reload();
  await expect(page.getByTestId('suppression-screen')).toBeVisible();
  await page.getByTestId('nav-inbox').click();
  await expect(page.getByTestId('inbox')).toBeVisible();
});

test('account: the sandbox badge follows the switch; limits, time travel, production access', async ({ page }) => {
  await open(page, 'account');
  const badge = page.getByTestId('sandbox-badge');
  await expect(badge).toHaveText('Production');
  await page.getByTestId('setting-sandbox').click();
  await expect(badge).toHaveText('Sandbox');
  await expect(badge).toHaveAttribute('data-sandbox', 'true');
  expect((await api(page, 'GET', '/api/account')).sandbox).toBe(true);
  await page.getByTestId('setting-sandbox').click();
  await expect(badge).toHaveText('Production');

  await page.getByTestId('setting-max-24h').fill('500');
  await page.getByTestId('setting-rate').fill('5');
  await page.getByTestId('setting-limits-apply').click();
  await expect(page.getByTestId('quota-max')).toHaveText('500');
  await expect(page.getByTestId('quota-rate')).toHaveText('5 per second');

  await page.getByTestId('advance-1h').click();
  await expect(page.getByTestId('time-offset')).toContainText('1 h ahead of real time');
  await page.getByTestId('advance-custom-input').fill('30m');
  await page.getByTestId('advance-custom').click();
  await expect(page.getByTestId('time-offset')).toContainText('1 h 30 min ahead');

  // Production access as SES runs it: a case opens PENDING; Sesame's review decides after a minute of its time.
  await page.getByTestId('setting-sandbox').click();
  await page.getByTestId('pa-website').fill('https://shop.example');
  await page.getByTestId('pa-use-case').fill('Order receipts for our customers.');
  await page.getByTestId('pa-submit').click();
  await expect(page.getByTestId('review-status')).toHaveText('PENDING');
  await expect(badge).toHaveText('Sandbox');
  await page.screenshot({ path: `${SHOTS}/account.png`, fullPage: true });
  await page.getByTestId('advance-1m').click();
  await expect(page.getByTestId('review-status')).toHaveText('GRANTED');
  await expect(badge).toHaveText('Production');

  // Reset (two clicks): a new SES account with the start-up flags re-applied (this CLI runs --production,
  // unlimited): the review is gone, the limits set above too, and the clock is in step again.
  await page.getByTestId('reset-account').click();
  await page.getByTestId('reset-account-confirm').click();
  await expect(page.getByTestId('review')).toHaveCount(0);
  await expect(page.getByTestId('quota-max')).toHaveText('unlimited');
  await expect(page.getByTestId('time-offset')).toHaveText('In step with real time');
  await expect(badge).toHaveText('Production');
});

test('identities: a domain with its DNS records, published to the local zone; an address marked verified', async ({ page }) => {
  await api(page, 'PATCH', '/api/account', { autoVerify: false });
  await open(page, 'identities');
  await expect(page.getByTestId('identities-empty')).toBeVisible();

  await page.getByTestId('identity-input').fill('shop.example');
  await page.getByTestId('identity-create').click();
  const row = page.locator('[data-testid="identity-row"][data-identity="shop.example"]');
  await expect(row).toHaveAttribute('data-status', 'PENDING');
  await expect(page.locator('[data-testid="dns-record"][data-purpose="DKIM"][data-type="CNAME"]')).toHaveCount(3);
  await expect(page.locator('[data-testid="dns-record"][data-purpose="Verification"]')).toContainText('_amazonses.shop.example');
  await page.screenshot({ path: `${SHOTS}/identities.png`, fullPage: true });
  await page.getByTestId('identity-publish').click();
  await expect(page.getByTestId('identity-detail-status')).toHaveAttribute('data-status', 'SUCCESS');
  await expect(page.getByTestId('identity-dkim-status')).toHaveAttribute('data-status', 'SUCCESS');
  await expect(row).toHaveAttribute('data-status', 'SUCCESS');

  await page.getByTestId('identity-input').fill('qa@elsewhere.example');
  await page.getByTestId('identity-create').click();
  await expect(page.getByTestId('identity-detail')).toHaveAttribute('data-identity', 'qa@elsewhere.example');
  await expect(page.getByTestId('verification-email-hint')).toBeVisible();
  await page.getByTestId('identity-mark-verified').click();
  await expect(page.getByTestId('identity-detail-status')).toHaveAttribute('data-status', 'SUCCESS');
  await expect(page.getByTestId('verification-email-hint')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('identity-row')).toHaveCount(2);
});

test('suppression: add, search, remove, import a CSV', async ({ page }) => {
  await open(page, 'suppression');
  await expect(page.getByTestId('suppression-empty')).toBeVisible();
  for (const [address, reason] of [['gone@customer.example', 'BOUNCE'], ['angry@customer.example', 'COMPLAINT']]) {
    await page.getByTestId('suppression-address').fill(address);
    await page.getByTestId('suppression-reason').selectOption(reason);
    await page.getByTestId('suppression-add').click();
    await expect(page.locator(`[data-testid="suppression-row"][data-address="${address}"]`)).toBeVisible();
  }
  await expect(page.getByTestId('suppression-row')).toHaveCount(2);
  await page.getByTestId('suppression-search').fill('angry');
  await expect(page.getByTestId('suppression-row')).toHaveCount(1);
  await page.getByTestId('suppression-search').fill('');
  await page.getByTestId('suppression-filter-bounce').click();
  await expect(page.getByTestId('suppression-row')).toHaveText([/gone@customer\.example/]);
  await page.getByTestId('suppression-filter-all').click();

  await page.getByTestId('suppression-import-file').setInputFiles({
    name: 'list.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('EmailAddress,Reason\nimported@customer.example,BOUNCE\n'),
  });
  await expect(page.getByTestId('suppression-import-result')).toContainText('1 added');
  await expect(page.getByTestId('suppression-row')).toHaveCount(3);
  await expect(page.getByTestId('suppression-export')).toHaveAttribute('href', /\/api\/suppression\/export/);
  await page.screenshot({ path: `${SHOTS}/suppression.png`, fullPage: true });

  await page.locator('[data-testid="suppression-row"][data-address="gone@customer.example"]').getByTestId('suppression-remove').click();
  await expect(page.locator('[data-testid="suppression-row"][data-address="gone@customer.example"]')).toHaveCount(0);
  expect((await api(page, 'GET', '/api/suppression')).items.map((e: { emailAddress: string }) => e.emailAddress)).not.toContain('gone@customer.example');
});

test('scenario rules: add, move, disable; the rule decides a real send; a simulator test opens its Bounce', async ({ page }) => {
  await open(page, 'scenarios');
  await expect(page.getByTestId('rules-empty')).toBeVisible();
  await page.getByTestId('rule-add').click();
  await page.getByTestId('rule-name').fill('Mailbox full for soft-*');
  await page.getByTestId('rule-match-kind').selectOption('glob');
  await page.getByTestId('rule-pattern').fill('soft-*@qa.example');
  await page.getByTestId('rule-action-kind').selectOption('soft-bounce');
  await page.getByTestId('rule-retries').fill('2');
  await page.getByTestId('rule-save').click();
  await expect(page.getByTestId('rule-row')).toHaveCount(1);

  await page.getByTestId('rule-add').click();
  await page.getByTestId('rule-name').fill('Unknown users');
  await page.getByTestId('rule-match-kind').selectOption('domain');
  await page.getByTestId('rule-pattern').fill('nobody.example');
  await page.getByTestId('rule-bounceSubType').selectOption('NoEmail');
  await page.getByTestId('rule-save').click();
  await expect(page.getByTestId('rule-action')).toHaveText([/Soft bounce MailboxFull ×2/, /Hard bounce NoEmail/]);
  await page.getByTestId('rule-row').nth(1).getByTestId('rule-up').click();
  await expect(page.getByTestId('rule-action')).toHaveText([/Hard bounce NoEmail/, /Soft bounce/]);
  await page.getByTestId('rule-row').nth(0).getByTestId('rule-edit').click();
  await expect(page.getByTestId('rule-pattern')).toHaveValue('nobody.example');
  await expect(page.getByTestId('rule-bounceSubType')).toHaveValue('NoEmail');
  await page.getByTestId('rule-status').fill('5.1.2');
  await page.getByTestId('rule-save').click();
  await expect(page.getByTestId('rule-form')).toHaveCount(0);
  await expect(page.getByTestId('rule-action').nth(0)).toHaveText('Hard bounce NoEmail 5.1.2');
  await page.getByTestId('rule-row').nth(1).getByTestId('rule-enabled').click();
  await expect(page.getByTestId('rule-row').nth(1)).toHaveAttribute('data-enabled', 'false');
  await page.screenshot({ path: `${SHOTS}/scenarios.png`, fullPage: true });

  // The rule made in the UI decides a send made with the AWS SDK.
  const client = new SESv2Client({ endpoint: sesame.aws, region: 'us-east-1', credentials: { accessKeyId: 'AKIAE2E', secretAccessKey: 's' } });
  const sent = await client.send(new SendEmailCommand({
    FromEmailAddress: 'app@shop.example',
    Destination: { ToAddresses: ['someone@nobody.example'] },
    Content: { Simple: { Subject: { Data: 'Hello' }, Body: { Text: { Data: 'Hi' } } } },
  }));
  client.destroy();
  await expect.poll(async () => (await api(page, 'GET', `/api/messages/${sent.MessageId}`)).events.map((e: { eventType: string }) => e.eventType)).toEqual(['Send', 'Bounce']);

  await page.getByTestId('simulator-bounce').click();
  await expect(page.getByTestId('nav-inbox')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('tab-events')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[data-testid="event-row"][data-event-type="Bounce"]')).toBeVisible();
  await expect(page.locator('[data-testid="event-row"][data-event-type="Send"]')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/simulator-bounce-events.png` });

  // The DSN SES forwards for bounce@ is in the inbox, names the message it is about, and opens it.
  const bouncedSubject = await page.getByTestId('message-subject').textContent();
  await page.getByTestId('inbox-row').filter({ hasText: 'Delivery Status Notification (Failure)' }).first().click();
  await expect(page.getByTestId('message-door')).toContainText('Sent by SES');
  await page.getByTestId('message-related').getByRole('button').click();
  await expect(page.getByTestId('message-subject')).toHaveText(bouncedSubject!);
});

test("a refusal shows SES's own code and text", async ({ page }) => {
  await api(page, 'PATCH', '/api/account', { autoVerify: false, sandbox: true });
  await api(page, 'POST', '/api/identities', { identity: 'unverified@example.com' });
  await open(page, 'identities');
  await page.getByTestId('simulator-success').click();
  const error = page.getByTestId('simulator-error');
  await expect(error).toHaveAttribute('data-code', 'MessageRejected');
  await expect(error).toHaveText(
    'MessageRejected: Email address is not verified. The following identities failed the check in region US-EAST-1: unverified@example.com',
  );
  await expect(page.getByTestId('identities-screen')).toBeVisible();
});
