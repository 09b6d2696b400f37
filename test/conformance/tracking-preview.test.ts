// Tracking seen from Sesame's own HTML preview in a real Chromium (Debian's /usr/bin/chromium, as the e2e
// suite uses): the preview of a tracked message loads the pixel from the AWS port only when remote content
// is allowed (`?remote=1`; the local CSP blocks it), which records an Open; clicking a link in the preview
// opens the tracking URL in a new tab, which records a Click and lands on the original link.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs } from '../../playwright.config';
import { TOKEN_HEADER } from '../../src-main/contract/ui-api';
import { startTestSesame, TEST_UI_TOKEN, type TestSesame } from '../helpers/start-headless';

const CHROMIUM = process.env.SESAME_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);

let sesame: TestSesame;
let browser: Browser | undefined;
beforeAll(async () => {
  sesame = await startTestSesame();
  sesame.engine.configurationSets.create('preview-tracked');
  sesame.engine.configurationSets.update('preview-tracked', { eventDestinations: [{ name: 'engagement', enabled: true, matchingEventTypes: ['OPEN', 'CLICK'] }] });
  if (hasChromium) browser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs });
});
afterAll(async () => {
  await browser?.close();
  await sesame?.cleanup();
});

const eventCount = async (id: string, type: string) => (await sesame.engine.messages.get(id))!.events.filter((e) => e.eventType === type).length;

it.skipIf(!hasChromium)('the preview records an Open only with remote content on, and a clicked link records a Click and redirects' + (hasChromium ? '' : ' (skipped: no Chromium)'), async () => {
  const landing = `${sesame.urls.aws.replace(/\/$/, '')}/_sesame/health`;
  const { messageId } = await sesame.engine.sending.send({
    caller: { door: 'sesv2', operation: 'SendEmail', sourceIp: '127.0.0.1', accessKeyId: null, requestId: 'r' },
    from: 'news@example.com',
    destination: { to: ['reader@example.com'] },
    configurationSetName: 'preview-tracked',
    content: { kind: 'simple', subject: { data: 'Preview' }, html: { data: `<body><p>Hello</p><a id="go" href="${landing}">Go</a></body>` } },
    maxBytes: 40 * 1024 * 1024,
  });
  const ui = new URL(sesame.urls.ui).origin;
  const context = await browser!.newContext({ extraHTTPHeaders: { [TOKEN_HEADER]: TEST_UI_TOKEN } });
  try {
    const page = await context.newPage();
    // Remote content off (the default): the CSP blocks the pixel on the AWS port.
    await page.goto(`${ui}/api/messages/${encodeURIComponent(messageId)}/html`);
    await expect.poll(() => page.locator('#go').count()).toBe(1);
    await page.waitForLoadState('load');
    expect(await eventCount(messageId, 'Open')).toBe(0);

    // Remote content on: the pixel loads and an Open is recorded with Chromium's User-Agent.
    await page.goto(`${ui}/api/messages/${encodeURIComponent(messageId)}/html?remote=1`);
    await expect.poll(() => eventCount(messageId, 'Open')).toBe(1);
    const open = (await sesame.engine.messages.get(messageId))!.events.find((e) => e.eventType === 'Open')!.payload as { open: { userAgent: string; ipAddress: string } };
    expect(open.open.userAgent).toBe(await page.evaluate(() => navigator.userAgent));
    expect(open.open.ipAddress).toBe('127.0.0.1');

    // A click opens the tracking URL in a new tab, which redirects to the original link.
    const [popup] = await Promise.all([context.waitForEvent('page'), page.locator('#go').click()]);
    await popup.waitForLoadState();
    expect(popup.url()).toBe(landing);
    await expect.poll(() => eventCount(messageId, 'Click')).toBe(1);
  } finally {
    await context.close();
  }
});
