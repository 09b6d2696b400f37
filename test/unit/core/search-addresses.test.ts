// Short search words (1–2 characters, below the trigram index) match the same names and addresses the index
// holds — From, To, Cc, envelope recipients — through messages.search_addresses (migration 2), never the
// JSON syntax of to_json. A database created at migration 1 is upgraded and backfilled on open.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../src-main/core/store/database';
import { openStore } from '../../../src-main/core/store/index';
import { makeEngine, simpleRequest } from './helpers';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDb = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sesame-search-'));
  dirs.push(dir);
  return join(dir, 'sesame.db');
};

describe('short-word search on addresses', () => {
  it('does not match the JSON key "address"; matches Cc and Bcc recipients and names', async () => {
    const { engine } = makeEngine();
    const plain = await engine.sending.send(simpleRequest());
    const cc = await engine.sending.send(simpleRequest({ destination: { to: ['to@example.com'], cc: ['Quinn <qz@example.com>'] } }));
    const bcc = await engine.sending.send(simpleRequest({ destination: { to: ['to@example.com'], bcc: ['wy@example.com'] } }));
    const q = (text: string) => engine.messages.list({ q: text }).items.map((m) => m.id);
    expect(q('dd')).toEqual([]);
    expect(q('me')).toEqual([]); // the JSON key "name"
    expect(q('qz')).toEqual([cc.messageId]);
    expect(q('Qu')).toEqual([cc.messageId]);
    expect(q('wy')).toEqual([bcc.messageId]);
    expect(q('wy example')).toEqual([bcc.messageId]); // a short word beside an indexed one
    expect(q('to')).toEqual([bcc.messageId, cc.messageId, plain.messageId]);
  });

  it('upgrades a database created at migration 1 and backfills its rows', async () => {
    const path = tempDb();
    const old = new Database(path);
    expect(migrate(old, MIGRATIONS.slice(0, 1))).toBe(1);
    old.prepare(
      `INSERT INTO messages (seq, id, received_at, door, operation, source, mail_from, from_name, from_addr, to_json,
         subject, snippet, size, has_attachments, status, configuration_set)
       VALUES (1, 'legacy-1', 0, 'ses', 'SendRawEmail', 'a@example.com', 'env@example.com', 'Alice', 'a@example.com', ?,
         'legacy', 'x', 10, 0, 'delivered', NULL)`,
    ).run(JSON.stringify([{ name: 'Tom', address: 'to@example.com' }]));
    const meta = {
      kind: 'raw',
      rcptTo: ['to@example.com', 'qz@example.com', 'wy@example.com'],
      destination: null,
      cc: [{ name: 'Quinn', address: 'qz@example.com' }],
      tags: {},
      api: null,
      smtp: null,
    };
    old.prepare("INSERT INTO message_content (seq, codec, raw, meta_json, mail_json) VALUES (1, 0, ?, ?, '{}')").run(
      Buffer.from('From: a@example.com\r\nTo: to@example.com\r\n\r\nx'),
      JSON.stringify(meta),
    );
    old.close();

    const store = openStore({ path, maxMessages: 100 });
    const ids = (search: string) => store.messages.page({ search, limit: 10 }).rows.map((r) => r.id);
    expect(ids('qz')).toEqual(['legacy-1']); // Cc
    expect(ids('wy')).toEqual(['legacy-1']); // envelope only (Bcc)
    expect(ids('Al')).toEqual(['legacy-1']); // From name
    expect(ids('nv')).toEqual(['legacy-1']); // envelope sender
    expect(ids('To')).toEqual(['legacy-1']);
    expect(ids('dd')).toEqual([]);
    expect(store.messages.get('legacy-1')!.returnPath).toBeNull(); // rows from before returnPath was kept
    store.close();

    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(Math.max(...MIGRATIONS.map((m) => m.version)));
    const value = db.prepare('SELECT search_addresses FROM messages WHERE seq = 1').pluck().get() as string;
    db.close();
    expect(value.split(' ')).toEqual(
      expect.arrayContaining(['Alice', 'a@example.com', 'Tom', 'to@example.com', 'Quinn', 'qz@example.com', 'wy@example.com', 'env@example.com']),
    );
    expect(value).not.toMatch(/address|name|[{}[\]"]/);
  });

  it('new rows carry the same string the search index gets', async () => {
    const path = tempDb();
    const { engine } = makeEngine({ dbPath: path });
    await engine.sending.send(simpleRequest({ from: 'Sam <s@example.com>', destination: { to: ['to@example.com'], cc: ['qz@example.com'], bcc: ['wy@example.com'] } }));
    engine.close();
    const db = new Database(path, { readonly: true });
    const value = db.prepare('SELECT search_addresses FROM messages').pluck().get();
    db.close();
    expect(value).toBe('Sam s@example.com to@example.com qz@example.com wy@example.com');
  });
});
