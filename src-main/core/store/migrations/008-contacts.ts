// Migration 8: contact lists, contacts and list-management unsubscribe tokens (core/contacts). A list is
// one JSON document (topics, description, tags); a contact is keyed by list and lower-cased address; a
// token stands for one message, recipient and topic (the List-Unsubscribe URL). Must not change once released.
import type { Db } from '../database';

export const version = 8;
export const name = 'contacts';

export function up(db: Db): void {
  db.exec(`
    CREATE TABLE contact_lists (
      name       TEXT PRIMARY KEY,
      doc_json   TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE TABLE contacts (
      list       TEXT NOT NULL,
      email_key  TEXT NOT NULL,
      doc_json   TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (list, email_key)
    );
    CREATE TABLE unsubscribe_tokens (
      token      TEXT PRIMARY KEY,
      message_id TEXT NOT NULL,
      list       TEXT NOT NULL,
      topic      TEXT,
      email      TEXT NOT NULL
    );
    CREATE INDEX unsubscribe_tokens_by_message ON unsubscribe_tokens (message_id);
  `);
}
