// The per-launch token: header, per-port cookie, ?token= → cookie + redirect, 401s, timing-safe comparison.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { cookiePort, cookieValues, queryWithoutToken, tokenMatches } from '../../../../src-main/adapters/ui-api/auth';
import { startHarness, TOKEN } from './setup';
import type { Harness } from './setup';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

describe('UI API token', () => {
  it('reports its URL with the token', () => {
    expect(h.api.url).toBe(`${h.api.origin}/?token=${TOKEN}`);
    expect(h.api.origin).toBe(`http://127.0.0.1:${h.api.port}`);
    expect(h.api.token).toBe(TOKEN);
  });

  it('accepts the x-sesame-token header', async () => {
    expect((await h.call('/api/info')).status).toBe(200);
  });

  it('accepts the sesame_token_<port> cookie', async () => {
    const res = await h.call('/api/info', { auth: false, headers: { cookie: `other=1; sesame_token_${h.api.port}=${TOKEN}` } });
    expect(res.status).toBe(200);
  });

  it('ignores the token cookie of another port and the unported name (RFC 6265 §8.5: cookies ignore ports)', async () => {
    for (const cookie of [`sesame_token=${TOKEN}`, `sesame_token_${h.api.port + 1}=${TOKEN}`, `sesame_token_${h.api.port}x=${TOKEN}`]) {
      const res = await h.call('/api/info', { auth: false, headers: { cookie } });
      expect(res.status, cookie).toBe(401);
    }
  });

  it('two Sesames on one host keep their own cookies: neither overwrites the other', async () => {
    const other = await startHarness({ token: 'other-token' });
    try {
      const a = String((await h.call(`/?token=${TOKEN}`, { auth: false })).headers['set-cookie']);
      const b = String((await other.call('/?token=other-token', { auth: false })).headers['set-cookie']);
      const nameOf = (c: string) => c.split('=', 1)[0];
      expect(nameOf(a)).toBe(`sesame_token_${h.api.port}`);
      expect(nameOf(b)).toBe(`sesame_token_${other.api.port}`);
      // The browser sends both cookies to both servers (same host); each still authenticates.
      const jar = `${a.split(';')[0]}; ${b.split(';')[0]}`;
      expect((await h.call('/api/info', { auth: false, headers: { cookie: jar } })).status).toBe(200);
      expect((await other.call('/api/info', { auth: false, headers: { cookie: jar } })).status).toBe(200);
    } finally {
      await other.stop();
    }
  });

  it('accepts ?token= on API calls without redirecting (iframe sub-requests)', async () => {
    const res = await h.call(`/api/messages/plain-1/raw?token=${TOKEN}`, { auth: false });
    expect(res.status).toBe(200);
  });

  it('turns ?token= on a page load into an HttpOnly SameSite=Strict cookie and a redirect without it', async () => {
    const res = await h.call(`/inbox?x=1&token=${TOKEN}&y=%2F`, { auth: false });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/inbox?x=1&y=%2F');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toContain(`sesame_token_${h.api.port}=${TOKEN}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    const root = await h.call(`/?token=${TOKEN}`, { auth: false });
    expect(root.headers.location).toBe('/');
  });

  it('never redirects to another host (protocol-relative paths collapse)', async () => {
    const res = await h.call(`//evil.example/x?token=${TOKEN}`, { auth: false });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/evil.example/x');
  });

  it('answers 401 {code, message} without a token or with a wrong one', async () => {
    const none = await h.call('/api/info', { auth: false });
    expect(none.status).toBe(401);
    expect(none.json()).toMatchObject({ code: 'Unauthorized' });
    expect(none.json().message).toMatch(/token/);
    const wrong = await h.call('/api/info', { headers: { 'x-sesame-token': 'nope' } });
    expect(wrong.status).toBe(401);
    const wrongCookie = await h.call('/api/messages', { auth: false, headers: { cookie: `sesame_token_${h.api.port}=nope` } });
    expect(wrongCookie.status).toBe(401);
    const wrongQuery = await h.call('/?token=nope', { auth: false });
    expect(wrongQuery.status).toBe(401);
    expect(wrongQuery.headers['content-type']).toMatch(/^text\/html/);
  });

  it('keeps /api/health open for readiness probes', async () => {
    const res = await h.call('/api/health', { auth: false });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('lets everything through when the token is off (null)', async () => {
    const open = await startHarness({ token: null });
    try {
      expect(open.api.url).toBe(`${open.api.origin}/`);
      expect((await open.call('/api/info', { auth: false })).status).toBe(200);
      expect((await open.call('/', { auth: false })).status).toBe(200);
    } finally {
      await open.stop();
    }
  });
});

describe('token helpers', () => {
  it('compares through equal-length digests (timing-safe for any lengths)', () => {
    const d = createHash('sha256').update('secret').digest();
    expect(tokenMatches(d, 'secret')).toBe(true);
    expect(tokenMatches(d, 'secreT')).toBe(false);
    expect(tokenMatches(d, '')).toBe(false);
    expect(tokenMatches(d, 'secret'.repeat(100))).toBe(false);
  });

  it('reads every value of the cookie and strips only token pairs from the query', () => {
    expect(cookieValues('a=1; sesame_token=x; sesame_token="y%20z"', 'sesame_token')).toEqual(['x', 'y z']);
    expect(cookieValues(undefined, 'sesame_token')).toEqual([]);
    expect(queryWithoutToken('token=a&tokenx=b&t%6Fken=c&&z=%2F')).toBe('tokenx=b&z=%2F');
  });

  it('names the cookie after the port the browser addressed (behind a port mapping too), else the bound one', () => {
    const req = (host?: string) => ({ headers: host === undefined ? {} : { host } }) as IncomingMessage;
    expect(cookiePort(req('127.0.0.1:18025'), 8025)).toBe(18025);
    expect(cookiePort(req('[::1]:9'), 8025)).toBe(9);
    expect(cookiePort(req('localhost'), 8025)).toBe(80);
    expect(cookiePort(req(), 8025)).toBe(8025);
  });
});
