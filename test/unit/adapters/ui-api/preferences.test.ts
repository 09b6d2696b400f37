// GET/PUT /api/preferences: the store's values, validated partial updates, 400s in {code, message} form
// (bad value, unknown key, not an object), 405 for other methods, and persistence to <dataDir>/preferences.json
// when Sesame is composed by startSesame. (The live `preferences.updated` frame: events-stream.test.ts.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, openPreferences } from '../../../../src-main/core/preferences/preferences';
import { request } from '../../../helpers/http';
import { startTestSesame, TEST_UI_TOKEN } from '../../../helpers/start-headless';
import { startHarness } from './setup';
import type { Harness } from './setup';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.stop());

const put = (body: string) => h.call('/api/preferences', { method: 'PUT', body, headers: { 'content-type': 'application/json' } });

describe('GET /api/preferences', () => {
  it('returns the stored preferences (defaults at first)', async () => {
    const res = await h.call('/api/preferences');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual(DEFAULT_PREFERENCES);
  });

  it('requires the token', async () => {
    expect((await h.call('/api/preferences', { auth: false })).status).toBe(401);
  });
});

describe('PUT /api/preferences', () => {
  it('applies a partial update and answers the whole updated preferences', async () => {
    const res = await put('{"theme":"dark","loadRemoteContent":true}');
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ ...DEFAULT_PREFERENCES, theme: 'dark', loadRemoteContent: true });
    expect(h.preferences.get()).toMatchObject({ theme: 'dark', loadRemoteContent: true, notifications: true });
    expect((await h.call('/api/preferences')).json().theme).toBe('dark');
    expect((await put('{"window":{"x":1,"y":2,"width":800,"height":600}}')).json().window).toEqual({ x: 1, y: 2, width: 800, height: 600 });
  });

  it('refuses a value of the wrong type with the store’s message, and keeps the old values', async () => {
    for (const [body, field] of [
      ['{"loadRemoteContent":"yes"}', 'loadRemoteContent must be a boolean'],
      ['{"theme":"purple"}', 'theme must be system, light or dark'],
      ['{"notifications":1}', 'notifications must be a boolean'],
      ['{"window":{"x":1}}', 'window must be null'],
    ]) {
      const res = await put(body);
      expect(res.status, body).toBe(400);
      expect(res.json().code, body).toBe('BadRequest');
      expect(res.json().message, body).toContain(field);
    }
    expect(h.preferences.get()).toEqual(DEFAULT_PREFERENCES);
  });

  it('refuses unknown keys, naming them and the known ones', async () => {
    const res = await put('{"theme":"dark","fontSize":14}');
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({
      code: 'BadRequest',
      message: 'Unknown preference "fontSize" (known: theme, loadRemoteContent, notifications, window).',
    });
    expect(h.preferences.get().theme).toBe('system');
  });

  it('refuses a body that is not a JSON object', async () => {
    for (const body of ['', 'nope', '[]', 'null', '"dark"']) {
      const res = await put(body);
      expect(res.status, body).toBe(400);
      expect(res.json().code, body).toBe('BadRequest');
    }
  });

  it('answers a failed write (not a bad value) with 500', async () => {
    h.preferences.update = async () => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    };
    const res = await put('{"theme":"dark"}');
    expect(res.status).toBe(500);
    expect(res.json().code).toBe('InternalError');
  });
});

describe('other methods', () => {
  it('answers 405 MethodNotAllowed naming GET and PUT', async () => {
    for (const method of ['POST', 'DELETE', 'PATCH']) {
      const res = await h.call('/api/preferences', { method });
      expect(res.status, method).toBe(405);
      expect(res.json(), method).toEqual({ code: 'MethodNotAllowed', message: `${method} is not supported here; use GET, PUT.` });
    }
    expect((await h.call('/api/preferences/theme')).status).toBe(404);
  });
});

describe('through startSesame', () => {
  it('persists to preferences.json in the data dir and survives a restart', async () => {
    const first = await startTestSesame();
    const dataDir = first.dataDir;
    const url = `http://127.0.0.1:${first.ports.ui}/api/preferences`;
    const headers = { 'x-sesame-token': TEST_UI_TOKEN, 'content-type': 'application/json' };
    try {
      const res = await request(url, { method: 'PUT', headers, body: '{"theme":"light","notifications":false}' });
      expect(res.status).toBe(200);
      expect(first.preferences.get()).toMatchObject({ theme: 'light', notifications: false });
      const onDisk = JSON.parse(readFileSync(join(dataDir, 'preferences.json'), 'utf8'));
      expect(onDisk).toMatchObject({ theme: 'light', notifications: false, loadRemoteContent: false });
      await first.close();
      const reopened = await openPreferences(dataDir);
      expect(reopened.get()).toMatchObject({ theme: 'light', notifications: false });
    } finally {
      await first.cleanup();
    }
  });
});
