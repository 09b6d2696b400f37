// The link checker's rules without sockets: the range classifier (tricky IPv4/IPv6 forms), the per-hop
// policy with a fake resolver and probe (HEAD → GET fallback, redirects re-checked, refused ranges, limits),
// and the cache on Sesame's clock; plus the engine members over a stored message.
import { describe, expect, test } from 'vitest';
import type { MessageLink } from '../../../src-main/contract/mime-tree';
import { FakeClock } from '../../../src-main/core/clock';
import {
  createLimiter,
  createLinkChecker,
  LINK_CHECK_CACHE_MS,
  type LinkProbe,
  type LinkProbeRequest,
  type LinkProbeResponse,
} from '../../../src-main/core/inspect/link-check';
import { parseIpv6, refusedRange } from '../../../src-main/core/inspect/link-ranges';
import type { SettingsStore } from '../../../src-main/core/store/types';
import { crlf, makeEngine, rawRequest, T0 } from './helpers';

function memorySettings(): SettingsStore {
  const m = new Map<string, unknown>();
  return { get: <T>(k: string) => m.get(k) as T | undefined, put: (k, v) => void m.set(k, v), delete: (k) => void m.delete(k), clear: () => m.clear() };
}

const hostOf = (url: string) => new URL(url).hostname.replace(/^\[|\]$/g, '');

describe('refusedRange', () => {
  test.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.1.2', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.10', 'private'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['169.254.169.254', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1%eth0', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'IPv4-mapped 127.0.0.1: loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped 127.0.0.1: loopback'],
    ['0:0:0:0:0:ffff:a9fe:a9fe', 'IPv4-mapped 169.254.169.254: link-local'],
    ['::127.0.0.1', 'IPv4-compatible 127.0.0.1'],
    ['64:ff9b::10.0.0.1', 'NAT64 10.0.0.1: private'],
    ['2002:c0a8:0101::1', '6to4 192.168.1.1: private'],
  ])('%s is refused (%s)', (ip, reason) => {
    expect(refusedRange(ip)).toContain(reason);
  });

  test.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8', '2001:4860:4860::8888'])('%s is public', (ip) => {
    expect(refusedRange(ip)).toBeNull();
  });

  test('not an IP literal is refused; malformed IPv6 does not parse', () => {
    expect(refusedRange('localhost')).toMatch(/not an IP/);
    expect(parseIpv6('1::2::3')).toBeUndefined();
    expect(parseIpv6('1:2:3:4:5:6:7:8:9')).toBeUndefined();
    expect(parseIpv6('::ffff:300.1.1.1')).toBeUndefined();
  });

  test('decimal, hex and octal IPv4 URL hosts normalise to loopback/private literals', () => {
    expect(hostOf('http://2130706433/')).toBe('127.0.0.1');
    expect(hostOf('http://0x7f.1/')).toBe('127.0.0.1');
    expect(hostOf('http://0177.0.0.01/')).toBe('127.0.0.1');
    expect(hostOf('http://012.1/')).toBe('10.0.0.1');
    expect(hostOf('http://[::ffff:127.0.0.1]/')).toBe('::ffff:7f00:1');
    for (const u of ['http://2130706433/', 'http://0x7f.1/', 'http://0177.0.0.01/', 'http://[::ffff:127.0.0.1]/']) {
      expect(refusedRange(hostOf(u))).not.toBeNull();
    }
  });
});

type Route = (req: LinkProbeRequest) => LinkProbeResponse | Error;

function setup(dns: Record<string, string[]>, route: Route, allowPrivate = false) {
  const clock = new FakeClock(T0);
  const calls: LinkProbeRequest[] = [];
  const probe: LinkProbe = async (req) => {
    calls.push(req);
    const r = route(req);
    if (r instanceof Error) throw r;
    return r;
  };
  const resolves: string[] = [];
  let links: MessageLink[] = [];
  const settings = memorySettings();
  const checker = createLinkChecker({
    clock,
    settings,
    links: async (id) => (id === 'm1' ? links : undefined),
    resolve: async (host) => {
      resolves.push(host);
      if (!dns[host]) throw new Error(`getaddrinfo ENOTFOUND ${host}`);
      return dns[host];
    },
    probe,
  });
  if (allowPrivate) checker.allowPrivate(true);
  const check = async (...urls: string[]) => {
    links = urls.map((url) => ({ kind: 'a', url, text: null, partPath: '1' }));
    return (await checker.check('m1'))!.results;
  };
  return { clock, calls, resolves, checker, check };
}

const res = (status: number, location: string | null = null): LinkProbeResponse => ({ status, location });

describe('createLinkChecker', () => {
  test('public host: HEAD 200 is ok; connects to the address resolved once', async () => {
    const t = setup({ 'example.com': ['93.184.216.34'] }, () => res(200));
    const [r] = await t.check('https://example.com/a');
    expect(r).toMatchObject({ outcome: 'ok', status: 200, method: 'HEAD', redirects: 0, finalUrl: 'https://example.com/a', error: null });
    expect(t.calls).toEqual([expect.objectContaining({ url: 'https://example.com/a', address: '93.184.216.34', method: 'HEAD' })]);
    expect(t.resolves).toEqual(['example.com']);
  });

  test('405 and 501 to HEAD, or a failed HEAD, fall back to GET; 404 is broken', async () => {
    const t = setup({ 'a.test': ['93.184.216.34'], 'b.test': ['93.184.216.35'], 'c.test': ['93.184.216.36'] }, (req) => {
      const host = new URL(req.url).hostname;
      if (req.method === 'HEAD') return host === 'a.test' ? res(405) : host === 'b.test' ? new Error('ECONNRESET') : res(501);
      return host === 'c.test' ? res(404) : res(206);
    });
    const [a, b, c] = await t.check('http://a.test/', 'http://b.test/', 'http://c.test/');
    expect(a).toMatchObject({ outcome: 'ok', status: 206, method: 'GET' });
    expect(b).toMatchObject({ outcome: 'ok', status: 206, method: 'GET' });
    expect(c).toMatchObject({ outcome: 'broken', status: 404, method: 'GET' });
    expect(t.calls.filter((c) => c.method === 'GET').every((c) => c.maxBytes <= 8192)).toBe(true);
  });

  test('both HEAD and GET failing is an error with both reasons; DNS failure is an error', async () => {
    const t = setup({ 'down.test': ['93.184.216.34'] }, (req) => new Error(req.method === 'HEAD' ? 'timed out' : 'ECONNREFUSED'));
    const [r, d] = await t.check('http://down.test/', 'http://nowhere.test/');
    expect(r).toMatchObject({ outcome: 'error', status: null, error: 'HEAD: timed out; GET: ECONNREFUSED' });
    expect(d).toMatchObject({ outcome: 'error', error: expect.stringContaining('ENOTFOUND nowhere.test') });
  });

  test('loopback, private literal and names resolving to private addresses are refused without any request', async () => {
    const t = setup({ 'internal.test': ['10.0.0.5'], 'rebind.test': ['::ffff:127.0.0.1'] }, () => res(200));
    const rs = await t.check('http://127.0.0.1:8080/', 'http://2130706433/', 'http://internal.test/', 'http://rebind.test/', 'http://[::1]/');
    expect(rs.map((r) => r.outcome)).toEqual(['refused', 'refused', 'refused', 'refused', 'refused']);
    expect(rs[2].refusedReason).toBe('10.0.0.5 is private (10.0.0.0/8)');
    expect(rs[3].refusedReason).toContain('loopback');
    expect(t.calls).toEqual([]);
  });

  test('a redirect to a private address is refused at that hop', async () => {
    const t = setup({ 'public.test': ['93.184.216.34'] }, () => res(302, 'http://169.254.169.254/latest/meta-data/'));
    const [r] = await t.check('http://public.test/go');
    expect(r).toMatchObject({ outcome: 'refused', redirects: 1, finalUrl: 'http://169.254.169.254/latest/meta-data/' });
    expect(r.refusedReason).toContain('link-local');
    expect(r.hops.map((h) => h.status)).toEqual([302, null]);
    expect(t.calls).toHaveLength(1);
  });

  test('redirects: relative Locations followed, at most 5, non-HTTP targets are errors', async () => {
    const t = setup({ 'r.test': ['93.184.216.34'] }, (req) => {
      const u = new URL(req.url);
      const n = Number(u.searchParams.get('n') ?? 0);
      if (u.pathname === '/chain') return n < 3 ? res(301, `/chain?n=${n + 1}`) : res(200);
      if (u.pathname === '/loop') return res(302, `/loop?n=${n + 1}`);
      return res(302, 'ftp://r.test/file');
    });
    const [chain, loop, ftp] = await t.check('http://r.test/chain', 'http://r.test/loop', 'http://r.test/ftp');
    expect(chain).toMatchObject({ outcome: 'ok', status: 200, redirects: 3, finalUrl: 'http://r.test/chain?n=3' });
    expect(loop).toMatchObject({ outcome: 'error', error: 'more than 5 redirects', redirects: 5 });
    expect(loop.hops).toHaveLength(6);
    expect(ftp).toMatchObject({ outcome: 'error', error: 'redirect to a non-HTTP URL: ftp://r.test/file' });
  });

  test('mailto, tel, cid and garbage are listed as not checked', async () => {
    const t = setup({}, () => res(200));
    const rs = await t.check('mailto:a@example.com', 'tel:+123', 'cid:logo@x', 'http://[bad');
    expect(rs.map((r) => r.outcome)).toEqual(['not-checked', 'not-checked', 'not-checked', 'not-checked']);
    expect(rs[3].error).toBe('not a valid URL');
    expect(t.calls).toEqual([]);
  });

  test('allowPrivate lets loopback through and is persisted; changing it drops the cache', async () => {
    const t = setup({}, () => res(204), true);
    const [r] = await t.check('http://127.0.0.1:9/');
    expect(r).toMatchObject({ outcome: 'ok', status: 204, cached: false });
    expect(t.checker.allowPrivate()).toBe(true);
    t.checker.allowPrivate(false);
    const [again] = await t.check('http://127.0.0.1:9/');
    expect(again).toMatchObject({ outcome: 'refused', cached: false });
  });

  test('results are cached per URL for LINK_CHECK_CACHE_MS of Sesame time', async () => {
    const t = setup({ 'c.test': ['93.184.216.34'] }, () => res(200));
    await t.check('http://c.test/');
    const [hit] = await t.check('http://c.test/');
    expect(hit.cached).toBe(true);
    expect(t.calls).toHaveLength(1);
    t.clock.advance(LINK_CHECK_CACHE_MS);
    const [fresh] = await t.check('http://c.test/');
    expect(fresh.cached).toBe(false);
    expect(t.calls).toHaveLength(2);
  });

  test('unknown message: undefined', async () => {
    const t = setup({}, () => res(200));
    expect(await t.checker.check('nope')).toBeUndefined();
  });
});

describe('createLimiter', () => {
  test('caps overall and per key', async () => {
    const run = createLimiter(3, 2);
    let now = 0;
    let peak = 0;
    const perKey = new Map<string, number>();
    let peakKey = 0;
    const gates: (() => void)[] = [];
    const task = (key: string) =>
      run(key, async () => {
        now++;
        perKey.set(key, (perKey.get(key) ?? 0) + 1);
        peak = Math.max(peak, now);
        peakKey = Math.max(peakKey, perKey.get(key)!);
        await new Promise<void>((r) => gates.push(r));
        now--;
        perKey.set(key, perKey.get(key)! - 1);
      });
    let finished = false;
    const all = Promise.all(['a', 'a', 'a', 'a', 'b', 'b', 'c'].map(task)).then(() => (finished = true));
    while (!finished) {
      await new Promise((r) => setImmediate(r));
      gates.shift()?.();
    }
    await all;
    expect(peak).toBe(3);
    expect(peakKey).toBe(2);
  });
});

describe('engine.inspect.checkLinks', () => {
  test('checks a stored message through the injected resolver and probe; no injection → errors, not crashes', async () => {
    const html = '<a href="http://shop.test/x">Shop</a> <img src="http://127.0.0.1/p.gif" alt="p"> <a href="mailto:a@b.test">m</a>';
    const raw = crlf('From: a@example.com', 'To: b@example.com', 'Subject: links', 'MIME-Version: 1.0', 'Content-Type: text/html; charset=utf-8', '', html, '');
    const { engine } = makeEngine({ linkCheck: { resolve: async () => ['93.184.216.34'], probe: async () => ({ status: 200, location: null }) } });
    const { messageId } = await engine.sending.send(rawRequest(raw));
    const report = await engine.inspect.checkLinks(messageId);
    expect(report?.allowPrivate).toBe(false);
    expect(report?.results.map((r) => [r.kind, r.outcome])).toEqual([
      ['a', 'ok'],
      ['img', 'refused'],
      ['a', 'not-checked'],
    ]);
    expect(await engine.inspect.checkLinks('nope')).toBeUndefined();
    engine.close();

    const bare = makeEngine().engine;
    const id = (await bare.sending.send(rawRequest(raw))).messageId;
    expect((await bare.inspect.checkLinks(id))?.results[0]).toMatchObject({ outcome: 'error', error: 'DNS: this Sesame has no DNS resolver for link checks' });
    expect(bare.inspect.linkCheckAllowPrivate(true)).toBe(true);
    expect((await bare.inspect.checkLinks(id))?.results[1]).toMatchObject({ outcome: 'error', error: 'this Sesame has no outbound HTTP for link checks' });
    bare.close();
  });
});
