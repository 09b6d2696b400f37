// Inspection routes: JSON pass-through of engine.inspect (authentication, mime-tree, links), unknown message
// → 404, and parts served like attachments (sanitised type, inert CSP, nosniff, download unless inline=1).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { capability } from '../../../../src-main/adapters/ui-api/capabilities';
import { PREVIEW_CSP } from '../../../../src-main/adapters/ui-api/html-preview';
import { resolveDarkScheme } from '../../../../src-main/adapters/ui-api/inspect-routes';
import { startHarness, TOKEN } from './setup';
import type { Harness } from './setup';

let h: Harness;
const calls: unknown[][] = [];
const known = (id: string) => id === 'html-1';

function installInspect(): void {
  const inspect = {
    authentication: (id: string) => (calls.push(['authentication', id]), known(id) ? { dkim: [{ domain: 'example.com', result: 'pass' }] } : undefined),
    mimeTree: async (id: string) => (calls.push(['mimeTree', id]), known(id) ? { path: '1', contentType: 'multipart/mixed', children: [] } : undefined),
    links: (id: string) => (calls.push(['links', id]), known(id) ? [{ url: 'https://example.com/', kind: 'a' }] : undefined),
    part: (id: string, path: string) => {
      calls.push(['part', id, path]);
      if (!known(id)) return undefined;
      if (path === '2') return { path, data: Buffer.from('<script>alert(1)</script>'), contentType: 'text/html; evil', charset: null, filename: null };
      if (path === '1.2') return { path, data: Buffer.from('BEGIN:VCALENDAR'), contentType: 'text/calendar', charset: 'utf-8', filename: 'invite.ics' };
      return undefined;
    },
  };
  (h.engine as unknown as { inspect: typeof inspect }).inspect = inspect;
}

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(() => {
  calls.length = 0;
  installInspect();
});

describe('inspection JSON routes', () => {
  it('return what engine.inspect computes, for that message', async () => {
    const auth = await h.call('/api/messages/html-1/authentication');
    expect(auth.status).toBe(200);
    expect(auth.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(auth.text)).toEqual({ dkim: [{ domain: 'example.com', result: 'pass' }] });
    expect(JSON.parse((await h.call('/api/messages/html-1/mime-tree')).text)).toEqual({ path: '1', contentType: 'multipart/mixed', children: [] });
    expect(JSON.parse((await h.call('/api/messages/html-1/links')).text)).toEqual([{ url: 'https://example.com/', kind: 'a' }]);
    expect(calls).toEqual([
      ['authentication', 'html-1'],
      ['mimeTree', 'html-1'],
      ['links', 'html-1'],
    ]);
  });

  it('answer 404 for an unknown message, 405 for writes, 401 without the token', async () => {
    expect((await h.call('/api/messages/nope/authentication')).status).toBe(404);
    expect((await h.call('/api/messages/nope/mime-tree')).status).toBe(404);
    expect((await h.call('/api/messages/html-1/links', { method: 'POST' })).status).toBe(405);
    expect((await h.call('/api/messages/html-1/authentication', { auth: false })).status).toBe(401);
  });
});

describe('GET /api/messages/:id/parts/:path', () => {
  it('serves a part as a download with a sanitised type and the inert CSP', async () => {
    const res = await h.call('/api/messages/html-1/parts/2');
    expect(res.status).toBe(200);
    expect(res.text).toBe('<script>alert(1)</script>');
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="part-2"; filename*=UTF-8''part-2`);
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves inline with ?inline=1 and keeps the part file name', async () => {
    const res = await h.call('/api/messages/html-1/parts/1.2?inline=1');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar');
    expect(res.headers['content-disposition']).toBe(`inline; filename="invite.ics"; filename*=UTF-8''invite.ics`);
    expect(calls).toEqual([['part', 'html-1', '1.2']]);
  });

  it('refuses malformed paths and flags before asking the engine; unknown parts are 404', async () => {
    for (const bad of ['0', '1..2', 'a', '1.0', '%2e%2e', 'text']) {
      expect((await h.call(`/api/messages/html-1/parts/${bad}`)).status, bad).toBe(400);
    }
    expect((await h.call('/api/messages/html-1/parts/1?inline=yes')).status).toBe(400);
    expect(calls).toEqual([]);
    expect((await h.call('/api/messages/html-1/parts/9')).status).toBe(404);
    expect((await h.call('/api/messages/nope/parts/1')).status).toBe(404);
  });
});

describe('GET /api/messages/:id/html?scheme=dark', () => {
  it('resolves prefers-color-scheme for a dark-mode reader, and only that', () => {
    const css = '@media (prefers-color-scheme: dark){a{}} @media screen and ( Prefers-Color-Scheme : LIGHT ){b{}} @media (prefers-contrast: more){c{}}';
    expect(resolveDarkScheme(css)).toBe('@media (min-width: 0px){a{}} @media screen and (max-width: 0px){b{}} @media (prefers-contrast: more){c{}}');
  });

  it('serves the preview with the same CSP, and opens with the preview capability', async () => {
    (h.engine as unknown as { store: { detail: { id: string; html: string | null } }[] }).store.find((m) => m.detail.id === 'html-2')!.detail.html =
      '<style>@media (prefers-color-scheme: dark){body{background:#000}}</style><p>x</p>';
    const cap = capability(TOKEN, 'preview:html-2');
    const res = await h.call(`/api/messages/html-2/html?scheme=dark&cap=${cap}`, { auth: false });
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toBe(PREVIEW_CSP.local);
    expect(res.text).toContain('@media (min-width: 0px){body{background:#000}}');
    expect((await h.call('/api/messages/html-2/html?scheme=dark&remote=1')).headers['content-security-policy']).toBe(PREVIEW_CSP.remote);
    const plain = await h.call('/api/messages/html-2/html');
    expect(plain.text).toContain('@media (prefers-color-scheme: dark)');
  });

  it('refuses other schemes, and answers 404 without HTML', async () => {
    expect((await h.call('/api/messages/html-2/html?scheme=light')).status).toBe(400);
    expect((await h.call('/api/messages/html-2/html?scheme=dark&scheme=dark')).status).toBe(400);
    expect((await h.call('/api/messages/plain-1/html?scheme=dark')).status).toBe(404);
  });
});
