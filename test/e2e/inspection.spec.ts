// End to end (issue 5): inspecting a message in the UI. A domain identity created with the real SDK is
// published to Sesame's local zone through the UI API; mail sent from it is DKIM-signed, so the
// Authentication tab shows a passing DKIM signature for that domain, SPF/DMARC results and the checklist; the
// MIME tab shows the structure with a calendar card and serves a part; the HTML tab previews at phone, tablet
// and desktop widths and in dark / inverted schemes; SMTP mail shows its session transcript. Screenshots go
// to /tmp/shots5/.
import { CreateEmailIdentityCommand, SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mkdirSync } from 'node:fs';
import { createTransport } from 'nodemailer';
import { test, expect } from './sesame-fixture';

const SHOTS = '/tmp/shots5';
mkdirSync(SHOTS, { recursive: true });
const DOMAIN = 'dkim-e2e.example';
const TOKEN = { 'x-sesame-token': 'e2e-token' };

const RAW = [
  `From: News <news@${DOMAIN}>`,
  'To: reader@example.org',
  'Subject: Inspection e2e',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="outer"',
  '',
  '--outer',
  'Content-Type: multipart/alternative; boundary="inner"',
  '',
  '--inner',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Planning meeting on Dec 1.',
  '--inner',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<html><head><style>body{background:#fff;color:#111} #mode:after{content:"light"} @media (prefers-color-scheme: dark){body{background:#000;color:#eee} #mode:after{content:"dark"}}</style></head>',
  '<body><h1 id="hello">Planning meeting</h1><p id="mode">Scheme: </p><a href="https://example.com/agenda">Agenda</a><div style="max-width:600px;background:#2a6;height:40px"></div></body></html>',
  '--inner',
  'Content-Type: text/calendar; charset=utf-8; method=REQUEST',
  '',
  'BEGIN:VCALENDAR',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'UID:e2e-1@example.com',
  'DTSTART:20261201T100000Z',
  'DTEND:20261201T110000Z',
  'SUMMARY:Planning meeting',
  'LOCATION:Room 4',
  `ORGANIZER;CN=News:mailto:news@${DOMAIN}`,
  'ATTENDEE;CN=Reader;PARTSTAT=NEEDS-ACTION:mailto:reader@example.org',
  'END:VEVENT',
  'END:VCALENDAR',
  '--inner--',
  '--outer--',
  '',
].join('\r\n');

test('Authentication, MIME and HTML previews of a DKIM-signed message', async ({ page, sesame }) => {
  const client = new SESv2Client({ endpoint: sesame.aws, region: 'us-east-1', credentials: { accessKeyId: 'AKIAE2E', secretAccessKey: 's' } });
  await client.send(new CreateEmailIdentityCommand({ EmailIdentity: DOMAIN }));
  const published = await fetch(new URL(`/api/identities/${DOMAIN}/publish`, sesame.ui), {
    method: 'POST',
    headers: TOKEN,
  });
  expect(published.status).toBe(200);
  const out = await client.send(
    new SendEmailCommand({
      FromEmailAddress: `news@${DOMAIN}`,
      Destination: { ToAddresses: ['reader@example.org'] },
      Content: { Raw: { Data: Buffer.from(RAW) } },
    }),
  );
  client.destroy();

  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(sesame.ui);
  await page.locator(`[data-testid="inbox-row"][data-message-id="${out.MessageId}"]`).click();
  await expect(page.getByTestId('message-subject')).toHaveText('Inspection e2e');

  // Authentication: one DKIM signature for the identity domain, passing.
  await page.getByTestId('tab-authentication').click();
  const dkim = page.getByTestId('dkim-row');
  await expect(dkim).toHaveCount(1);
  await expect(dkim).toContainText(DOMAIN);
  await expect(dkim.getByTestId('dkim-result')).toHaveText('pass');
  await expect(page.getByTestId('spf-result')).toBeVisible();
  await expect(page.getByTestId('dmarc-result')).toBeVisible();
  await expect(page.getByTestId('auth-results')).toContainText(`dkim=pass`);
  await expect(page.getByTestId('checklist-item').first()).toBeVisible();
  await page.setViewportSize({ width: 1400, height: 1500 });
  await page.screenshot({ path: `${SHOTS}/authentication.png` });
  await page.setViewportSize({ width: 1400, height: 900 });

  // MIME: the tree with the calendar card; a part is served for download with the inert CSP.
  await page.getByTestId('tab-mime').click();
  await expect(page.locator('[data-testid="mime-part"][data-type="multipart/mixed"]')).toBeVisible();
  await expect(page.locator('[data-testid="mime-part"][data-type="text/html"]')).toBeVisible();
  await expect(page.getByTestId('ics-card')).toContainText('Planning meeting');
  await expect(page.getByTestId('ics-card')).toContainText('Room 4');
  const html = page.locator('[data-testid="mime-part"][data-type="text/html"]');
  const href = await html.getByTestId('part-download').getAttribute('href');
  const part = await page.request.get(new URL(href!, sesame.ui).toString());
  expect(part.status()).toBe(200);
  expect(part.headers()['content-security-policy']).toBe("default-src 'none'; sandbox");
  expect(part.headers()['content-disposition']).toMatch(/^attachment/);
  expect(await part.text()).toContain('<h1 id="hello">Planning meeting</h1>');
  const link = page.locator('[data-testid="link-row"][data-kind="a"]');
  await expect(link).toContainText('https://example.com/agenda');
  await expect(link).toContainText('Agenda');
  await expect(link.locator('a')).toHaveCount(0);
  await page.setViewportSize({ width: 1400, height: 1200 });
  await page.screenshot({ path: `${SHOTS}/mime.png` });
  await page.setViewportSize({ width: 1400, height: 900 });

  // HTML previews at each width, then dark and inverted.
  await page.getByTestId('tab-html').click();
  const frameEl = page.getByTestId('html-frame');
  const frame = page.frameLocator('[data-testid="html-frame"]');
  await expect(frame.locator('#hello')).toHaveText('Planning meeting');
  for (const [w, px] of [['phone', 375], ['tablet', 768], ['desktop', 0]] as const) {
    await page.getByTestId(`width-${w}`).click();
    await expect(page.getByTestId('html-stage')).toHaveAttribute('data-width', w);
    const box = await frameEl.boundingBox();
    if (px) expect(Math.round(box!.width)).toBe(px);
    else expect(box!.width).toBeGreaterThan(800);
    await page.screenshot({ path: `${SHOTS}/html-${w}.png` });
  }
  const modeText = () => frame.locator('#mode').evaluate((el) => getComputedStyle(el, '::after').content);
  expect(await modeText()).toBe('"light"');
  await page.getByTestId('scheme-dark').click();
  await expect.poll(modeText).toBe('"dark"');
  await page.screenshot({ path: `${SHOTS}/html-dark.png` });
  await page.getByTestId('scheme-inverted').click();
  await expect(page.getByTestId('scheme-note')).toContainText('approximation');
  expect(await frameEl.evaluate((el) => getComputedStyle(el).filter)).toContain('invert(1)');
  await page.screenshot({ path: `${SHOTS}/html-inverted.png` });
  // The sandbox is unchanged by the previews.
  expect(await frameEl.getAttribute('sandbox')).toBe('allow-popups allow-popups-to-escape-sandbox');
});

test('SMTP mail shows its session transcript in the Envelope tab, AUTH masked', async ({ page, sesame }) => {
  const transport = createTransport({
    host: '127.0.0.1',
    port: sesame.ports.smtp,
    secure: false,
    ignoreTLS: true,
    auth: { user: 'AKIASMTPE2E', pass: 'sekrit-password-123' },
  });
  const info = await transport.sendMail({ from: 'smtp@example.com', to: 'rcpt@example.org', subject: 'Transcript e2e', text: 'secret body line' });
  transport.close();
  expect(info.accepted).toEqual(['rcpt@example.org']);

  await page.goto(sesame.ui);
  await page.locator('[data-testid="inbox-row"]', { hasText: 'Transcript e2e' }).click();
  await page.getByTestId('tab-envelope').click();
  const t = page.getByTestId('smtp-transcript');
  await expect(t).toContainText('EHLO');
  await expect(t).toContainText('MAIL FROM');
  await expect(t).toContainText('RCPT TO');
  await expect(t).not.toContainText('sekrit-password-123');
  await expect(t).not.toContainText('secret body line');
  await page.screenshot({ path: `${SHOTS}/smtp-transcript.png`, fullPage: true });
});
