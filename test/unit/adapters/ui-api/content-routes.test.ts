// Raw MIME, the HTML preview (CSP for remote=0|1, cid: rewriting with a capability), attachments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capability } from '../../../../src-main/adapters/ui-api/capabilities';
import { PREVIEW_CSP, previewDocument, rewriteCidReferences } from '../../../../src-main/adapters/ui-api/html-preview';
import { startHarness, TOKEN } from './setup';
import type { Harness } from './setup';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

describe('GET /api/messages/:id/raw', () => {
  it('serves message/rfc822 inline, or as <id>.eml with ?download=1', async () => {
    const view = await h.call('/api/messages/plain-1/raw');
    expect(view.status).toBe(200);
    expect(view.headers['content-type']).toBe('message/rfc822');
    expect(view.headers['content-disposition']).toBeUndefined();
    expect(view.text).toContain('Subject: Subject plain-1');
    const dl = await h.call('/api/messages/plain-1/raw?download=1');
    expect(dl.headers['content-disposition']).toBe(`attachment; filename="plain-1.eml"; filename*=UTF-8''plain-1.eml`);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect((await h.call('/api/messages/plain-1/raw?download=yes')).status).toBe(400);
    expect((await h.call('/api/messages/nope/raw')).status).toBe(404);
  });
});

describe('GET /api/messages/:id/html', () => {
  it('blocks remote content and scripts by default (remote=0)', async () => {
    const res = await h.call('/api/messages/html-1/html');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'none'; img-src data: cid: 'self'; style-src 'unsafe-inline'; font-src data:; " +
        "sandbox allow-popups allow-popups-to-escape-sandbox; form-action 'none'; base-uri 'none'; frame-ancestors 'self'",
    );
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect((await h.call('/api/messages/html-1/html?remote=0')).headers['content-security-policy']).toBe(PREVIEW_CSP.local);
  });

  it('allows http/https images, styles, fonts and media with remote=1, still no scripts', async () => {
    const csp = String((await h.call('/api/messages/html-1/html?remote=1')).headers['content-security-policy']);
    expect(csp).toBe(PREVIEW_CSP.remote);
    for (const d of ['img-src data: cid: \'self\' http: https:', "style-src 'unsafe-inline' http: https:", 'font-src data: http: https:', 'media-src http: https:']) {
      expect(csp).toContain(d);
    }
    expect(csp).not.toMatch(/script/);
    expect(csp.startsWith("default-src 'none'")).toBe(true);
    expect((await h.call('/api/messages/html-1/html?remote=2')).status).toBe(400);
  });

  it('sandboxes, forbids forms and re-basing, and allows only our own framing, in both policies', async () => {
    for (const remote of ['0', '1']) {
      const csp = String((await h.call(`/api/messages/html-1/html?remote=${remote}`)).headers['content-security-policy']);
      const directives = csp.split(/;\s*/);
      expect(directives).toContain('sandbox allow-popups allow-popups-to-escape-sandbox');
      expect(directives).toContain("form-action 'none'");
      expect(directives).toContain("base-uri 'none'");
      expect(directives).toContain("frame-ancestors 'self'");
      expect(csp).not.toMatch(/allow-scripts|allow-same-origin|allow-forms|allow-top-navigation/);
    }
  });

  it('rewrites cid: references to attachment URLs carrying the attachments capability, leaving unknown ids alone', async () => {
    const body = (await h.call('/api/messages/html-1/html')).text;
    const cap = capability(TOKEN, 'attachments:html-1');
    expect(body).toContain(`<img src="/api/messages/html-1/attachments/0?cap=${cap}">`);
    expect(body).toContain(`background:url(/api/messages/html-1/attachments/0?cap=${cap})`);
    expect(body).toContain("src='cid:unknown@x'");
    expect(body.startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('keeps a full document whole, and answers 404 when there is no HTML part', async () => {
    const full = (await h.call('/api/messages/html-2/html')).text;
    expect(full).toBe('<html><head><base target="_blank"><title>t</title></head><body>x</body></html>');
    const none = await h.call('/api/messages/plain-1/html');
    expect(none.status).toBe(404);
    expect(none.json().message).toMatch(/no HTML/);
  });

  it('rewrites without a token when auth is off', () => {
    const out = rewriteCidReferences('<img src=cid:a%40b>', [{ index: 3, filename: null, contentType: 'image/png', size: 1, contentId: '<A@b>', disposition: 'inline' }], (i) => `/x/${i}`);
    expect(out).toBe('<img src=/x/3>');
    expect(previewDocument('<html lang="en"><body>x</body></html>')).toBe('<html lang="en"><head><base target="_blank"></head><body>x</body></html>');
  });
});

describe('GET /api/messages/:id/attachments/:index', () => {
  it('serves the attachment with its type and an RFC 6266 file name', async () => {
    const png = await h.call('/api/messages/html-1/attachments/0');
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.headers['content-disposition']).toBe(`attachment; filename="logo.png"; filename*=UTF-8''logo.png`);
    expect(png.body.equals(Buffer.from('89504e470d0a1a0a', 'hex'))).toBe(true);
    const pdf = await h.call('/api/messages/html-1/attachments/1?inline=1');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(`inline; filename="r_port _q1_.pdf"; filename*=UTF-8''r%C3%A9port%20%22q1%22.pdf`);
  });

  it('serves hostile types inert (sandbox CSP, nosniff, download)', async () => {
    const html = await h.call('/api/messages/html-1/attachments/2');
    expect(html.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(html.headers['x-content-type-options']).toBe('nosniff');
    expect(html.headers['content-disposition']).toMatch(/^attachment; filename="attachment-2"/);
  });

  it('validates the index and answers 404 for a missing attachment', async () => {
    expect((await h.call('/api/messages/html-1/attachments/x')).status).toBe(400);
    expect((await h.call('/api/messages/html-1/attachments/-1')).status).toBe(400);
    expect((await h.call('/api/messages/html-1/attachments/9')).status).toBe(404);
  });
});
