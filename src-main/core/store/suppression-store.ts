// The account-level suppression list's table (`suppressed_destinations`, migration 003): rows keyed by the
// lower-cased address, and the newest-first keyset pages ListSuppressedDestinations reads.
// Owns: the SQL. Must not: decide what is listed or when (core/suppression does).
import type { SuppressedDestination, SuppressionReason } from '../suppression/api';
import type { Db } from './database';

interface Row {
  email_key: string;
  email: string;
  reason: string;
  last_update_time: number;
  message_id: string | null;
  feedback_id: string | null;
}

/** Where a page starts: after this (time, key) in newest-first order. */
export interface SuppressionCursor {
  time: number;
  key: string;
}

export interface SuppressionPageQuery {
  reasons: readonly SuppressionReason[];
  start: number;
  end: number;
  after: SuppressionCursor | null;
  limit: number;
}

export interface SuppressionRow extends SuppressedDestination {
  key: string;
}

export interface SuppressionStore {
  upsert(key: string, d: SuppressedDestination): void;
  get(key: string): SuppressionRow | undefined;
  delete(key: string): boolean;
  /** Newest first (time descending, then key); at most `limit` rows. */
  page(q: SuppressionPageQuery): SuppressionRow[];
  clear(): void;
  /** Runs `fn` in one transaction (imports). */
  transaction<T>(fn: () => T): T;
}

const toRow = (r: Row): SuppressionRow => ({
  key: r.email_key,
  emailAddress: r.email,
  reason: r.reason as SuppressionReason,
  lastUpdateTime: r.last_update_time,
  messageId: r.message_id,
  feedbackId: r.feedback_id,
});

export function createSuppressionStore(db: Db): SuppressionStore {
  const st = {
    upsert: db.prepare(
      `INSERT INTO suppressed_destinations (email_key, email, reason, last_update_time, message_id, feedback_id)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(email_key) DO UPDATE SET email = excluded.email, reason = excluded.reason,
         last_update_time = excluded.last_update_time, message_id = excluded.message_id, feedback_id = excluded.feedback_id`,
    ),
    get: db.prepare('SELECT * FROM suppressed_destinations WHERE email_key = ?'),
    delete: db.prepare('DELETE FROM suppressed_destinations WHERE email_key = ?'),
    // One statement for every filter: reasons as flags, dates and the cursor as bounds that default wide open.
    page: db.prepare(
      `SELECT * FROM suppressed_destinations
       WHERE ((@bounce = 1 AND reason = 'BOUNCE') OR (@complaint = 1 AND reason = 'COMPLAINT'))
         AND last_update_time >= @start AND last_update_time <= @end
         AND (last_update_time < @afterTime OR (last_update_time = @afterTime AND email_key > @afterKey))
       ORDER BY last_update_time DESC, email_key
       LIMIT @limit`,
    ),
    clear: db.prepare('DELETE FROM suppressed_destinations'),
  };
  return {
    upsert(key, d) {
      st.upsert.run(key, d.emailAddress, d.reason, d.lastUpdateTime, d.messageId, d.feedbackId);
    },
    get(key) {
      const r = st.get.get(key) as Row | undefined;
      return r && toRow(r);
    },
    delete: (key) => st.delete.run(key).changes > 0,
    page(q) {
      const all = q.reasons.length === 0;
      const rows = st.page.all({
        bounce: all || q.reasons.includes('BOUNCE') ? 1 : 0,
        complaint: all || q.reasons.includes('COMPLAINT') ? 1 : 0,
        start: q.start,
        end: q.end,
        afterTime: q.after?.time ?? Number.MAX_SAFE_INTEGER,
        afterKey: q.after?.key ?? '',
        limit: q.limit,
      }) as Row[];
      return rows.map(toRow);
    },
    clear: () => void st.clear.run(),
    transaction: (fn) => db.transaction(fn)(),
  };
}
