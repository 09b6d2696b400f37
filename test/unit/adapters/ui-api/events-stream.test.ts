// The live stream: bus events arrive as SSE frames, heartbeats keep it open, closing unsubscribes; each
// frame is serialised once however many clients listen, and a client that stops reading is cut at 1 MiB.
import http from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEventStreams } from '../../../../src-main/adapters/ui-api/events-stream';
import type { MessageSummary } from '../../../../src-main/contract/messages';
import { createFakeEngine } from '../../../helpers/fake-engine';
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

  it('delivery and publish logs go out as the DTOs their routes serve; a publish to SNS sends nothing', async () => {
    const s = await openStream();
    await s.read(/: connected/);
    const topicArn = 'arn:aws:sns:us-east-1:123456789012:t';
    const base = { kind: 'Notification', messageId: 'sns-1', topicArn, subscriptionArn: `${topicArn}:sub`, endpoint: 'http://h/x', createdAt: 0, origin: { sesMessageId: 'ses-1', eventId: 7 } } as const;
    h.engine.bus.emit('sns.delivery', { ...base, id: 41, state: 'pending', nextAttemptAt: 1000, attempts: [] } as never);
    h.engine.bus.emit('sns.delivery', {
      ...base,
      id: 41,
      state: 'delivered',
      nextAttemptAt: null,
      attempts: [
        { attempt: 1, at: 1000, status: 500, latencyMs: 3, responseBody: 'no', error: null },
        { attempt: 2, at: 2000, status: 200, latencyMs: 2, responseBody: '', error: null },
      ],
    } as never);
    const publish = { id: 5, at: 3000, messageId: 'ses-1', eventId: 7, configurationSet: 'cs', destination: 'd', status: 200, latencyMs: 4, responseBody: 'ok', error: null, snsMessageId: null };
    h.engine.bus.emit('publish.recorded', { ...publish, kind: 'sns', target: topicArn, outcome: 'published' } as never);
    h.engine.bus.emit('publish.recorded', { ...publish, kind: 'eventBridge', target: 'http://bus', outcome: 'delivered' } as never);
    h.engine.bus.emit('messages.deleted', { ids: ['end'] });
    const text = await s.read(/"end"[\s\S]*\n\n/);
    const frames = [...text.matchAll(/event: (sns\.delivery|publish\.recorded)\ndata: (.*)\n\n/g)].map((m) => [m[1], JSON.parse(m[2]!)]);
    const row = { channel: 'sns', endpoint: 'http://h/x', topicArn, subscriptionArn: `${topicArn}:sub`, messageType: 'Notification', sesMessageId: 'ses-1', sesEventId: 7 };
    expect(frames).toEqual([
      ['sns.delivery', { deliveryId: '41', attempts: [{ ...row, id: '41.0', at: new Date(1000).toISOString(), attempt: 0, outcome: 'pending', httpStatus: null, latencyMs: null, responseBody: null, error: null }] }],
      [
        'sns.delivery',
        {
          deliveryId: '41',
          attempts: [
            { ...row, id: '41.1', at: new Date(1000).toISOString(), attempt: 1, outcome: 'failed', httpStatus: 500, latencyMs: 3, responseBody: 'no', error: null },
            { ...row, id: '41.2', at: new Date(2000).toISOString(), attempt: 2, outcome: 'delivered', httpStatus: 200, latencyMs: 2, responseBody: '', error: null },
          ],
        },
      ],
      ['publish.recorded', { id: 'p5', at: new Date(3000).toISOString(), channel: 'eventbridge', endpoint: 'http://bus', topicArn: null, subscriptionArn: null, messageType: null, sesMessageId: 'ses-1', sesEventId: 7, attempt: 1, outcome: 'delivered', httpStatus: 200, latencyMs: 4, responseBody: 'ok', error: null }],
    ]);
    s.req.destroy();
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

  it('serialises each event once, whatever the number of clients, and holds one bus subscription', async () => {
    const streams = await Promise.all([openStream(), openStream(), openStream()]);
    for (const s of streams) await s.read(/: connected/);
    expect(h.engine.bus.count('message.accepted')).toBe(1);
    let serialised = 0;
    const payload = { toJSON: () => (serialised++, { id: 'm-once', subject: 'once' }) } as unknown as MessageSummary;
    h.engine.bus.emit('message.accepted', payload);
    for (const s of streams) expect(await s.read(/m-once[\s\S]*\n\n/)).toContain('event: message.accepted\ndata: {"id":"m-once","subject":"once"}\n\n');
    expect(serialised).toBe(1);
    for (const s of streams) s.req.destroy();
  });

  it('cuts a client that stops reading once 1 MiB is queued for it, and keeps serving the others', async () => {
    // Its own server, to see the streams' client count.
    const bus = createFakeEngine([]).bus;
    const streams = createEventStreams(bus, 60_000);
    const server = http.createServer((req, res) => streams.open(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as AddressInfo).port;
    try {
      // A raw socket that reads the response head and then pauses: the kernel buffers fill, then Node's.
      const slow = connect(port, '127.0.0.1');
      slow.on('error', () => undefined);
      await new Promise<void>((resolve) => {
        let got = '';
        slow.on('data', (d: Buffer) => {
          got += d.toString('latin1');
          if (got.includes(': connected')) {
            slow.pause();
            resolve();
          }
        });
        slow.write(`GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
      });
      let fastText = '';
      const fast = await new Promise<http.IncomingMessage>((r) => http.get(`http://127.0.0.1:${port}/`, r));
      fast.setEncoding('utf8');
      fast.on('data', (d: string) => (fastText += d));
      for (let i = 0; i < 100 && streams.size < 2; i++) await new Promise((r) => setTimeout(r, 5));
      expect(streams.size).toBe(2);

      const big = { id: 'm-big', subject: 'x'.repeat(256 * 1024) } as MessageSummary;
      // Far more than any loopback socket buffer can absorb; stop as soon as the slow client is cut.
      let sent = 0;
      while (streams.size === 2 && sent < 64 * 1024 * 1024) {
        bus.emit('message.accepted', big);
        sent += 256 * 1024;
        await new Promise((r) => setImmediate(r));
      }
      expect(streams.size).toBe(1);
      // The reader that kept reading is still connected and still gets events.
      bus.emit('messages.deleted', { ids: ['after-cut'] });
      for (let i = 0; i < 200 && !fastText.includes('after-cut'); i++) await new Promise((r) => setTimeout(r, 10));
      expect(fastText).toContain('event: messages.deleted\ndata: {"ids":["after-cut"]}');
      // One frame larger than the limit does not cut a reader that keeps up.
      const huge = { id: 'm-huge', subject: 'y'.repeat(3 * 1024 * 1024) } as MessageSummary;
      bus.emit('message.accepted', huge);
      bus.emit('messages.deleted', { ids: ['after-huge'] });
      for (let i = 0; i < 300 && !fastText.includes('after-huge'); i++) await new Promise((r) => setTimeout(r, 10));
      expect(fastText).toContain('m-huge');
      expect(fastText).toContain('after-huge');
      expect(streams.size).toBe(1);
      slow.destroy();
    } finally {
      streams.closeAll();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  }, 30_000);

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
