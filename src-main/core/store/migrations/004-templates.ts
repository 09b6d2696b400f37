// Migration 4: email templates (SES v1 CreateTemplate / v2 CreateEmailTemplate, ses-facts §A.11): one row per
// template, its content (subject, text, HTML) and tags kept as one JSON document so later members need no
// schema change. Must not change once released: later schema changes are new numbered files.
import type { Db } from '../database';

export const version = 4;
export const name = 'templates';

export function up(db: Db): void {
  db.exec(`
    CREATE TABLE templates (
      name       TEXT PRIMARY KEY,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      json       TEXT NOT NULL
    );
  `);
}
