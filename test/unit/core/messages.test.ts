// The inbox as the UI sees it: newest-first pages with cursors, search, unread counts, read flags, deletes.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, SEARCH_COUNT_CAP } from '../../../src-main/core/limits';
import { collect, crlf, makeEngine, rawRequest, simpleRequest } from './helpers';

async function seeded(n: number, maxMessages = 1000) {
  const t = makeEngine({ maxMessages });
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    t.clock.advance(1000);
    const { messageId } = await t.engine.sending.send(
      simpleRequest({
        from: `Sender ${i} <sender${i}@example.com>`,
        destination: { to: [`user${i}@example.org`] },
        content: { kind: 'simple', subject: { data: `Invoice number ${i}` }, text: { data: `Dear customer ${i}, your invoice is attached.` } },
      }),
    );
    ids.push(messageId);
  }
  return { ...t, ids };
}

describe('messages.list', () => {
  it('pages newest first with an opaque cursor, total and unread', async () => {
    const { engine, ids } = await seeded(7);
    const p1 = engine.messages.list({ limit: 3 });
    expect(p1.items.map((m) => m.id)).toEqual([ids[6], ids[5], ids[4]]);
    expect([p1.total, p1.unread]).toEqual([7, 7]);
    const p2 = engine.messages.list({ limit: 3, cursor: p1.nextCursor! });
    expect(p2.items.map((m) => m.id)).toEqual([ids[3], ids[2], ids[1]]);
    const p3 = engine.messages.list({ limit: 3, cursor: p2.nextCursor! });
    expect(p3.items.map((m) => m.id)).toEqual([ids[0]]);
    expect(p3.nextCursor).toBeNull();
    expect(p1.items[0]).toEqual({
      id: ids[6],
      receivedAt: '2026-01-01T00:00:07.000Z',
      door: 'sesv2',
      operation: 'SendEmail',
      from: { name: 'Sender 6', address: 'sender6@example.com' },
      to: [{ name: '', address: 'user6@example.org' }],
      subject: 'Invoice number 6',
      snippet: 'Dear customer 6, your invoice is attached.',
      size: expect.any(Number),
      read: false,
      hasAttachments: false,
      status: 'delivered',
      configurationSet: null,
    });
  });

  it('keeps a cursor valid while new mail arrives', async () => {
    const { engine, ids } = await seeded(4);
    const p1 = engine.messages.list({ limit: 2 });
    await engine.sending.send(simpleRequest());
    const p2 = engine.messages.list({ limit: 2, cursor: p1.nextCursor! });
    expect(p2.items.map((m) => m.id)).toEqual([ids[1], ids[0]]);
    expect(p2.total).toBe(5);
  });

  it('clamps the limit and ends on a cursor that is not one of ours', async () => {
    const { engine } = await seeded(3);
    expect(engine.messages.list({ limit: 0 }).items).toHaveLength(1);
    expect(engine.messages.list({ limit: 1e9 }).items).toHaveLength(3);
    expect(DEFAULT_PAGE_SIZE).toBeLessThanOrEqual(MAX_PAGE_SIZE);
    expect(engine.messages.list({ cursor: 'not a cursor!' })).toEqual({ items: [], total: 0, totalCapped: false, unread: 3, nextCursor: null });
  });

  it('searches substrings of 3+ characters through the trigram index, case-insensitively', async () => {
    const { engine, ids } = await seeded(12);
    const q = (text: string) => engine.messages.list({ q: text });
    expect(q('NUMBER 11').items.map((m) => m.id)).toEqual([ids[11]]);
    expect(q('voice').total).toBe(12); // inside "Invoice"
    expect(q('user7@exam').items.map((m) => m.id)).toEqual([ids[7]]); // To address
    expect(q('Sender 3').items.map((m) => m.id)).toEqual([ids[3]]); // From display name
    expect(q('customer 5,').items.map((m) => m.id)).toEqual([ids[5]]); // snippet
    expect(q('nothing-like-this').items).toEqual([]);
    const paged = engine.messages.list({ q: 'invoice', limit: 5 });
    expect(paged.total).toBe(12);
    const next = engine.messages.list({ q: 'invoice', limit: 5, cursor: paged.nextCursor! });
    expect(next.items.map((m) => m.id)).toEqual([ids[6], ids[5], ids[4], ids[3], ids[2]]);
  });

  it('falls back to LIKE for words shorter than 3 characters, and combines both', async () => {
    const { engine, ids } = await seeded(12);
    expect(engine.messages.list({ q: '11' }).items.map((m) => m.id)).toEqual([ids[11]]);
    expect(engine.messages.list({ q: '1' }).total).toBe(3); // 1, 10, 11
    expect(engine.messages.list({ q: 'invoice 10' }).items.map((m) => m.id)).toEqual([ids[10]]);
    expect(engine.messages.list({ q: '%' }).total).toBe(0); // LIKE wildcards are literal
  });

  it('indexes in batches without losing any message', async () => {
    const { engine } = makeEngine();
    for (let i = 0; i < 300; i++) await engine.sending.send(simpleRequest({ content: { kind: 'simple', subject: { data: `batch ${i}` } } }));
    expect(engine.messages.list({ q: 'batch' }).total).toBe(300);
    expect(engine.messages.list({ q: 'batch 299' }).items.map((m) => m.subject)).toEqual(['batch 299']);
  });

  it('finds mail right after it is accepted (the index is flushed before a search)', async () => {
    const { engine } = makeEngine();
    const { messageId } = await engine.sending.send(rawRequest(crlf('From: a@example.com', 'To: b@example.com', 'Subject: freshly arrived', '', 'x')));
    expect(engine.messages.list({ q: 'freshly' }).items.map((m) => m.id)).toEqual([messageId]);
  });
});

describe('read flags and deletes', () => {
  it('markRead updates unread and emits message.updated', async () => {
    const { engine, ids } = await seeded(3);
    const seen = collect(engine);
    const s = engine.messages.markRead(ids[1], true)!;
    expect(s.read).toBe(true);
    expect(engine.messages.list({}).unread).toBe(2);
    engine.messages.markRead(ids[1], true); // no change, no double count
    expect(engine.messages.list({}).unread).toBe(2);
    engine.messages.markRead(ids[1], false);
    expect(engine.messages.list({}).unread).toBe(3);
    expect(seen.map((e) => e.name)).toEqual(['message.updated', 'message.updated', 'message.updated']);
    expect(seen[0].payload).toMatchObject({ id: ids[1], read: true });
    expect(engine.messages.markRead('missing', true)).toBeUndefined();
  });

  it('delete removes the message, its content and events, and emits messages.deleted', async () => {
    const { engine, ids } = await seeded(3);
    engine.messages.markRead(ids[0], true);
    const seen = collect(engine);
    expect(engine.messages.delete([ids[0], 'missing'])).toBe(1);
    expect(seen).toEqual([{ name: 'messages.deleted', payload: { ids: [ids[0]] } }]);
    expect(await engine.messages.get(ids[0])).toBeUndefined();
    expect(await engine.messages.raw(ids[0])).toBeUndefined();
    expect(engine.messages.list({})).toMatchObject({ total: 2, unread: 2 });
    expect(engine.messages.list({ q: 'number 0' }).items).toEqual([]);
    expect(engine.messages.delete(['missing'])).toBe(0);
    expect(seen).toHaveLength(1);
  });

  it('deleteAll empties the store and says so', async () => {
    const { engine } = await seeded(3);
    const seen = collect(engine);
    expect(engine.messages.deleteAll()).toBe(3);
    expect(seen).toEqual([{ name: 'messages.deleted', payload: { ids: 'all' } }]);
    expect(engine.messages.list({ q: 'invoice' })).toEqual({ items: [], total: 0, totalCapped: false, unread: 0, nextCursor: null });
    const { messageId } = await engine.sending.send(simpleRequest());
    expect(engine.messages.list({}).items.map((m) => m.id)).toEqual([messageId]);
  });
});

describe('messages.get', () => {
  it('reads the MIME back: headers, text, html, cc, reply-to, bcc, envelope, tags, api facts, events', async () => {
    const { engine } = makeEngine();
    const { messageId } = await engine.sending.send(
      rawRequest(
        crlf(
          'From: "Shop" <shop@example.net>',
          'To: a@example.org',
          'Cc: C <c@example.org>',
          'Reply-To: help@example.net',
          'Subject: Your order',
          'MIME-Version: 1.0',
          'Content-Type: multipart/mixed; boundary="outer"',
          '',
          '--outer',
          'Content-Type: multipart/alternative; boundary="inner"',
          '',
          '--inner',
          'Content-Type: text/plain; charset=iso-8859-1',
          'Content-Transfer-Encoding: quoted-printable',
          '',
          'Merci =E0 vous',
          '--inner',
          'Content-Type: text/html; charset=utf-8',
          'Content-Transfer-Encoding: base64',
          '',
          Buffer.from('<p>Merci à vous</p>').toString('base64'),
          '--inner--',
          '--outer',
          'Content-Type: application/pdf',
          'Content-Disposition: attachment; filename*=utf-8\'\'re%C3%A7u.pdf',
          'Content-Transfer-Encoding: base64',
          '',
          Buffer.from('%PDF').toString('base64'),
          '--outer--',
          '',
        ),
        { destination: { to: ['a@example.org', 'c@example.org', 'hidden@example.org'] }, from: 'shop@example.net' },
      ),
    );
    const d = (await engine.messages.get(messageId))!;
    expect(d.text).toBe('Merci à vous');
    expect(d.html).toBe('<p>Merci à vous</p>');
    expect(d.cc).toEqual([{ name: 'C', address: 'c@example.org' }]);
    expect(d.replyTo).toEqual([{ name: '', address: 'help@example.net' }]);
    expect(d.bcc).toEqual(['hidden@example.org']);
    expect(d.envelope).toEqual({ mailFrom: 'shop@example.net', rcptTo: ['a@example.org', 'c@example.org', 'hidden@example.org'] });
    expect(d.headers[0]).toEqual({ name: 'Return-Path', value: `<${messageId}@amazonses.com>` });
    expect(d.headers.map((h) => h.name)).toContain('Reply-To');
    expect(d.attachments).toEqual([{ index: 0, filename: 'reçu.pdf', contentType: 'application/pdf', size: 4, contentId: null, disposition: 'attachment' }]);
    expect((await engine.messages.attachment(messageId, 0))!.content.toString()).toBe('%PDF');
    expect(d.hasAttachments).toBe(true);
    expect(d.api).toEqual({ operation: 'SendRawEmail', accessKeyId: 'AKIATEST', sourceIp: '10.0.0.7', requestId: 'req-1' });
    expect(d.smtp).toBeNull();
    expect(d.tags['ses:operation']).toEqual(['SendRawEmail']);
    expect(d.events.map((e) => e.eventType)).toEqual(['Send', 'Delivery']);
    expect(d.size).toBe((await engine.messages.raw(messageId))!.length);
    expect(await engine.messages.get('missing')).toBeUndefined();
  });
});

describe('search counting cap', () => {
  it(`counts matches up to SEARCH_COUNT_CAP and says when it stopped`, async () => {
    const { engine } = await seeded(SEARCH_COUNT_CAP + 2, SEARCH_COUNT_CAP * 2);
    const broad = engine.messages.list({ q: 'invoice', limit: 5 });
    expect(broad.total).toBe(SEARCH_COUNT_CAP);
    expect(broad.totalCapped).toBe(true);
    expect(broad.items).toHaveLength(5);
    // Mixed: an indexed word plus a short (LIKE) word, read newest first through the index.
    const mixed = engine.messages.list({ q: 'invoice 9', limit: 3 });
    // 10001 and 10000 have no '9' in any searched column, so the newest matches are 9999, 9998, 9997.
    expect(mixed.items.map((m) => m.subject)).toEqual(['Invoice number 9999', 'Invoice number 9998', 'Invoice number 9997']);
    const narrow = engine.messages.list({ q: 'number 1000', limit: 50 });
    expect(narrow.totalCapped).toBe(false);
    expect(narrow.total).toBe(3); // 1000, 10000, 10001
    const all = engine.messages.list({ limit: 1 });
    expect([all.total, all.totalCapped]).toEqual([SEARCH_COUNT_CAP + 2, false]);
  }, 60_000);
});
