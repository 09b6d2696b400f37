// Migration 1: messages (summary columns), their content (raw MIME, detail fields, the SES mail object),
// SES events, identities, the send log and the trigram search index. Must not change once released: later schema changes are new numbered files.
import type { Db } from '../database';

export const version = 1;
export const name = 'initial';

export function up(db: Db): void {
  db.exec(`
    -- seq is the rowid, assigned by message-store.ts: monotonic and never reused for an indexed row, so
    -- newest-first paging is a b-tree walk and cursors stay valid. The SES MessageId is the public key
    -- everywhere (UNIQUE); the integer as the physical key keeps child rows small. Unread and total counts
    -- live in memory (counted once at open), so no index is kept for them.
    CREATE TABLE messages (
      seq               INTEGER PRIMARY KEY,
      id                TEXT NOT NULL UNIQUE,
      received_at       INTEGER NOT NULL,
      door              TEXT NOT NULL,
      operation         TEXT NOT NULL,
      source            TEXT NOT NULL,
      mail_from         TEXT NOT NULL,
      from_name         TEXT,
      from_addr         TEXT,
      to_json           TEXT NOT NULL,
      subject           TEXT NOT NULL,
      snippet           TEXT NOT NULL,
      size              INTEGER NOT NULL,
      read              INTEGER NOT NULL DEFAULT 0,
      has_attachments   INTEGER NOT NULL,
      status            TEXT NOT NULL,
      configuration_set TEXT
    );

    -- What only a detail view needs, apart from the summary rows so inbox pages and LIKE scans read less:
    -- the raw MIME (codec 0 = as is, 1 = deflate), the rest of the record as JSON, and the SES \`mail\`
    -- object every event of the message shares (stored once, not once per event).
    CREATE TABLE message_content (
      seq       INTEGER PRIMARY KEY,
      codec     INTEGER NOT NULL,
      raw       BLOB NOT NULL,
      meta_json TEXT NOT NULL,
      mail_json TEXT NOT NULL
    );

    -- An event is {eventType, mail, ...body}; mail_tags_json replaces mail.tags when the event's differ
    -- (Delivery adds ses:outgoing-ip). id = message seq × 65536 + n: a message's events are one rowid
    -- range, so no index is needed to read or delete them.
    CREATE TABLE events (
      id             INTEGER PRIMARY KEY,
      message_id     TEXT NOT NULL,
      event_type     TEXT NOT NULL,
      timestamp      INTEGER NOT NULL,
      body_json      TEXT NOT NULL,
      mail_tags_json TEXT
    );

    CREATE TABLE identities (
      identity            TEXT PRIMARY KEY,
      type                TEXT NOT NULL,
      verification_status TEXT NOT NULL,
      verification_token  TEXT,
      created_at          INTEGER NOT NULL
    );

    -- Recipients sent per millisecond: the rolling 24-hour quota counts recipients (ses-facts §A.8). Keyed
    -- by time (sends in the same millisecond add up), so the window is a range scan of one b-tree.
    CREATE TABLE send_log (
      at         INTEGER PRIMARY KEY,
      recipients INTEGER NOT NULL
    );

    -- Substring search over subject, addresses and snippet. Contentless (the text lives in messages) with
    -- contentless_delete so pruned and deleted rows leave the index; rowid = messages.seq. Written in
    -- batches behind the messages (search-index.ts); store_meta.fts_indexed_upto is its watermark.
    CREATE VIRTUAL TABLE messages_fts USING fts5(
      subject, addresses, snippet,
      content = '', contentless_delete = 1, tokenize = 'trigram remove_diacritics 1'
    );

    CREATE TABLE store_meta (
      key   TEXT PRIMARY KEY,
      value INTEGER NOT NULL
    );
  `);
}
