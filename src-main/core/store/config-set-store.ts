// The configuration sets table (`configuration_sets`, migration 003): one JSON document per set, so groups
// added later (event destinations) need no schema change.
// Owns: the SQL. Must not: know what the document holds (core/config-sets does).
import type { Db } from './database';

export interface ConfigurationSetRow<T> {
  name: string;
  createdAt: number;
  doc: T;
}

export interface ConfigurationSetStore<T> {
  /** False when the name is taken. */
  insert(name: string, createdAt: number, doc: T): boolean;
  get(name: string): ConfigurationSetRow<T> | undefined;
  /** In creation order, then name. */
  list(): ConfigurationSetRow<T>[];
  /** False when there is no such set. */
  update(name: string, doc: T): boolean;
  delete(name: string): boolean;
  clear(): void;
}

interface Row {
  name: string;
  created_at: number;
  json: string;
}

export function createConfigurationSetStore<T>(db: Db): ConfigurationSetStore<T> {
  const st = {
    insert: db.prepare('INSERT INTO configuration_sets (name, created_at, json) VALUES (?, ?, ?) ON CONFLICT(name) DO NOTHING'),
    get: db.prepare('SELECT * FROM configuration_sets WHERE name = ?'),
    list: db.prepare('SELECT * FROM configuration_sets ORDER BY created_at, name'),
    update: db.prepare('UPDATE configuration_sets SET json = ? WHERE name = ?'),
    delete: db.prepare('DELETE FROM configuration_sets WHERE name = ?'),
    clear: db.prepare('DELETE FROM configuration_sets'),
  };
  const toRow = (r: Row): ConfigurationSetRow<T> => ({ name: r.name, createdAt: r.created_at, doc: JSON.parse(r.json) as T });
  return {
    insert: (name, createdAt, doc) => st.insert.run(name, createdAt, JSON.stringify(doc)).changes > 0,
    get(name) {
      const r = st.get.get(name) as Row | undefined;
      return r && toRow(r);
    },
    list: () => (st.list.all() as Row[]).map(toRow),
    update: (name, doc) => st.update.run(JSON.stringify(doc), name).changes > 0,
    delete: (name) => st.delete.run(name).changes > 0,
    clear: () => void st.clear.run(),
  };
}
