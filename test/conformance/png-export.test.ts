// PNG export of the HTML preview outside Electron, through the machine's REAL Chromium (playwright-core,
// never a downloaded browser): GET /api/messages/:id/preview.png renders exactly the sandboxed preview —
// at the asked width, in the dark variant when asked, with the mail's script NOT run and its remote image
// NOT fetched — and answers clear errors (bad width, no HTML part, no browser). Skips visibly without Chromium.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { findChromium } from '../../src-main/adapters/screenshot/chromium-png';
import { TOKEN_HEADER } from '../../src-main/contract/ui-api';
import { decodePng } from '../helpers/png';
import { sesv2Client } from '../helpers/sdk-clients';
import { startTestSesame, TEST_UI_TOKEN, type TestSesame } from '../helpers/start-headless';

const CHROMIUM = findChromium('auto');

// Red page whose script would turn it green; a remote image the capture must not fetch; a dark-mode rule.
const html = (remote: string) => `<!doctype html><html><head><style>
  body { margin: 0; background: #ff0000; }
  @media (prefers-color-scheme: dark) { body { background: #0000ff; } }
</style></head><body><div style="height: 1500px">Sale</div><img src="${remote}/pixel.png">
<script>document.body.style.background = '#00ff00'</script></body></html>`;

describe.skipIf(!CHROMIUM)('PNG export through Chromium', () => {
  let sesame: TestSesame;
  let remote: Server;
  let remoteHits = 0;
  let id: string;
  let plainId: string;

  const png = (msg: string, query: string) =>
    fetch(`http://127.0.0.1:${sesame.ports.ui}/api/messages/${msg}/preview.png${query}`, { headers: { [TOKEN_HEADER]: TEST_UI_TOKEN } });

  beforeAll(async () => {
    remote = createServer((_q, s) => {
      remoteHits++;
      s.end();
    }).listen(0, '127.0.0.1');
    await new Promise((r) => remote.once('listening', r));
    sesame = await startTestSesame();
    const client = sesv2Client(sesame);
    const send = (body: { Html?: { Data: string }; Text?: { Data: string } }) =>
      client.send(
        new SendEmailCommand({
          FromEmailAddress: 'shop@example.com',
          Destination: { ToAddresses: ['ann@example.org'] },
          Content: { Simple: { Subject: { Data: 'Export me' }, Body: body } },
        }),
      );
    id = (await send({ Html: { Data: html(`http://127.0.0.1:${(remote.address() as AddressInfo).port}`) } })).MessageId!;
    plainId = (await send({ Text: { Data: 'only text' } })).MessageId!;
  });
  afterAll(async () => {
    await sesame?.close();
    remote?.close();
  });

  it('renders the preview at the asked width and full height, script not run, remote content not fetched', async () => {
    expect(sesame.info.pngExport).toBe(true);
    const res = await png(id, '?width=375');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toContain('-375px.png');
    const img = decodePng(Buffer.from(await res.arrayBuffer()));
    expect(img.width).toBe(375);
    expect(img.height).toBeGreaterThanOrEqual(1500); // the whole page, not the 900 px viewport
    expect(img.pixel(200, 300)).toEqual([255, 0, 0]); // red: the mail's script did not run
    expect(remoteHits).toBe(0);
  }, 60_000);

  it('renders the dark variant with the mail’s prefers-color-scheme rules', async () => {
    const img = decodePng(Buffer.from(await (await png(id, '?width=600&scheme=dark')).arrayBuffer()));
    expect(img.width).toBe(600);
    expect(img.pixel(200, 300)).toEqual([0, 0, 255]);
  }, 60_000);

  it('is as tall as the mail, not the browser window (short mail without a doctype, quirks mode)', async () => {
    const short = await sesv2Client(sesame).send(
      new SendEmailCommand({
        FromEmailAddress: 'shop@example.com',
        Destination: { ToAddresses: ['ann@example.org'] },
        Content: { Simple: { Subject: { Data: 'Short' }, Body: { Html: { Data: '<h1>Sale today</h1><p>Everything must go.</p>' } } } },
      }),
    );
    const img = decodePng(Buffer.from(await (await png(short.MessageId!, '?width=600')).arrayBuffer()));
    expect(img.width).toBe(600);
    expect(img.height).toBeGreaterThan(40);
    expect(img.height).toBeLessThan(300); // the window is 900 px tall
  }, 60_000);

  it('answers clear errors', async () => {
    const bad = await png(id, '?width=5');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toContain('200..2000');
    const noHtml = await png(plainId, '');
    expect(noHtml.status).toBe(404);
    expect(((await noHtml.json()) as { message: string }).message).toContain('has no HTML part');
    expect((await png('no-such-message', '')).status).toBe(404);
    const anonymous = await fetch(`http://127.0.0.1:${sesame.ports.ui}/api/messages/${id}/preview.png`);
    expect(anonymous.status).toBe(401);
  });

  it('is "not available" (501) when no browser is configured', async () => {
    const off = await startTestSesame({ inspect: { chromium: null } });
    try {
      expect(off.info.pngExport).toBe(false);
      const sent = await sesv2Client(off).send(
        new SendEmailCommand({ FromEmailAddress: 'shop@example.com', Destination: { ToAddresses: ['a@example.org'] }, Content: { Simple: { Subject: { Data: 's' }, Body: { Html: { Data: '<p>x</p>' } } } } }),
      );
      const res = await fetch(`http://127.0.0.1:${off.ports.ui}/api/messages/${sent.MessageId}/preview.png`, { headers: { [TOKEN_HEADER]: TEST_UI_TOKEN } });
      expect(res.status).toBe(501);
      expect(((await res.json()) as { code: string; message: string }).message).toContain('--chromium');
    } finally {
      await off.close();
    }
  });
});
