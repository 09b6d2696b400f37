// Serving the built renderer: index.html with the app CSP, MIME types, caching of hashed assets,
// client-side routes, traversal attempts, and the "not built" page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHashedAsset, resolveUnder } from '../../../../src-main/adapters/ui-api/static-files';
import { startHarness } from './setup';
import type { Harness } from './setup';

const APP_CSP = "default-src 'self'; connect-src 'self'; frame-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

describe('static renderer', () => {
  it('serves index.html for / with the app CSP and no caching', async () => {
    const res = await h.call('/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Sesame UI');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(APP_CSP);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('serves index.html for client-side routes, 404 for missing files', async () => {
    expect((await h.call('/messages/abc')).text).toContain('Sesame UI');
    expect((await h.call('/assets/missing-AbCd1234.js')).status).toBe(404);
  });

  it('serves assets with MIME types; hashed ones cached immutably', async () => {
    const js = await h.call('/assets/index-AbCd1234.js');
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.text).toBe('console.log(1)');
    expect((await h.call('/assets/style-ZZyy9988.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    const svg = await h.call('/favicon.svg');
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.headers['cache-control']).toBe('no-cache');
    const head = await h.call('/assets/index-AbCd1234.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('14');
    expect(head.text).toBe('');
  });

  it('refuses traversal attempts', async () => {
    for (const p of ['/../../../../etc/passwd', '/..%2f..%2f..%2fetc%2fpasswd', '/assets/..%2f..%2f..%2fetc/hostname', '/%2e%2e/%2e%2e/etc/passwd']) {
      const res = await h.call(p);
      expect(res.text, p).not.toMatch(/root:|localhost/);
      expect([400, 404], p).toContain(res.status);
    }
    expect((await h.call('/%00')).status).toBe(404);
    expect((await h.call('/%E0%A4%A')).status).toBe(400);
  });

  it('requires the token for pages too (401 HTML)', async () => {
    const res = await h.call('/', { auth: false });
    expect(res.status).toBe(401);
    expect(res.text).toMatch(/token/i);
  });

  it('refuses other methods on non-API paths', async () => {
    expect((await h.call('/', { method: 'POST' })).status).toBe(405);
  });

  it('says how to build the UI when the renderer is missing', async () => {
    const bare = await startHarness({ withRenderer: false });
    try {
      const res = await bare.call('/');
      expect(res.status).toBe(200);
      expect(res.text).toContain('npm run build');
      expect((await bare.call('/some/route')).text).toContain('npm run build');
    } finally {
      await bare.stop();
    }
  });

  it('path helpers', () => {
    expect(resolveUnder('/srv/r', '/a/b.js')).toBe('/srv/r/a/b.js');
    expect(resolveUnder('/srv/r', '/../x')).toBeNull();
    expect(resolveUnder('/srv/r', '../../x')).toBeNull();
    expect(resolveUnder('/srv/r', '/a/../b')).toBe('/srv/r/b');
    expect(resolveUnder('/srv/r', '/a\0')).toBeNull();
    expect(isHashedAsset('/assets/index-AbCd1234.js')).toBe(true);
    expect(isHashedAsset('/assets/index.js')).toBe(false);
    expect(isHashedAsset('/index-AbCd1234.js')).toBe(false);
  });
});
