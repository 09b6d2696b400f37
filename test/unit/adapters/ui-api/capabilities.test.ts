// Per-message capabilities instead of the token in what hostile mail HTML can read: the served preview never
// contains the token; an attachments capability opens only its own message's attachments (GET), a preview
// capability only its own message's preview (GET); nothing else, and nothing without one.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capability, capabilityMatches, capabilityScopeFor } from '../../../../src-main/adapters/ui-api/capabilities';
import { capabilityFor } from '../../../../src-renderer/src/lib/capability';
import { startHarness } from './setup';
import type { Harness } from './setup';

const SECRET = 'Master-Token-6f1d2c';
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ token: SECRET });
});
afterAll(() => h.stop());

const attachmentsCap = (id: string) => capability(SECRET, `attachments:${id}`);
const previewCap = (id: string) => capability(SECRET, `preview:${id}`);
const anon = (path: string, method = 'GET') => h.call(path, { auth: false, method });

describe('the served preview', () => {
  it('never contains the token; its cid: images carry the attachments capability and load without the token', async () => {
    for (const remote of ['0', '1']) {
      const res = await h.call(`/api/messages/html-1/html?remote=${remote}`);
      expect(res.status).toBe(200);
      expect(res.text).not.toContain(SECRET);
      expect(res.text).not.toContain('token=');
      expect(res.text).toContain(`/api/messages/html-1/attachments/0?cap=${attachmentsCap('html-1')}`);
    }
    const img = await anon(`/api/messages/html-1/attachments/0?cap=${attachmentsCap('html-1')}`);
    expect(img.status).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
  });

  it('is HMAC-SHA256(token, "attachments:" + id) in hex', () => {
    expect(attachmentsCap('html-1')).toBe(createHmac('sha256', SECRET).update('attachments:html-1').digest('hex'));
    expect(attachmentsCap('html-1')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('an attachments capability', () => {
  it('opens every attachment of its own message', async () => {
    for (const i of [0, 1, 2]) expect((await anon(`/api/messages/html-1/attachments/${i}?cap=${attachmentsCap('html-1')}`)).status).toBe(200);
  });

  it("does not open another message's attachments, nor any other route, nor other methods", async () => {
    const cap = attachmentsCap('html-1');
    expect((await anon(`/api/messages/html-2/attachments/0?cap=${cap}`)).status).toBe(401);
    for (const path of ['/api/messages/html-1/html', '/api/messages/html-1', '/api/messages/html-1/raw', '/api/messages', '/api/info', '/api/events', '/api/preferences', '/']) {
      expect((await anon(`${path}?cap=${cap}`)).status, path).toBe(401);
    }
    expect((await anon(`/api/messages/html-1/attachments/0?cap=${cap}`, 'HEAD')).status).toBe(401);
    expect((await anon(`/api/messages/html-1?cap=${cap}`, 'DELETE')).status).toBe(401);
    expect((await anon(`/api/messages/html-1/read?cap=${cap}`, 'PUT')).status).toBe(401);
  });
});

describe('a preview capability', () => {
  it('opens its own message\'s preview (with or without remote content)', async () => {
    for (const q of ['', '&remote=1']) {
      const res = await anon(`/api/messages/html-1/html?cap=${previewCap('html-1')}${q}`);
      expect(res.status).toBe(200);
      expect(res.text).not.toContain(SECRET);
    }
  });

  it("opens neither another message's preview nor its own message's attachments", async () => {
    expect((await anon(`/api/messages/html-2/html?cap=${previewCap('html-1')}`)).status).toBe(401);
    expect((await anon(`/api/messages/html-1/attachments/0?cap=${previewCap('html-1')}`)).status).toBe(401);
    expect((await anon(`/api/messages/html-1?cap=${previewCap('html-1')}`)).status).toBe(401);
  });
});

describe('without a (right) capability', () => {
  it('answers 401', async () => {
    expect((await anon('/api/messages/html-1/html')).status).toBe(401);
    expect((await anon('/api/messages/html-1/attachments/0')).status).toBe(401);
    expect((await anon(`/api/messages/html-1/attachments/0?cap=${'0'.repeat(64)}`)).status).toBe(401);
    expect((await anon('/api/messages/html-1/attachments/0?cap=%C3%A9')).status).toBe(401);
    // Given twice: refused rather than guessing which one counts.
    const cap = attachmentsCap('html-1');
    expect((await anon(`/api/messages/html-1/attachments/0?cap=${cap}&cap=${cap}`)).status).toBe(401);
    // A capability made with another token is worthless.
    const foreign = createHmac('sha256', 'other').update('attachments:html-1').digest('hex');
    expect((await anon(`/api/messages/html-1/attachments/0?cap=${foreign}`)).status).toBe(401);
  });
});

describe('capability helpers', () => {
  it('scope only GET of the preview and attachment routes, with the id percent-decoded', () => {
    expect(capabilityScopeFor('GET', '/api/messages/a%2Fb/html')).toBe('preview:a/b');
    expect(capabilityScopeFor('GET', '/api/messages/a/attachments/3')).toBe('attachments:a');
    expect(capabilityScopeFor('HEAD', '/api/messages/a/html')).toBeNull();
    expect(capabilityScopeFor('GET', '/api/messages/a/raw')).toBeNull();
    expect(capabilityScopeFor('GET', '/api/messages/a/html/x')).toBeNull();
    expect(capabilityScopeFor('GET', '/api/messages/%E0/html')).toBeNull();
    expect(capabilityMatches('t', 'preview:a', capability('t', 'preview:a'))).toBe(true);
    expect(capabilityMatches('t', 'preview:a', capability('t', 'preview:a').toUpperCase())).toBe(false);
    expect(capabilityMatches('t', 'preview:a', '')).toBe(false);
  });

  it("the renderer's WebCrypto computation matches the server's", async () => {
    expect(await capabilityFor(SECRET, 'preview:html-1')).toBe(previewCap('html-1'));
    expect(await capabilityFor('', 'preview:html-1')).toBeNull();
  });
});
