// Identity rows and Sesame's local DNS zone in SQLite (tables `identities` and `dns_records`, migrations 1
// and 3). An identity row is its name, type, status, legacy token, creation time and one JSON document of
// everything else (`attrs_json`: DKIM keys, MAIL FROM, tags, verification link…), whose shape core/identities
// owns. Zone rows are (name, type, value) with the identity that published them.
// Must not: decide verification, build records or read the attributes (core/identities does).
import type { Db } from './database';

export interface IdentityRow {
  identity: string;
  type: string;
  verificationStatus: string;
  verificationToken: string | null;
  createdAt: number;
  /** The parsed `attrs_json` document. */
  attrs: Record<string, unknown>;
}

export interface IdentityRowStore {
  /** Every identity, oldest first. */
  list(): IdentityRow[];
  /** Inserts or replaces the row. */
  put(row: IdentityRow): void;
  delete(identity: string): boolean;
  clear(): void;
}

export interface ZoneRow {
  name: string;
  type: string;
  value: string;
  identity: string;
}

export interface ZoneRowStore {
  /** Replaces what `identity` published with `rows` (one transaction). */
  replaceFor(identity: string, rows: Omit<ZoneRow, 'identity'>[]): void;
  deleteFor(identity: string): void;
  /** Values at `name` (lower case) of `type`. */
  resolve(name: string, type: string): string[];
  list(): ZoneRow[];
  clear(): void;
}

interface Row {
  identity: string;
  type: string;
  verification_status: string;
  verification_token: string | null;
  created_at: number;
  attrs_json: string;
}

function parseAttrs(json: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(json);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function createIdentityRowStore(db: Db): IdentityRowStore {
  const st = {
    list: db.prepare('SELECT * FROM identities ORDER BY created_at, rowid'),
    // An upsert, not INSERT OR REPLACE: replacing would give the row a new rowid and reorder equal created_at.
    put: db.prepare(
      `INSERT INTO identities (identity, type, verification_status, verification_token, created_at, attrs_json)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(identity) DO UPDATE SET type = excluded.type, verification_status = excluded.verification_status,
         verification_token = excluded.verification_token, created_at = excluded.created_at, attrs_json = excluded.attrs_json`,
    ),
    delete: db.prepare('DELETE FROM identities WHERE identity = ?'),
    clear: db.prepare('DELETE FROM identities'),
  };
  return {
    list: () =>
      (st.list.all() as Row[]).map((r) => ({
        identity: r.identity,
        type: r.type,
        verificationStatus: r.verification_status,
        verificationToken: r.verification_token,
        createdAt: r.created_at,
        attrs: parseAttrs(r.attrs_json),
      })),
    put: (r) => void st.put.run(r.identity, r.type, r.verificationStatus, r.verificationToken, r.createdAt, JSON.stringify(r.attrs)),
    delete: (identity) => st.delete.run(identity).changes > 0,
    clear: () => void st.clear.run(),
  };
}

export function createZoneRowStore(db: Db): ZoneRowStore {
  const st = {
    insert: db.prepare('INSERT OR IGNORE INTO dns_records (name, type, value, identity) VALUES (?, ?, ?, ?)'),
    deleteFor: db.prepare('DELETE FROM dns_records WHERE identity = ?'),
    resolve: db.prepare('SELECT value FROM dns_records WHERE name = ? AND type = ? ORDER BY rowid').pluck(),
    list: db.prepare('SELECT name, type, value, identity FROM dns_records ORDER BY identity, rowid'),
    clear: db.prepare('DELETE FROM dns_records'),
  };
  const replaceFor = db.transaction((identity: string, rows: Omit<ZoneRow, 'identity'>[]) => {
    st.deleteFor.run(identity);
    for (const r of rows) st.insert.run(r.name.toLowerCase(), r.type, r.value, identity);
  });
  return {
    replaceFor: (identity, rows) => replaceFor(identity, rows),
    deleteFor: (identity) => void st.deleteFor.run(identity),
    resolve: (name, type) => st.resolve.all(name.toLowerCase(), type) as string[],
    list: () => st.list.all() as ZoneRow[],
    clear: () => void st.clear.run(),
  };
}
