// The link check against real local HTTP servers (node:http on 127.0.0.1, never the network): the real probe
// and resolver adapters under the core's policy — 200, 404, 405 → careful GET fallback (Range, body not read),
// redirect chains, a slow server timing out, Host/SNI kept while connecting to the resolved address — and the
// whole route over the UI API for a message sent with the real SDK: refused by default, checked once
// private addresses are allowed.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpProbe, lookupAll } from '../../src-main/adapters/link-check/http-probe';
import type { LinkCheckReport } from '../../src-main/contract/link-check';
import { TOKEN_HEADER } from '../../src-main/contract/ui-api';
import { systemClock } from '../../src-main/core/clock';
import { createLinkChecker } from '../../src-main/core/inspect/link-check';
import type { MessageLink } from '../../src-main/contract/mime-tree';
import type { SettingsStore } from '../../src-main/core/store/types';
import { sesv2Client } from '../helpers/sdk-clients';
import { startTestSesame, TEST_UI_TOKEN, type TestSesame } from '../helpers/start-headless';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}
let server: Server;
let base: string;
let port: number;
const seen: Seen[] = [];
/** Resolves with whether the whole big GET body had been sent when the connection closed. */
let getBodyClosed: Promise<boolean>;
let markGetClosed: (finished: boolean) => void;

beforeAll(async () => {
  getBodyClosed = new Promise((r) => (markGetClosed = r));
  server = createServer((req, res) => {
    seen.push({ method: req.method!, url: req.url!, headers: req.headers });
    const path = new URL(req.url!, 'http://x').pathname;
    if (path === '/ok') return res.writeHead(200, { 'content-type': 'text/plain' }).end(req.method === 'HEAD' ? undefined : 'ok');
    if (path === '/missing') return res.writeHead(404).end();
    if (path === '/nohead') {
      if (req.method === 'HEAD') return res.writeHead(405, { allow: 'GET' }).end();
      // A big body: the probe must read a few KB at most and hang up, never wait for the rest.
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let sent = 0;
      const pump = () => {
        while (sent < 50 && res.write(chunk)) sent++;
        if (sent >= 50) res.end();
      };
      res.on('drain', pump);
      res.on('close', () => markGetClosed(res.writableFinished));
      return pump();
    }
    const hop = /^\/r(\d)$/.exec(path);
    if (hop) return res.writeHead(Number(hop[1]) > 1 ? 302 : 301, { location: Number(hop[1]) > 1 ? `/r${Number(hop[1]) - 1}` : '/ok' }).end();
    if (path === '/loop') return res.writeHead(302, { location: '/loop' }).end();
    if (path === '/slow') return; // never answers
    res.writeHead(500).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

function memorySettings(): SettingsStore {
  const m = new Map<string, unknown>();
  return { get: <T>(k: string) => m.get(k) as T | undefined, put: (k, v) => void m.set(k, v), delete: (k) => void m.delete(k), clear: () => m.clear() };
}

/** The core policy with the real adapters; `shop.test` resolves to loopback only through this resolver. */
function realChecker(timeoutMs = 2000) {
  let links: MessageLink[] = [];
  const checker = createLinkChecker({
    clock: systemClock,
    settings: memorySettings(),
    links: async () => links,
    resolve: async (host) => (host === 'shop.test' ? ['127.0.0.1'] : lookupAll(host)),
    probe: httpProbe,
    timeoutMs,
  });
  checker.allowPrivate(true);
  return async (...urls: string[]) => {
    links = urls.map((url) => ({ kind: 'a' as const, url, text: null, partPath: '1' }));
    return (await checker.check('m'))!.results;
  };
}

describe('real probe against local servers (private addresses allowed)', () => {
  it('200 by HEAD, 404 broken, redirect chain followed, redirect loop stopped after 5', async () => {
    const check = realChecker();
    const [ok, missing, chain, loop] = await check(`${base}/ok`, `${base}/missing`, `${base}/r3`, `${base}/loop`);
    expect(ok).toMatchObject({ outcome: 'ok', status: 200, method: 'HEAD', redirects: 0 });
    expect(missing).toMatchObject({ outcome: 'broken', status: 404, method: 'HEAD' });
    expect(chain).toMatchObject({ outcome: 'ok', status: 200, redirects: 3, finalUrl: `${base}/ok` });
    expect(chain.hops.map((h) => [new URL(h.url).pathname, h.status])).toEqual([
      ['/r3', 302],
      ['/r2', 302],
      ['/r1', 301],
      ['/ok', 200],
    ]);
    expect(loop).toMatchObject({ outcome: 'error', error: 'more than 5 redirects', redirects: 5 });
    expect(seen.filter((s) => s.url === '/loop')).toHaveLength(6);
  });

  it('405 to HEAD falls back to GET with Range: bytes=0-0 and hangs up without reading the body', async () => {
    const check = realChecker();
    const started = Date.now();
    const [r] = await check(`${base}/nohead`);
    expect(r).toMatchObject({ outcome: 'ok', status: 200, method: 'GET' });
    const get = seen.find((s) => s.url === '/nohead' && s.method === 'GET');
    expect(get?.headers.range).toBe('bytes=0-0');
    expect(await getBodyClosed).toBe(false); // the probe hung up before the 3 MB body was sent
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a slow server times out (HEAD, then GET) as an error', async () => {
    const check = realChecker(300);
    const [r] = await check(`${base}/slow`);
    expect(r).toMatchObject({ outcome: 'error', status: null, error: 'HEAD: no response within 300 ms; GET: no response within 300 ms' });
    expect(r.latencyMs).toBeGreaterThanOrEqual(550);
  });

  it('connects to the resolved address while sending the URL host (no second DNS lookup)', async () => {
    const check = realChecker();
    const [r] = await check(`http://shop.test:${port}/ok?via=name`);
    expect(r).toMatchObject({ outcome: 'ok', status: 200 });
    expect(r.hops[0].address).toBe('127.0.0.1');
    expect(seen.find((s) => s.url === '/ok?via=name')?.headers.host).toBe(`shop.test:${port}`);
  });

  it('a closed port is a connection error', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const closed = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const [r] = await realChecker()(`http://127.0.0.1:${closed}/`);
    expect(r.outcome).toBe('error');
    expect(r.error).toContain('ECONNREFUSED');
  });
});

describe('POST /api/messages/:id/links/check', () => {
  let sesame: TestSesame;
  beforeAll(async () => {
    sesame = await startTestSesame();
  });
  afterAll(async () => {
    await sesame?.cleanup();
  });
  const post = (id: string, body?: unknown) =>
    fetch(`http://127.0.0.1:${sesame.ports.ui}/api/messages/${id}/links/check`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: TEST_UI_TOKEN, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('loopback links are refused by default, checked once allowed; the setting persists; mailto is not checked', async () => {
    const sent = await sesv2Client(sesame).send(
      new SendEmailCommand({
        FromEmailAddress: 'links@example.com',
        Destination: { ToAddresses: ['to@example.com'] },
        Content: {
          Simple: {
            Subject: { Data: 'links' },
            Body: { Html: { Data: `<a href="${base}/ok">ok</a> <a href="${base}/missing">gone</a> <img src="${base}/r2" alt="i"> <a href="mailto:x@example.com">m</a>` } },
          },
        },
      }),
    );
    const before = seen.length;
    const refused = (await (await post(sent.MessageId!)).json()) as LinkCheckReport;
    expect(refused.allowPrivate).toBe(false);
    expect(refused.results.map((r) => r.outcome)).toEqual(['refused', 'refused', 'refused', 'not-checked']);
    expect(refused.results[0].refusedReason).toBe('127.0.0.1 is loopback (127.0.0.0/8)');
    expect(seen.length).toBe(before); // nothing reached the server

    const allowed = (await (await post(sent.MessageId!, { allowPrivate: true })).json()) as LinkCheckReport;
    expect(allowed.allowPrivate).toBe(true);
    expect(allowed.results.map((r) => [r.kind, r.outcome, r.status])).toEqual([
      ['a', 'ok', 200],
      ['a', 'broken', 404],
      ['img', 'ok', 200],
      ['a', 'not-checked', null],
    ]);
    expect(allowed.results[2]).toMatchObject({ redirects: 2, finalUrl: `${base}/ok` });

    const again = (await (await post(sent.MessageId!)).json()) as LinkCheckReport;
    expect(again.allowPrivate).toBe(true);
    expect(again.results.slice(0, 3).every((r) => r.cached)).toBe(true);
  });

  it('400 for a bad body, 404 for an unknown message, 405 for GET', async () => {
    expect((await post('nope')).status).toBe(404);
    expect((await post('nope', { allowPrivate: 'yes' })).status).toBe(400);
    const get = await fetch(`http://127.0.0.1:${sesame.ports.ui}/api/messages/nope/links/check`, { headers: { [TOKEN_HEADER]: TEST_UI_TOKEN } });
    expect(get.status).toBe(405);
  });
});
