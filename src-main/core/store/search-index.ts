// Writes to the FTS5 trigram index, in batches behind the messages table.
// Why batches: FTS5 writes a new index segment per transaction; indexing each message in its own accept
// transaction cost ~57 µs CPU per message (measured), a batch of 128 costs a few µs per message. So the
// accept transaction only queues the row here; the queue is flushed in one transaction when it is full,
// before any search (so searches always see every accepted message), and on close. The index is derived
// data: `store_meta.fts_indexed_upto` records how far it got, and opening the store indexes whatever a
// crash left behind, from the messages table.
// Must not: answer queries (message-search.ts) or decide what is searchable (rows.ts: searchAddresses).
import { FULL_COLUMNS, searchAddresses, toStored, type FullRow } from './rows';
import type { Db } from './database';

export const FTS_BATCH = 128;

interface Entry {
  subject: string;
  addresses: string;
  snippet: string;
}

export interface SearchIndex {
  queue(seq: number, entry: Entry): void;
  /** Makes every queued row searchable. */
  flush(): void;
  remove(seq: number): void;
  clear(): void;
  /** The highest seq ever written to the index. */
  watermark(): number;
}

export function createSearchIndex(db: Db): SearchIndex {
  const st = {
    insert: db.prepare('INSERT INTO messages_fts (rowid, subject, addresses, snippet) VALUES (?, ?, ?, ?)'),
    remove: db.prepare('DELETE FROM messages_fts WHERE rowid = ?'),
    mark: db.prepare(
      `INSERT INTO store_meta (key, value) VALUES ('fts_indexed_upto', ?)
       ON CONFLICT(key) DO UPDATE SET value = max(value, excluded.value)`,
    ),
    upto: db.prepare(`SELECT value FROM store_meta WHERE key = 'fts_indexed_upto'`).pluck(),
    behind: db.prepare(`SELECT ${FULL_COLUMNS} FROM messages m JOIN message_content c ON c.seq = m.seq WHERE m.seq > ? ORDER BY m.seq`),
  };
  const pending = new Map<number, Entry>();

  const write = db.transaction((rows: [number, Entry][]) => {
    let max = 0;
    for (const [seq, e] of rows) {
      st.insert.run(seq, e.subject, e.addresses, e.snippet);
      max = Math.max(max, seq);
    }
    st.mark.run(max);
    upto = Math.max(upto, max);
  });

  // Catch up after a crash: rows committed but never indexed.
  let upto = (st.upto.get() as number | undefined) ?? 0;
  const missing = (st.behind.all(upto) as FullRow[]).map((r): [number, Entry] => {
    const m = toStored(r);
    return [m.seq, { subject: m.subject, addresses: searchAddresses(m), snippet: m.snippet }];
  });
  if (missing.length) write(missing);

  const flush = () => {
    if (pending.size === 0) return;
    write([...pending]); // on failure the rows stay queued for the next flush (or the next open)
    pending.clear();
  };

  return {
    queue(seq, entry) {
      pending.set(seq, entry);
      if (pending.size < FTS_BATCH) return;
      try {
        flush();
      } catch {
        // Never fail an accept that already committed: the batch is retried by the next flush, and a
        // search flushes (and reports the failure) before it reads.
      }
    },
    flush,
    remove(seq) {
      if (!pending.delete(seq)) st.remove.run(seq);
    },
    clear: () => pending.clear(),
    watermark: () => upto,
  };
}
