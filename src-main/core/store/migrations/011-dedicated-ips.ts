// Migration 11: dedicated IP pools and dedicated IPs (core/dedicated-ips). A pool row per pool the account
// created; an IP row per leased or managed IP, with its pool (NULL = ses-default-dedicated-pool), its warm-up
// percentage (REAL: progress between whole percents is kept), and the recipients sent on its current UTC day
// with the percentage it had when that day began (which fixes the day's warm-up allowance).
// Must not change once released.
import type { Db } from '../database';

export const version = 11;
export const name = 'dedicated-ips';

export function up(db: Db): void {
  db.exec(`
    CREATE TABLE dedicated_ip_pools (
      name         TEXT PRIMARY KEY,
      scaling_mode TEXT NOT NULL,
      tags_json    TEXT NOT NULL DEFAULT '[]',
      created_at   INTEGER NOT NULL
    );
    CREATE TABLE dedicated_ips (
      ip                TEXT PRIMARY KEY,
      pool              TEXT,
      managed           INTEGER NOT NULL DEFAULT 0,
      warmup_percentage REAL NOT NULL DEFAULT 0,
      day               INTEGER NOT NULL DEFAULT 0,
      day_sent          INTEGER NOT NULL DEFAULT 0,
      day_percentage    REAL NOT NULL DEFAULT 0,
      total_sent        INTEGER NOT NULL DEFAULT 0,
      leased_at         INTEGER NOT NULL
    );
    CREATE INDEX dedicated_ips_by_pool ON dedicated_ips (pool);
  `);
}
