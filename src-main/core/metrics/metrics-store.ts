// The statistics ledger's SQL (migration 010): one prepared UPSERT per (bucket, metric, dimensions) count,
// the per-message marks counting needs later (recipients left out of reputation, first Open/Click), and the
// aggregate reads the metrics service answers from. Rows older than the kept window go lazily (`prune`).
// Owns: those statements. Must not: decide what is counted (metrics.ts and counting.ts do).
import type { Db } from '../store/database';

export interface BucketRow {
  bucket: number;
  metric: string;
  total: number;
}

export interface GroupRow {
  key: string;
  metric: string;
  total: number;
}

export type DimColumn = 'configuration_set' | 'identity' | 'isp';

export interface DimFilter {
  configuration_set?: string;
  identity?: string;
  isp?: string;
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(',');

export function createMetricsStore(db: Db) {
  const upsert = db.prepare(
    `INSERT INTO metric_buckets (bucket, metric, configuration_set, identity, isp, count) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (bucket, metric, configuration_set, identity, isp) DO UPDATE SET count = count + excluded.count`,
  );
  const markOnce = db.prepare('INSERT OR IGNORE INTO metric_message_marks (message_id, mark, at) VALUES (?, ?, ?)');
  const marksOf = db.prepare<[string], { mark: string }>("SELECT mark FROM metric_message_marks WHERE message_id = ? AND (mark LIKE 'unrated:%' OR mark LIKE 'track:%')");
  const pruneBuckets = db.prepare('DELETE FROM metric_buckets WHERE bucket < ?');
  const pruneMarks = db.prepare('DELETE FROM metric_message_marks WHERE at < ?');
  const cache = new Map<string, ReturnType<typeof db.prepare<unknown[]>>>();
  const stmt = (sql: string) => {
    let s = cache.get(sql);
    if (!s) {
      s = db.prepare<unknown[]>(sql);
      cache.set(sql, s);
    }
    return s;
  };
  const where = (metrics: readonly string[], filter: DimFilter) => {
    const clauses = [`metric IN (${placeholders(metrics.length)})`, 'bucket >= ?', 'bucket < ?'];
    const args: unknown[] = [];
    for (const col of ['configuration_set', 'identity', 'isp'] as const) {
      if (filter[col] === undefined) continue;
      clauses.push(`${col} = ?`);
      args.push(filter[col]);
    }
    return { sql: clauses.join(' AND '), args };
  };

  return {
    /** Adds `n` (may be negative) to one count; call inside the caller's transaction. */
    add(bucket: number, metric: string, configurationSet: string, identity: string, isp: string, n: number): void {
      upsert.run(bucket, metric, configurationSet, identity, isp, n);
    },
    /** True the first time `mark` is set for the message. */
    markOnce(messageId: string, mark: string, at: number): boolean {
      return markOnce.run(messageId, mark, at).changes === 1;
    },
    /** The marks noted for the message at send time (`unrated:<address>`, `track:open`, `track:click`). */
    marks(messageId: string): Set<string> {
      return new Set(marksOf.all(messageId).map((r) => r.mark));
    },
    /** Per-bucket totals of `metrics` in [from, to) under `filter`. */
    perBucket(metrics: readonly string[], from: number, to: number, filter: DimFilter = {}): BucketRow[] {
      const w = where(metrics, filter);
      return stmt(`SELECT bucket, metric, SUM(count) AS total FROM metric_buckets WHERE ${w.sql} GROUP BY bucket, metric ORDER BY bucket`).all(
        ...metrics,
        from,
        to,
        ...w.args,
      ) as BucketRow[];
    },
    /** Totals of `metrics` in [from, to) grouped by one dimension column. */
    grouped(metrics: readonly string[], from: number, to: number, by: DimColumn): GroupRow[] {
      const w = where(metrics, {});
      return stmt(`SELECT ${by} AS key, metric, SUM(count) AS total FROM metric_buckets WHERE ${w.sql} GROUP BY ${by}, metric ORDER BY ${by}`).all(
        ...metrics,
        from,
        to,
      ) as GroupRow[];
    },
    /** Every kept reputation count per bucket and configuration set (reputation-tally.ts loads it once). */
    reputationRows(metrics: readonly string[]): { bucket: number; configurationSet: string; metric: string; total: number }[] {
      return stmt(
        `SELECT bucket, configuration_set AS configurationSet, metric, SUM(count) AS total FROM metric_buckets
         WHERE metric IN (${placeholders(metrics.length)}) GROUP BY bucket, configuration_set, metric`,
      ).all(...metrics) as { bucket: number; configurationSet: string; metric: string; total: number }[];
    },
    prune(before: number): void {
      pruneBuckets.run(before);
      pruneMarks.run(before);
    },
    reset(): void {
      db.exec('DELETE FROM metric_buckets; DELETE FROM metric_message_marks;');
    },
  };
}

export type MetricsStore = ReturnType<typeof createMetricsStore>;
