// The templates table (`templates`, migration 004): one JSON document per template, listed in creation order.
// Owns: the SQL. Must not: know what the document holds or check names and sizes (core/templates does).
import type { Db } from './database';

export interface TemplateRow<T> {
  name: string;
  createdAt: number;
  updatedAt: number;
  doc: T;
}

export interface TemplateStore<T> {
  /** False when the name is taken. */
  insert(name: string, at: number, doc: T): boolean;
  get(name: string): TemplateRow<T> | undefined;
  /** `limit` rows from `offset`, in creation order, then name. */
  page(offset: number, limit: number): TemplateRow<T>[];
  count(): number;
  /** False when there is no such template. */
  update(name: string, at: number, doc: T): boolean;
  delete(name: string): boolean;
  clear(): void;
}

interface Row {
  name: string;
  created_at: number;
  updated_at: number;
  json: string;
}

export function createTemplateStore<T>(db: Db): TemplateStore<T> {
  const st = {
    insert: db.prepare('INSERT INTO templates (name, created_at, updated_at, json) VALUES (?, ?, ?, ?) ON CONFLICT(name) DO NOTHING'),
    get: db.prepare('SELECT * FROM templates WHERE name = ?'),
    page: db.prepare('SELECT * FROM templates ORDER BY created_at, name LIMIT ? OFFSET ?'),
    count: db.prepare('SELECT COUNT(*) AS n FROM templates'),
    update: db.prepare('UPDATE templates SET json = ?, updated_at = ? WHERE name = ?'),
    delete: db.prepare('DELETE FROM templates WHERE name = ?'),
    clear: db.prepare('DELETE FROM templates'),
  };
  const toRow = (r: Row): TemplateRow<T> => ({ name: r.name, createdAt: r.created_at, updatedAt: r.updated_at, doc: JSON.parse(r.json) as T });
  return {
    insert: (name, at, doc) => st.insert.run(name, at, at, JSON.stringify(doc)).changes > 0,
    get(name) {
      const r = st.get.get(name) as Row | undefined;
      return r && toRow(r);
    },
    page: (offset, limit) => (st.page.all(limit, offset) as Row[]).map(toRow),
    count: () => (st.count.get() as { n: number }).n,
    update: (name, at, doc) => st.update.run(JSON.stringify(doc), at, name).changes > 0,
    delete: (name) => st.delete.run(name).changes > 0,
    clear: () => void st.clear.run(),
  };
}
