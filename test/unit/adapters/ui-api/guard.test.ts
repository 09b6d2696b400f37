// Host/Origin checks: DNS rebinding (foreign Host) and cross-site requests (foreign Origin) get 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHostAndOrigin, parseHost } from '../../../../src-main/adapters/ui-api/guard';
import { startHarness } from './setup';
import type { Harness } from './setup';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

describe('Host guard', () => {
  it('accepts 127.0.0.1, localhost and [::1] on the bound port', async () => {
    for (const host of [`127.0.0.1:${h.api.port}`, `localhost:${h.api.port}`, `[::1]:${h.api.port}`, `LOCALHOST:${h.api.port}`]) {
      expect((await h.call('/api/info', { headers: { host } })).status, host).toBe(200);
    }
  });

  it('refuses a rebinding Host with 403, before looking at the token', async () => {
    const res = await h.call('/api/info', { headers: { host: `evil.example:${h.api.port}` } });
    expect(res.status).toBe(403);
    expect(res.json()).toMatchObject({ code: 'Forbidden' });
    expect((await h.call('/api/health', { headers: { host: 'evil.example' } })).status).toBe(403);
    expect((await h.call('/', { headers: { host: `127.0.0.1:${h.api.port + 1}` } })).status).toBe(403);
  });
});

describe('Origin guard', () => {
  it('accepts its own origin', async () => {
    const res = await h.call('/api/messages/plain-1/read', { method: 'PUT', headers: { origin: `http://127.0.0.1:${h.api.port}` } });
    expect(res.status).toBe(200);
  });

  it('refuses cross origins, null and file://', async () => {
    for (const origin of ['http://evil.example', `http://localhost:${h.api.port}`, 'null', 'file://', `https://127.0.0.1:${h.api.port}`]) {
      const res = await h.call('/api/messages', { method: 'DELETE', headers: { origin } });
      expect(res.status, origin).toBe(403);
    }
    expect(h.engine.store).toHaveLength(3);
  });

  it('lets the sandboxed preview (Origin: null) read with GET, but not write', async () => {
    expect((await h.call('/api/messages', { headers: { origin: 'null' } })).status).toBe(200);
    expect((await h.call('/api/messages', { headers: { origin: 'http://evil.example' } })).status).toBe(403);
    expect((await h.call('/api/messages/plain-1/read', { method: 'PUT', headers: { origin: 'null' } })).status).toBe(403);
  });
});

describe('guard rules', () => {
  it('parses Host values', () => {
    expect(parseHost('127.0.0.1:80')).toEqual({ name: '127.0.0.1', port: 80 });
    expect(parseHost('[::1]:4578')).toEqual({ name: '[::1]', port: 4578 });
    expect(parseHost('localhost')).toEqual({ name: 'localhost', port: 80 });
    expect(parseHost('a b')).toBeNull();
  });

  it('admits IP-literal Hosts on any port only when the user exposed a non-loopback bind', () => {
    const exposed = { port: 4578, bindHost: '0.0.0.0' };
    expect(checkHostAndOrigin({ host: '192.168.1.5:4578' }, exposed)).toBeNull();
    expect(checkHostAndOrigin({ host: 'localhost:8080' }, exposed)).toBeNull();
    expect(checkHostAndOrigin({ host: 'evil.example:4578' }, exposed)).toMatch(/not allowed/);
    expect(checkHostAndOrigin({ host: '192.168.1.5:4578' }, { port: 4578, bindHost: '127.0.0.1' })).toMatch(/not allowed/);
    expect(checkHostAndOrigin({}, exposed)).toMatch(/Missing Host/);
  });
});
