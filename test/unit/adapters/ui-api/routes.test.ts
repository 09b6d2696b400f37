// The JSON routes: info, paginated list with validated parameters, detail, read, delete (one and all).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseListQuery } from '../../../../src-main/adapters/ui-api/routes';
import { MAX_PAGE_SIZE } from '../../../../src-main/core/limits';
import { errors } from '../../../../src-main/core/errors';
import { UnreadableMessageError } from '../../../../src-main/core/messages/mail-reader';
import { logged, startHarness } from './setup';
import type { Harness } from './setup';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.stop());

describe('GET /api/info', () => {
  it('returns the host-provided ServerInfo', async () => {
    const res = await h.call('/api/info');
    expect(res.json()).toMatchObject({ name: 'Sesame', version: '0.0.0-test' });
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('GET /api/messages', () => {
  it('pages with the default size and passes q/limit/cursor to the engine', async () => {
    const first = await h.call('/api/messages');
    expect(first.status).toBe(200);
    expect(first.json()).toMatchObject({ total: 3, unread: 3, nextCursor: null });
    expect(h.engine.calls.list[0]).toEqual({ limit: 50 });
    const page = (await h.call('/api/messages?limit=2&q=%20subject%20')).json();
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).toBe('2');
    expect(h.engine.calls.list[1]).toEqual({ limit: 2, q: 'subject' });
    const next = (await h.call(`/api/messages?limit=2&cursor=${page.nextCursor}`)).json();
    expect(next.items.map((m: { id: string }) => m.id)).toEqual(['plain-1']);
    expect(next.items[0]).not.toHaveProperty('html');
  });

  it('refuses bad parameters with 400 {code, message}', async () => {
    for (const q of ['limit=0', `limit=${MAX_PAGE_SIZE + 1}`, 'limit=abc', 'limit=1.5', 'limit=-1', 'limit=1&limit=2', 'cursor=', 'cursor=a%20b', `q=${'x'.repeat(501)}`]) {
      const res = await h.call(`/api/messages?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.json().code, q).toBe('BadRequest');
      expect(res.json().message, q).toMatch(/limit|cursor|q /);
    }
  });

  it('maps an engine client error (a stale cursor) to 400 and anything else to 500', async () => {
    h.engine.messages.list = () => {
      throw errors.invalidParameter('Invalid cursor.');
    };
    expect((await h.call('/api/messages?cursor=zzz')).json()).toEqual({ code: 'BadRequest', message: 'Invalid cursor.' });
    h.engine.messages.list = () => {
      throw new Error('disk on fire');
    };
    const res = await h.call('/api/messages');
    expect(res.status).toBe(500);
    expect(res.json().code).toBe('InternalError');
    expect(logged.some((l) => l.includes('disk on fire'))).toBe(true);
  });

  it('validates into the engine query shape', () => {
    expect(parseListQuery(new URLSearchParams('q=&limit=200&cursor=abc'))).toEqual({ limit: 200, cursor: 'abc' });
  });
});

describe('message routes', () => {
  it('GET /api/messages/:id returns the detail, 404 when missing', async () => {
    expect((await h.call('/api/messages/html-1')).json()).toMatchObject({ id: 'html-1', attachments: [{ index: 0 }, { index: 1 }, { index: 2 }] });
    const missing = await h.call('/api/messages/nope');
    expect(missing.status).toBe(404);
    expect(missing.json().code).toBe('NotFound');
    expect((await h.call('/api/messages/%E0%A4%A')).status).toBe(400);
  });

  it('answers 422 UnreadableMessage for a message mailparser refuses, on detail, preview and attachments', async () => {
    const refuse = async () => {
      throw new UnreadableMessageError(new Error('Max allowed child nodes exceeded'));
    };
    h.engine.messages.get = refuse;
    h.engine.messages.attachment = refuse;
    const before = logged.length;
    for (const path of ['/api/messages/html-1', '/api/messages/html-1/html', '/api/messages/html-1/attachments/0']) {
      const res = await h.call(path);
      expect(res.status, path).toBe(422);
      expect(res.json(), path).toEqual({
        code: 'UnreadableMessage',
        message: 'mailparser cannot read this message (Max allowed child nodes exceeded); its raw source is still available.',
      });
    }
    expect((await h.call('/api/messages/html-1/raw')).status).toBe(200);
    expect(logged.length).toBe(before);
  });

  it('PUT …/read marks read (body optional), DELETE …/read marks unread', async () => {
    expect((await h.call('/api/messages/plain-1/read', { method: 'PUT' })).json()).toMatchObject({ id: 'plain-1', read: true });
    const r = await h.call('/api/messages/plain-1/read', { method: 'PUT', body: '{"read":false}', headers: { 'content-type': 'application/json' } });
    expect(r.json().read).toBe(false);
    expect((await h.call('/api/messages/plain-1/read', { method: 'PUT', body: '{"read":"yes"}' })).status).toBe(400);
    expect((await h.call('/api/messages/plain-1/read', { method: 'PUT', body: 'nope' })).status).toBe(400);
    await h.call('/api/messages/plain-1/read', { method: 'PUT' });
    expect((await h.call('/api/messages/plain-1/read', { method: 'DELETE' })).json().read).toBe(false);
    expect((await h.call('/api/messages/nope/read', { method: 'PUT' })).status).toBe(404);
  });

  it('DELETE one and DELETE all', async () => {
    expect((await h.call('/api/messages/plain-1', { method: 'DELETE' })).json()).toEqual({ deleted: 1 });
    expect((await h.call('/api/messages/plain-1', { method: 'DELETE' })).status).toBe(404);
    expect((await h.call('/api/messages', { method: 'DELETE' })).json()).toEqual({ deleted: 2 });
    expect(h.engine.store).toHaveLength(0);
  });

  it('answers unknown routes 404 and wrong methods 405', async () => {
    expect((await h.call('/api/nope')).status).toBe(404);
    expect((await h.call('/api/messages/a/b/c/d')).status).toBe(404);
    const res = await h.call('/api/messages', { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.json().code).toBe('MethodNotAllowed');
    expect((await h.call('/api/messages/plain-1/raw', { method: 'DELETE' })).status).toBe(405);
  });
});
