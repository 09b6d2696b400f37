// Migration 10: the statistics ledger (core/metrics). Counts per 15-minute bucket of Sesame's time, per
// metric and per (configuration set, identity, ISP) — '' where there is none — kept apart from messages so
// retention pruning mail never changes a statistic; rows older than the kept window are pruned lazily by
// core/metrics/metrics-store.ts. Beside it, the few per-message facts counting needs later: recipients a
// scenario rule left out of reputation (`countsTowardReputation: false`), and the first Open/Click per
// message (VDM's unique DELIVERY_OPEN / DELIVERY_CLICK).
// Must not change once released.
import type { Db } from '../database';

export const version = 10;
export const name = 'metrics';

export function up(db: Db): void {
  db.exec(`
    CREATE TABLE metric_buckets (
      bucket            INTEGER NOT NULL,
      metric            TEXT    NOT NULL,
      configuration_set TEXT    NOT NULL DEFAULT '',
      identity          TEXT    NOT NULL DEFAULT '',
      isp               TEXT    NOT NULL DEFAULT '',
      count             INTEGER NOT NULL,
      PRIMARY KEY (bucket, metric, configuration_set, identity, isp)
    ) WITHOUT ROWID;
    CREATE TABLE metric_message_marks (
      message_id TEXT    NOT NULL,
      mark       TEXT    NOT NULL,
      at         INTEGER NOT NULL,
      PRIMARY KEY (message_id, mark)
    ) WITHOUT ROWID;
    CREATE INDEX metric_message_marks_at ON metric_message_marks (at);
  `);
}
