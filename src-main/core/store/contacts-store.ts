// The contact-list tables (migration 008): `contact_lists` (one JSON document per list), `contacts` (keyed by
// list and lower-cased address) and `unsubscribe_tokens`. Listing is in key order from an exclusive start key.
// Owns: the SQL. Must not: know SES's rules about lists, topics or preferences (core/contacts does).
import type { Db } from './database';

export interface StoredDoc<T> {
  key: string;
  doc: T;
  createdAt: number;
  updatedAt: number;
}

export interface TokenRow {
  token: string;
  messageId: string;
  list: string;
  topic: string | null;
  email: string;
}

interface DocRow {
  key: string;
  doc_json: string;
  created_at: number;
  updated_at: number;
}

const toDoc = <T>(r: DocRow): StoredDoc<T> => ({ key: r.key, doc: JSON.parse(r.doc_json) as T, createdAt: r.created_at, updatedAt: r.updated_at });

export function createContactsStore(db: Db) {
  const st = {
    listGet: db.prepare('SELECT name AS key, doc_json, created_at, updated_at FROM contact_lists WHERE name = ?'),
    listPut: db.prepare(
      'INSERT INTO contact_lists (name, doc_json, created_at, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET doc_json = excluded.doc_json, updated_at = excluded.updated_at',
    ),
    listAll: db.prepare('SELECT name AS key, doc_json, created_at, updated_at FROM contact_lists WHERE name > ? ORDER BY name LIMIT ?'),
    listCount: db.prepare('SELECT COUNT(*) AS n FROM contact_lists'),
    listDelete: db.prepare('DELETE FROM contact_lists WHERE name = ?'),
    contactGet: db.prepare('SELECT email_key AS key, doc_json, created_at, updated_at FROM contacts WHERE list = ? AND email_key = ?'),
    contactPut: db.prepare(
      'INSERT INTO contacts (list, email_key, doc_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(list, email_key) DO UPDATE SET doc_json = excluded.doc_json, updated_at = excluded.updated_at',
    ),
    contactAll: db.prepare('SELECT email_key AS key, doc_json, created_at, updated_at FROM contacts WHERE list = ? AND email_key > ? ORDER BY email_key'),
    contactDelete: db.prepare('DELETE FROM contacts WHERE list = ? AND email_key = ?'),
    contactsOfList: db.prepare('DELETE FROM contacts WHERE list = ?'),
    tokenPut: db.prepare('INSERT INTO unsubscribe_tokens (token, message_id, list, topic, email) VALUES (?, ?, ?, ?, ?) ON CONFLICT(token) DO NOTHING'),
    tokenGet: db.prepare('SELECT token, message_id AS messageId, list, topic, email FROM unsubscribe_tokens WHERE token = ?'),
    tokenDeleteMessage: db.prepare('DELETE FROM unsubscribe_tokens WHERE message_id = ?'),
    tokenClear: db.prepare('DELETE FROM unsubscribe_tokens'),
  };
  const forgetMany = db.transaction((ids: readonly string[]) => {
    for (const id of ids) st.tokenDeleteMessage.run(id);
  });
  return {
    getList: <T>(name: string) => {
      const r = st.listGet.get(name) as DocRow | undefined;
      return r && toDoc<T>(r);
    },
    putList: (name: string, doc: unknown, at: number) => void st.listPut.run(name, JSON.stringify(doc), at, at),
    /** Lists after `after` in name order, at most `limit`. */
    lists: <T>(after: string, limit: number) => (st.listAll.all(after, limit) as DocRow[]).map((r) => toDoc<T>(r)),
    countLists: () => (st.listCount.get() as { n: number }).n,
    deleteList: db.transaction((name: string) => {
      st.contactsOfList.run(name);
      return st.listDelete.run(name).changes > 0;
    }),
    getContact: <T>(list: string, key: string) => {
      const r = st.contactGet.get(list, key) as DocRow | undefined;
      return r && toDoc<T>(r);
    },
    putContact: (list: string, key: string, doc: unknown, at: number) => void st.contactPut.run(list, key, JSON.stringify(doc), at, at),
    /** Every contact after `after` in key order (filters apply in core, then the page is cut). */
    contacts: <T>(list: string, after: string) => (st.contactAll.all(list, after) as DocRow[]).map((r) => toDoc<T>(r)),
    deleteContact: (list: string, key: string) => st.contactDelete.run(list, key).changes > 0,
    putTokens(rows: readonly TokenRow[]) {
      for (const t of rows) st.tokenPut.run(t.token, t.messageId, t.list, t.topic, t.email);
    },
    getToken: (token: string) => st.tokenGet.get(token) as TokenRow | undefined,
    /** Drops the unsubscribe tokens of deleted messages ('all': every token). */
    forget(ids: readonly string[] | 'all') {
      if (ids === 'all') st.tokenClear.run();
      else forgetMany(ids);
    },
    clear: () => db.exec('DELETE FROM contacts; DELETE FROM contact_lists; DELETE FROM unsubscribe_tokens;'),
  };
}

export type ContactsStore = ReturnType<typeof createContactsStore>;
