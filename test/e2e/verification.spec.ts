// End to end: identity verification as a user lives it. An identity created with the real SDK gets SES's
// verification email in Sesame's inbox; opening it in the UI shows the HTML with a clickable link; clicking it
// opens SES's "Congratulations!" page in a new tab, and the identity is verified. This file runs its own CLI
// (the shared fixture auto-verifies; here auto-verify is turned off through the automation API).
import { CreateEmailIdentityCommand, GetEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { test, expect, startCli, type ReadyInfo } from './sesame-fixture';

let cli: { ready: ReadyInfo; stop: () => Promise<void> };

test.beforeAll(async () => {
  cli = await startCli();
  const res = await fetch(`${cli.ready.aws}/_sesame/account`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ autoVerify: false }),
  });
  expect(res.status).toBe(200);
});

test.afterAll(async () => {
  await cli?.stop();
});

test('create an identity, open the verification email, click the link: the identity is verified', async ({ page }) => {
  const client = new SESv2Client({ endpoint: cli.ready.aws, region: 'us-east-1', credentials: { accessKeyId: 'AKIAE2E', secretAccessKey: 's' } });
  const created = await client.send(new CreateEmailIdentityCommand({ EmailIdentity: 'new-user@example.com' }));
  expect(created.VerifiedForSendingStatus).toBe(false);

  await page.goto(cli.ready.ui);
  const row = page.locator('[data-testid="inbox-row"]', { hasText: 'Email Address Verification Request' });
  await expect(row).toBeVisible();
  await row.click();
  await expect(page.getByTestId('message-subject')).toHaveText(
    'Amazon Web Services – Email Address Verification Request in region US East (N. Virginia)',
  );

  const frame = page.frameLocator('[data-testid="html-frame"]');
  await expect(frame.locator('body')).toContainText('Dear Amazon Web Services Customer,');
  const link = frame.locator('a[href*="/_sesame/verify-email?token="]');
  await expect(link).toHaveAttribute('href', new RegExp(`^${cli.ready.aws.replace(/[.]/g, '\\.')}/_sesame/verify-email\\?token=`));
  const [popup] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await popup.waitForLoadState();
  await expect(popup.getByTestId('verify-email-result')).toContainText('Congratulations!');
  await expect(popup.getByTestId('verify-email-result')).toContainText('You have successfully verified an email address.');
  // The app itself did not navigate.
  expect(new URL(page.url()).pathname).toBe('/');
  await popup.close();

  const got = await client.send(new GetEmailIdentityCommand({ EmailIdentity: 'new-user@example.com' }));
  expect(got).toMatchObject({ VerificationStatus: 'SUCCESS', VerifiedForSendingStatus: true });
  client.destroy();
});
