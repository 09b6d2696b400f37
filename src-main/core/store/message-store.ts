// Messages, their content (raw MIME, detail fields, SES mail object) and their SES events in SQLite.
// Owns: the accept transaction, reads, read flags, deletes, retention pruning, and the total/unread
// counters kept in memory so badges never count rows.
// Must not: decide SES behaviour, parse MIME or emit domain events (the engine does, after commit).
import type { MessageStatus, SesEventRecord, SesEventType } from '../../contract/messages';
import { createMessageSearch } from './message-search';
import { decodeRaw, encodeRaw, FULL_COLUMNS, messageParams, metaJson, searchAddresses, toStored, type FullRow } from './rows';
import { createSearchIndex } from './search-index';
import type { Db } from './database';
import type { AcceptResult, EncodedRaw, MailOverride, MessageRecord, MessageStore, NewEvent } from './types';

/** Event ids are `seq × EVENT_ID_SPAN + n`, so a message's events are one rowid range. */
export const EVENT_ID_SPAN = 65536;

/** An events row joined with its message's `mail_json` (event-query.ts reads the same columns and more). */
export interface EventRow {
  id: number;
  message_id: string;
  event_type: string;
  timestamp: number;
  body_json: string;
  mail_override_json: string | null;
  mail_json: string;
}

/** `mail` as one event reports it: the override's keys replace `mail`'s (in `mail`'s order); null removes one. */
function applyMailOverride(mail: object, override: MailOverride | null | undefined): object {
  if (!override) return mail;
  const out: Record<string, unknown> = { ...mail, ...override };
  for (const [k, v] of Object.entries(override)) if (v === null) delete out[k];
  return out;
}

/** `{eventType, mail, ...body}`: the SES event envelope, key order as SES sends it. */
function assemble(eventType: SesEventType, mail: object, body: Record<string, unknown>, override?: MailOverride | null) {
  return { eventType, mail: applyMailOverride(mail, override), ...body };
}

export const toEventRecord = (r: EventRow): SesEventRecord => ({
  id: r.id,
  messageId: r.message_id,
  eventType: r.event_type as SesEventType,
  timestamp: new Date(r.timestamp).toISOString(),
  payload: assemble(r.event_type as SesEventType, JSON.parse(r.mail_json), JSON.parse(r.body_json), r.mail_override_json ? JSON.parse(r.mail_override_json) : null),
});

export function createMessageStore(db: Db, opts: { maxMessages: number }): MessageStore {
  const st = {
    insert: db.prepare(
      `INSERT INTO messages (seq, id, received_at, door, operation, source, mail_from, from_name, from_addr, to_json,
         subject, snippet, size, has_attachments, status, configuration_set, search_addresses)
       VALUES (@seq, @id, @received_at, @door, @operation, @source, @mail_from, @from_name, @from_addr, @to_json,
         @subject, @snippet, @size, @has_attachments, @status, @configuration_set, @search_addresses)`,
    ),
    insertContent: db.prepare('INSERT INTO message_content (seq, codec, raw, meta_json, mail_json) VALUES (?, ?, ?, ?, ?)'),
    insertEvent: db.prepare(
      'INSERT INTO events (id, message_id, event_type, timestamp, body_json, mail_override_json) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    insertSendLog: db.prepare(
      'INSERT INTO send_log (at, recipients) VALUES (?, ?) ON CONFLICT(at) DO UPDATE SET recipients = recipients + excluded.recipients',
    ),
    pruneOldest: db.prepare('DELETE FROM messages WHERE seq IN (SELECT seq FROM messages ORDER BY seq LIMIT ?) RETURNING seq, id, read'),
    deleteContentUpTo: db.prepare('DELETE FROM message_content WHERE seq <= ?'),
    deleteEventsBelow: db.prepare('DELETE FROM events WHERE id < ?'),
    deleteById: db.prepare('DELETE FROM messages WHERE id = ? RETURNING seq, read'),
    deleteContent: db.prepare('DELETE FROM message_content WHERE seq = ?'),
    deleteEvents: db.prepare('DELETE FROM events WHERE id >= ? AND id < ?'),
    lastEventId: db.prepare('SELECT max(id) FROM events WHERE id >= ? AND id < ?').pluck(),
    maxSeq: db.prepare('SELECT max(seq) FROM messages').pluck(),
    getFull: db.prepare(`SELECT ${FULL_COLUMNS} FROM messages m JOIN message_content c ON c.seq = m.seq WHERE m.id = ?`),
    seqAndMail: db.prepare('SELECT m.seq, c.mail_json FROM messages m JOIN message_content c ON c.seq = m.seq WHERE m.id = ?'),
    raw: db.prepare('SELECT c.codec, c.raw FROM message_content c WHERE c.seq = (SELECT seq FROM messages WHERE id = ?)'),
    events: db.prepare(
      `SELECT e.id, e.message_id, e.event_type, e.timestamp, e.body_json, e.mail_override_json, c.mail_json
       FROM messages m JOIN message_content c ON c.seq = m.seq
       JOIN events e ON e.id >= m.seq * ${EVENT_ID_SPAN} AND e.id < (m.seq + 1) * ${EVENT_ID_SPAN}
       WHERE m.id = ? ORDER BY e.id`,
    ),
    setRead: db.prepare('UPDATE messages SET read = ? WHERE id = ? AND read != ?'),
    setStatus: db.prepare('UPDATE messages SET status = ? WHERE seq = ?'),
    count: db.prepare('SELECT count(*) FROM messages').pluck(),
    countUnread: db.prepare('SELECT count(*) FROM messages WHERE read = 0').pluck(),
    listAll: db.prepare(`SELECT ${FULL_COLUMNS} FROM messages m JOIN message_content c ON c.seq = m.seq ORDER BY m.seq`),
    listByEmail: db.prepare(
      `SELECT ${FULL_COLUMNS} FROM messages m JOIN message_content c ON c.seq = m.seq
       WHERE m.source = ? OR m.mail_from = ? ORDER BY m.seq`,
    ),
  };
  const search = createMessageSearch(db);
  const index = createSearchIndex(db);
  const counters = { total: 0, unread: 0, version: 0 };
  // Never reuse a seq the search index has seen (a deleted newest message's seq would otherwise return).
  let nextSeq = Math.max((st.maxSeq.get() as number | null) ?? 0, index.watermark()) + 1;
  const resync = () => {
    counters.total = st.count.get() as number;
    counters.unread = st.countUnread.get() as number;
  };
  resync();
  /** Counters move inside transactions; a rolled-back transaction recounts them from the table. */
  const guarded =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      try {
        return fn(...args);
      } catch (err) {
        resync();
        throw err;
      } finally {
        counters.version++;
      }
    };

  const insertEvent = (id: number, messageId: string, mail: object, e: NewEvent): SesEventRecord => {
    st.insertEvent.run(id, messageId, e.eventType, e.timestamp, JSON.stringify(e.body), e.mailOverride ? JSON.stringify(e.mailOverride) : null);
    const payload = assemble(e.eventType, mail, e.body, e.mailOverride);
    return { id, messageId, eventType: e.eventType, timestamp: new Date(e.timestamp).toISOString(), payload };
  };

  /** Retention: drop the oldest rows beyond the cap. Steady state is one row per insert (index lookups only). */
  const prune = (): string[] => {
    const excess = counters.total - opts.maxMessages;
    if (excess <= 0) return [];
    const gone = st.pruneOldest.all(excess) as { seq: number; id: string; read: number }[];
    let cutoff = 0;
    for (const g of gone) {
      cutoff = Math.max(cutoff, g.seq);
      index.remove(g.seq);
      if (g.read === 0) counters.unread--;
    }
    // Every message at or below the cutoff is gone (they were the oldest), so children go by range.
    st.deleteContentUpTo.run(cutoff);
    st.deleteEventsBelow.run((cutoff + 1) * EVENT_ID_SPAN);
    counters.total -= gone.length;
    return gone.map((g) => g.id);
  };

  const acceptTx = db.transaction(
    (rec: MessageRecord, addresses: string, raw: EncodedRaw, mail: object, events: NewEvent[], log: { at: number; recipients: number }): AcceptResult => {
      const seq = nextSeq;
      st.insert.run({ seq, ...messageParams(rec, addresses) });
      st.insertContent.run(seq, raw.codec, raw.data, metaJson(rec), JSON.stringify(mail));
      const recorded = events.map((e, n) => insertEvent(seq * EVENT_ID_SPAN + n, rec.id, mail, e));
      nextSeq = seq + 1;
      st.insertSendLog.run(log.at, log.recipients);
      counters.total++;
      counters.unread++;
      return { seq, events: recorded, prunedIds: prune() };
    },
  );

  const deleteTx = db.transaction((ids: string[]): string[] => {
    const deleted: string[] = [];
    for (const id of ids) {
      const row = st.deleteById.get(id) as { seq: number; read: number } | undefined;
      if (!row) continue;
      st.deleteContent.run(row.seq);
      st.deleteEvents.run(row.seq * EVENT_ID_SPAN, (row.seq + 1) * EVENT_ID_SPAN);
      index.remove(row.seq);
      counters.total--;
      if (row.read === 0) counters.unread--;
      deleted.push(id);
    }
    return deleted;
  });

  const deleteAllTx = db.transaction((): number => {
    const n = st.count.get() as number;
    db.exec(`DELETE FROM messages; DELETE FROM message_content; DELETE FROM events;
             INSERT INTO messages_fts(messages_fts) VALUES ('delete-all');`);
    index.clear();
    counters.total = 0;
    counters.unread = 0;
    return n;
  });

  const addEventTx = db.transaction((messageId: string, e: NewEvent, status: MessageStatus) => {
    const row = st.seqAndMail.get(messageId) as { seq: number; mail_json: string } | undefined;
    if (!row) return undefined;
    const base = row.seq * EVENT_ID_SPAN;
    const last = st.lastEventId.get(base, base + EVENT_ID_SPAN) as number | null;
    const id = last === null ? base : last + 1;
    if (id >= base + EVENT_ID_SPAN) throw new Error(`message ${messageId} has ${EVENT_ID_SPAN} events; no more are kept`);
    st.setStatus.run(status, row.seq);
    return insertEvent(id, messageId, JSON.parse(row.mail_json), e);
  });

  const setReadTx = db.transaction((id: string, read: boolean) => {
    const changed = st.setRead.run(read ? 1 : 0, id, read ? 1 : 0).changes;
    if (changed) counters.unread += read ? -1 : 1;
  });

  const full = (row: unknown) => (row ? toStored(row as FullRow) : undefined);

  return {
    encodeRaw,
    accept: guarded((rec: MessageRecord, raw: EncodedRaw, mail: object, events: NewEvent[], log: { at: number; recipients: number }) => {
      const addresses = searchAddresses(rec);
      const result = acceptTx(rec, addresses, raw, mail, events, log);
      index.queue(result.seq, { subject: rec.subject, addresses, snippet: rec.snippet });
      return result;
    }),
    addEvent: guarded((messageId: string, e: NewEvent, status: MessageStatus) => addEventTx(messageId, e, status)),
    page: (req) => {
      if (req.search?.trim()) index.flush();
      return search.page(req, counters.total, counters.version);
    },
    get: (id) => full(st.getFull.get(id)),
    raw: (id) => {
      // The row is read now (callers rely on a synchronous snapshot); only inflating waits.
      const row = st.raw.get(id) as { codec: number; raw: Buffer } | undefined;
      return row ? decodeRaw(row.codec, row.raw) : Promise.resolve(undefined);
    },
    events: (id) => (st.events.all(id) as EventRow[]).map(toEventRecord),
    setRead: (id, read) => {
      guarded(setReadTx)(id, read);
      return full(st.getFull.get(id));
    },
    delete: guarded((ids: string[]) => deleteTx(ids)),
    deleteAll: guarded(() => deleteAllTx()),
    list: (filter) => {
      const rows =
        filter.id !== undefined ? st.getFull.all(filter.id) : filter.email !== undefined ? st.listByEmail.all(filter.email, filter.email) : st.listAll.all();
      const out = rows.map((r) => toStored(r as FullRow));
      return filter.id !== undefined && filter.email !== undefined
        ? out.filter((m) => m.source === filter.email || m.mailFrom === filter.email)
        : out;
    },
    counts: () => ({ total: counters.total, unread: counters.unread }),
    flush: () => index.flush(),
  };
}
