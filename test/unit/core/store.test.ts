// The SQLite store on a real file: migrations, reopening, later events, and the search index catching up
// with messages a dead process committed but never indexed.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../src-main/core/engine';
import { sequentialIds } from '../../../src-main/core/ids';
import { MIGRATIONS, migrate } from '../../../src-main/core/store/database';
import { openStore } from '../../../src-main/core/store/index';
import { crlf, rawRequest, simpleRequest } from './helpers';

const dirs: string[] = [];
const tempDb = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sesame-store-'));
  dirs.push(dir);
  return join(dir, 'sesame.db');
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const open = (dbPath: string, maxMessages = 100) => createEngine({ account: { autoVerify: true, sandbox: false, max24HourSend: -1, maxSendRate: 1_000_000 }, region: 'us-east-1', accountId: '123456789012', dbPath, maxMessages, ids: sequentialIds(100) });

describe('store', () => {
  it('migrates once; reopening changes nothing and keeps the data', async () => {
    const path = tempDb();
    const first = open(path);
    const { messageId } = await first.sending.send(simpleRequest());
    first.close();
    const db = new Database(path);
    expect(db.pragma('user_version', { simple: true })).toBe(Math.max(...MIGRATIONS.map((m) => m.version)));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(migrate(db)).toBe(Math.max(...MIGRATIONS.map((m) => m.version))); // idempotent
    db.close();
    const second = open(path);
    expect((await second.messages.get(messageId))!.events).toHaveLength(2);
    expect(second.messages.list({ q: 'hello' }).items.map((m) => m.id)).toEqual([messageId]);
    second.close();
  });

  it('deflates large messages (off the event loop) and keeps incompressible ones as they are', async () => {
    const path = tempDb();
    const engine = open(path);
    const text = 'All work and no play makes Jack a dull boy. '.repeat(2000);
    const big = await engine.sending.send(rawRequest(crlf('From: a@example.com', 'To: b@example.com', 'Subject: big', '', text)));
    const noise = randomBytes(64 * 1024); // an 8bit body that deflate cannot shrink
    const random = await engine.sending.send(
      rawRequest(Buffer.concat([Buffer.from(crlf('From: a@example.com', 'To: b@example.com', 'Subject: noise', '', '')), noise])),
    );
    const small = await engine.sending.send(simpleRequest());
    expect((await engine.messages.raw(big.messageId))!.toString()).toContain(text);
    expect((await engine.messages.get(big.messageId))!.text).toBe(text);
    expect((await engine.messages.raw(random.messageId))!.subarray(-noise.length).equals(noise)).toBe(true);
    engine.close();
    const db = new Database(path, { readonly: true });
    const codecs = db.prepare('SELECT m.id, c.codec, length(c.raw) AS n FROM messages m JOIN message_content c ON c.seq = m.seq').all() as { id: string; codec: number; n: number }[];
    db.close();
    const by = Object.fromEntries(codecs.map((c) => [c.id, c]));
    expect(by[big.messageId].codec).toBe(1);
    expect(by[big.messageId].n).toBeLessThan(text.length / 10);
    expect(by[random.messageId].codec).toBe(0);
    expect(by[small.messageId].codec).toBe(0);
  });

  it('refuses a database from a newer Sesame', () => {
    const path = tempDb();
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    expect(() => open(path)).toThrow(/schema version 99/);
  });

  it('records later events with the shared mail object and updates the status', async () => {
    const path = tempDb();
    const engine = open(path);
    const { messageId } = await engine.sending.send(simpleRequest());
    engine.close();
    const store = openStore({ path, maxMessages: 100 });
    const rec = store.messages.addEvent(messageId, { eventType: 'Bounce', timestamp: Date.UTC(2026, 0, 2), body: { bounce: { bounceType: 'Permanent' } } }, 'bounced')!;
    const events = store.messages.events(messageId);
    expect(events.map((e) => e.eventType)).toEqual(['Send', 'Delivery', 'Bounce']);
    expect(events[2]).toEqual(rec);
    const payload = rec.payload as { eventType: string; mail: { messageId: string; tags: Record<string, string[]> }; bounce: unknown };
    expect(Object.keys(payload)).toEqual(['eventType', 'mail', 'bounce']);
    expect(payload.mail.messageId).toBe(messageId);
    expect(payload.mail.tags).not.toHaveProperty('ses:outgoing-ip');
    expect((await store.messages.get(messageId))!.status).toBe('bounced');
    expect(store.messages.addEvent('missing', { eventType: 'Open', timestamp: 0, body: {} }, 'delivered')).toBeUndefined();
    store.close();
  });

  it('indexes for search what a process committed but died before indexing', async () => {
    const path = tempDb();
    const dead = open(path); // never closed: its pending search-index batch is lost, as in a crash
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await dead.sending.send(rawRequest(crlf('From: a@example.com', 'To: b@example.com', `Subject: orphan ${i}`, '', 'x')))).messageId);
    const next = open(path);
    expect(next.messages.list({ q: 'orphan' }).items.map((m) => m.id)).toEqual([...ids].reverse());
    // New messages never reuse the sequence numbers of indexed ones.
    const { messageId } = await next.sending.send(simpleRequest());
    expect(next.messages.list({}).items[0].id).toBe(messageId);
    next.close();
  });

  it('never hands out a sequence the search index has seen, even after the newest messages are deleted', async () => {
    const path = tempDb();
    const a = open(path);
    const first = await a.sending.send(rawRequest(crlf('From: a@example.com', 'To: b@example.com', 'Subject: alpha', '', 'x')));
    const second = await a.sending.send(rawRequest(crlf('From: a@example.com', 'To: b@example.com', 'Subject: beta', '', 'x')));
    a.messages.list({ q: 'alpha' }); // flushes the index
    a.messages.delete([second.messageId]);
    a.close();
    const b = open(path);
    const third = await b.sending.send(rawRequest(crlf('From: a@example.com', 'To: b@example.com', 'Subject: gamma', '', 'x')));
    expect(b.messages.list({ q: 'beta' }).items).toEqual([]);
    expect(b.messages.list({ q: 'gamma' }).items.map((m) => m.id)).toEqual([third.messageId]);
    expect(b.messages.list({}).items.map((m) => m.id)).toEqual([third.messageId, first.messageId]);
    b.close();
  });

  it('closes the database even when the last search-index flush fails', async () => {
    const path = tempDb();
    const engine = open(path);
    const { messageId } = await engine.sending.send(simpleRequest());
    engine.close();
    const store = openStore({ path, maxMessages: 100 });
    store.messages.flush = () => {
      throw new Error('disk full');
    };
    expect(() => store.close()).toThrow('disk full');
    // Closed: a second close has nothing to do, and SQLite removed the WAL when the last connection closed.
    expect(() => store.close()).not.toThrow();
    expect(existsSync(`${path}-wal`)).toBe(false);
    const again = open(path);
    expect((await again.messages.get(messageId))!.id).toBe(messageId);
    again.close();
  });
});
