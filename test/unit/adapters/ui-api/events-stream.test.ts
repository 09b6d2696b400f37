// The live stream: bus events arrive as SSE frames, heartbeats keep it open, closing unsubscribes.
import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MessageSummary } from '../../../../src-main/contract/messages';
import { startHarness, TOKEN } from './setup';
import type { Harness } from './setup';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ heartbeatMs: 30 });
});
afterEach(() => h.stop());

/** Open the stream and collect text until `until` matches. */
function openStream(): Promise<{ res: http.IncomingMessage; req: http.ClientRequest; read(until: RegExp): Promise<string> }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${h.api.origin}/api/events`, { headers: { 'x-sesame-token': TOKEN } }, (res) => {
      let buf = '';
      const waiters: { re: RegExp; fn: (s: string) => void }[] = [];
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        buf += d;
        for (const w of [...waiters]) if (w.re.test(buf)) w.fn(buf);
      });
      resolve({
        res,
        req,
        read: (until) =>
          new Promise((done) => {
            if (until.test(buf)) done(buf);
            else waiters.push({ re: until, fn: done });
          }),
      });
    });
    req.on('error', reject);
  });
}

const summary = { id: 'm-9', subject: 'live' } as MessageSummary;

describe('GET /api/events', () => {
  it('streams bus events as `event: <name>` + JSON data', async () => {
    const s = await openStream();
    expect(s.res.statusCode).toBe(200);
    expect(s.res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    await s.read(/: connected/);
    h.engine.bus.emit('message.accepted', summary);
    h.engine.bus.emit('messages.deleted', { ids: 'all' });
    const text = await s.read(/messages\.deleted[\s\S]*\n\n/);
    expect(text).toContain(`event: message.accepted\ndata: ${JSON.stringify(summary)}\n\n`);
    expect(text).toContain('event: messages.deleted\ndata: {"ids":"all"}\n\n');
    s.req.destroy();
  });

  it('broadcasts preferences.updated (app-level, not on the engine bus) to every client after a PUT', async () => {
    const a = await openStream();
    const b = await openStream();
    await a.read(/: connected/);
    await b.read(/: connected/);
    const put = await h.call('/api/preferences', { method: 'PUT', body: '{"theme":"dark"}' });
    expect(put.status).toBe(200);
    const expected = `event: preferences.updated\ndata: ${JSON.stringify(put.json())}\n\n`;
    for (const s of [a, b]) expect(await s.read(/preferences\.updated[\s\S]*\n\n/)).toContain(expected);
    expect(h.engine.bus.count('preferences.updated' as never)).toBe(0);
    // A refused update broadcasts nothing.
    expect((await h.call('/api/preferences', { method: 'PUT', body: '{"theme":"x"}' })).status).toBe(400);
    h.engine.bus.emit('messages.deleted', { ids: 'all' });
    const text = await a.read(/messages\.deleted[\s\S]*\n\n/);
    expect(text.match(/preferences\.updated/g)).toHaveLength(1);
    a.req.destroy();
    b.req.destroy();
  });

  it('sends heartbeat comments', async () => {
    const s = await openStream();
    await s.read(/: heartbeat\n\n/);
    s.req.destroy();
  });

  it('unsubscribes from the bus when the client goes away', async () => {
    const s = await openStream();
    await s.read(/: connected/);
    expect(h.engine.bus.count('message.accepted')).toBe(1);
    expect(h.engine.bus.count('event.recorded')).toBe(1);
    s.req.destroy();
    for (let i = 0; i < 50 && h.engine.bus.count('message.accepted') > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(h.engine.bus.count('message.accepted')).toBe(0);
    expect(h.engine.bus.count('message.updated')).toBe(0);
  });

  it('requires the token', async () => {
    expect((await h.call('/api/events', { auth: false })).status).toBe(401);
  });

  it('server close ends open streams', async () => {
    const s = await openStream();
    await s.read(/: connected/);
    const ended = new Promise((r) => s.res.on('close', r));
    await h.api.close();
    await ended;
    expect(h.engine.bus.count('message.accepted')).toBe(0);
  });
});
